import type { Logger, webApi } from '@slack/bolt';
import { getRoster } from '../../digest/roster.js';
import { errorMessage, errorName } from '../../errors.js';
import { reopening, status } from '../../ledger/index.js';
import type { Scope } from '../../store/scope.js';
import { HOME_REOPENING_DAYS, type HomeDashboard, homeView } from '../blocks/home.js';
import type { Deps } from '../context.js';
import { accountFor } from './account.js';
import { ledgerSnapshot } from './ledger.js';

/** The dashboard for one user, read from the ledger; `undefined` when the ledger cannot be read. */
export async function homeDashboard(
  deps: Deps,
  scope: Scope,
  account: Awaited<ReturnType<typeof accountFor>>,
  logger: Logger,
): Promise<HomeDashboard | undefined> {
  try {
    const { entries, settings } = await ledgerSnapshot(deps, scope, account);
    const now = deps.clock();
    return {
      status: status(entries, settings, now),
      entries,
      weeklyCap: settings.weeklyCap,
      reopening: reopening(entries, now, undefined, HOME_REOPENING_DAYS),
      now,
    };
  } catch (error) {
    logger.error(`home ledger read failed for user ${scope.userId}: ${errorName(error)}`);
    return undefined;
  }
}

/**
 * Builds and publishes the user's Home tab: on opening it and after every
 * change made from it (an outcome, the account type, the weekly cap, the
 * digest schedule) and after an import.
 */
export async function publishHome(
  deps: Deps,
  client: webApi.WebClient,
  scope: Scope,
  logger: Logger,
): Promise<void> {
  try {
    const account = await accountFor(deps, scope, logger);
    const [dashboard, schedule] = await Promise.all([
      homeDashboard(deps, scope, account, logger),
      // Unreadable: the menus show the defaults; a choice made there is still stored.
      getRoster(deps.store.kv, scope).catch((error: unknown) => {
        logger.error(`home roster read failed for user ${scope.userId}: ${errorName(error)}`);
        return undefined;
      }),
    ]);
    await client.views.publish({
      user_id: scope.userId,
      view: homeView(account, dashboard, schedule),
    });
  } catch (error) {
    logger.error(`home publish failed for user ${scope.userId}: ${errorMessage(error)}`);
  }
}
