import type { Logger } from '@slack/bolt';
import { errorName } from '../../errors.js';
import { budgetLine, type SummaryRead, statusFrom } from '../../ledger/index.js';
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
 * together so the ledger costs a check no extra round trip in sequence. The
 * ledger's summary is read through its cache (`SUMMARY_CACHE_TTL_MS`, a minute):
 * a user who checks again, with or without a ledger, costs no store read and
 * no timer. A ledger read that fails or takes longer than `timeoutMs` gives
 * no budget line, never a lost check (ids only are logged).
 */
export async function accountAndBudget(
  deps: Deps,
  scope: Scope,
  logger: Logger,
  timeoutMs = 1500,
): Promise<AccountAndBudget> {
  const now = deps.clock();
  let cached: SummaryRead | undefined;
  try {
    cached = deps.ledger.peekSummary(scope, now);
  } catch {
    // No ledger prefix for this scope: no ledger to read, the account alone.
    return { account: await accountFor(deps, scope, logger), budget: undefined };
  }
  const read =
    cached ??
    withTimeout(deps.ledger.cachedSummary(scope, now), timeoutMs).catch((error: unknown) => {
      logger.error(`ledger read failed for user ${scope.userId}: ${errorName(error)}`);
      return undefined;
    });
  const [account, snapshot] = await Promise.all([accountFor(deps, scope, logger), read]);
  if (snapshot === TIMED_OUT) {
    logger.warn(`ledger read timed out for user ${scope.userId}; no budget line`);
    return { account, budget: undefined };
  }
  if (snapshot === undefined || snapshot.summary.entries === 0)
    return { account, budget: undefined };
  const summary = statusFrom(snapshot.summary, { ...snapshot.settings, account }, now);
  return { account, budget: budgetLine(summary), notesLeft: summary.notes.left };
}
