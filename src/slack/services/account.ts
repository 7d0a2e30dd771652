/**
 * The user's account type (Basic or Premium) as chosen in the Slack settings,
 * cached in the container, and forgetting everything held about a user.
 */
import type { Logger } from '@slack/bolt';
import { joinRoster, leaveRoster } from '../../digest/roster.js';
import { errorName } from '../../errors.js';
import { DEFAULT_ACCOUNT, SETTINGS } from '../../store/records.js';
import { type Scope, scopedKey } from '../../store/scope.js';
import { getAccount, setAccount } from '../../store/settings.js';
import { TIMED_OUT, withTimeout } from '../../timeout.js';
import type { Account } from '../../types.js';
import type { Deps } from '../context.js';

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
  let key: string;
  try {
    key = scopedKey(scope, 'settings');
  } catch (error) {
    logger.error(`settings read refused for user ${scope.userId}: ${errorName(error)}`);
    return DEFAULT_ACCOUNT;
  }
  const cached = deps.accounts.get(key);
  if (cached) return cached;

  try {
    const account = await withTimeout(getAccount(deps.store, scope), timeoutMs);
    if (account === TIMED_OUT) {
      logger.warn(`settings read timed out for user ${scope.userId}; using ${DEFAULT_ACCOUNT}`);
      return DEFAULT_ACCOUNT;
    }
    deps.accounts.set(key, account);
    return account;
  } catch (error) {
    logger.error(`settings read failed for user ${scope.userId}: ${errorName(error)}`);
    return DEFAULT_ACCOUNT;
  }
}

/** Stores the user's choice and remembers it for the next check. */
export async function chooseAccount(deps: Deps, scope: Scope, account: Account): Promise<void> {
  await setAccount(deps.store, scope, account);
  deps.accounts.set(scopedKey(scope, 'settings'), account);
  joinDigest(deps, scope);
}

/** Deletes everything held about the user: the ledger, the settings, and the cached account type. */
export async function forgetUser(deps: Deps, scope: Scope): Promise<number> {
  const ledgerRecords = await deps.ledger.forgetUser(scope);
  const settings = (await deps.store.delete(scope, SETTINGS)) ? 1 : 0;
  await leaveRoster(deps.store.kv, scope).catch(() => {});
  deps.accounts.delete(scopedKey(scope, 'settings'));
  return ledgerRecords + settings;
}

/** A user who has used the bot gets the weekly digest: on the roster once, left as they set it. */
export function joinDigest(deps: Deps, scope: Scope): void {
  void joinRoster(deps.store.kv, scope).catch(() => {});
}
