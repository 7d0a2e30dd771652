import type { Logger } from '@slack/bolt';
import { DEFAULT_ACCOUNT } from '../store/records.js';
import type { Scope } from '../store/scope.js';
import { getAccount } from '../store/settings.js';
import type { Store } from '../store/store.js';
import type { Account } from '../types.js';

/** What handlers need besides Bolt's arguments. */
export interface Deps {
  store: Store;
}

/**
 * The user's account type for a check. A store that fails or is slow must not
 * cost the user their answer (Slack gives us 3 seconds): after `timeoutMs` or an
 * error we check against the default and log the failure (ids only).
 */
export async function accountFor(
  deps: Deps,
  scope: Scope,
  logger: Logger,
  timeoutMs = 1500,
): Promise<Account> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Account>((resolve) => {
    timer = setTimeout(() => {
      logger.warn(`settings read timed out for user ${scope.userId}; using ${DEFAULT_ACCOUNT}`);
      resolve(DEFAULT_ACCOUNT);
    }, timeoutMs);
  });
  try {
    return await Promise.race([getAccount(deps.store, scope), timeout]);
  } catch (error) {
    logger.error(`settings read failed for user ${scope.userId}: ${(error as Error).name}`);
    return DEFAULT_ACCOUNT;
  } finally {
    clearTimeout(timer);
  }
}
