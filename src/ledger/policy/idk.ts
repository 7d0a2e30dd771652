import type { LedgerEntry } from '../records.js';
import { DEFAULT_LIMITS, type PolicyLimits } from './defaults.js';
import { type LedgerSummary, summarise } from './summary.js';
import type { LedgerWarning } from './warning.js';

export interface IdkUsage {
  /** Invitations answered "I don't know this person". */
  count: number;
  warnAt: number;
  dangerAt: number;
  warning?: LedgerWarning;
}

export function idkUsage(
  entries: readonly LedgerEntry[],
  limits: PolicyLimits = DEFAULT_LIMITS,
): IdkUsage {
  return idkFrom(summarise(entries), limits);
}

/** {@link idkUsage} read from a summary (any: the count is kept for all time). */
export function idkFrom(summary: LedgerSummary, limits: PolicyLimits = DEFAULT_LIMITS): IdkUsage {
  const count = summary.idk;
  const usage: IdkUsage = { count, warnAt: limits.idkWarn, dangerAt: limits.idkDanger };
  if (count >= limits.idkDanger) {
    usage.warning = {
      id: 'idk',
      severity: 'danger',
      message: `${count} "I don't know this person" answers: LinkedIn restricts accounts from about ${limits.idkDanger}. Invite only people who know you.`,
    };
  } else if (count >= limits.idkWarn) {
    usage.warning = {
      id: 'idk',
      severity: 'warn',
      message: `${count} "I don't know this person" answers; LinkedIn restricts accounts at about ${limits.idkDanger}.`,
    };
  }
  return usage;
}
