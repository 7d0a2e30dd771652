import type { Logger } from '@slack/bolt';
import { errorName } from '../../errors.js';
import { budgetLine, scopePrefix, statusFrom } from '../../ledger/index.js';
import type { Scope } from '../../store/scope.js';
import { TIMED_OUT, withTimeout } from '../../timeout.js';
import type { Account } from '../../types.js';
import type { Deps } from '../context.js';
import { accountFor } from './account.js';

export interface AccountAndBudget {
  account: Account;
  budget: string | undefined;
  /** Personalised notes left this month on Basic, for a user with a ledger (null on Premium). */
  notesLeft?: number | null;
}

/**
 * The account type and, for a user who has a ledger, the budget line ("This
 * week 37/100 · 212 pending · 2 personalised notes left this month"), read
 * together so the ledger costs a check no extra round trip in sequence. A
 * user known to have an empty ledger costs no ledger read at all. A ledger
 * read that fails or takes longer than `timeoutMs` gives no budget line, never
 * a lost check (ids only are logged).
 */
export async function accountAndBudget(
  deps: Deps,
  scope: Scope,
  logger: Logger,
  timeoutMs = 1500,
): Promise<AccountAndBudget> {
  let prefix: string | undefined;
  try {
    prefix = scopePrefix(scope);
  } catch {
    prefix = undefined;
  }
  if (prefix === undefined || deps.emptyLedgers.has(prefix)) {
    // No ledger to read: the account alone (cached after the first check), no timer to set.
    return { account: await accountFor(deps, scope, logger), budget: undefined };
  }
  // The stored summary, not every entry: a heavy user's check costs what a new user's does.
  const now = deps.clock();
  const read = withTimeout(deps.ledger.summary(scope, now), timeoutMs).catch((error: unknown) => {
    logger.error(`ledger read failed for user ${scope.userId}: ${errorName(error)}`);
    return undefined;
  });
  const [account, snapshot] = await Promise.all([accountFor(deps, scope, logger), read]);
  if (snapshot === TIMED_OUT) {
    logger.warn(`ledger read timed out for user ${scope.userId}; no budget line`);
    return { account, budget: undefined };
  }
  if (snapshot === undefined) return { account, budget: undefined };
  if (snapshot.summary.entries === 0) {
    deps.emptyLedgers.set(prefix, true);
    return { account, budget: undefined };
  }
  const summary = statusFrom(snapshot.summary, { ...snapshot.settings, account }, now);
  return { account, budget: budgetLine(summary), notesLeft: summary.notes.left };
}
