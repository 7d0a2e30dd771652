import type { LedgerEntry } from '../records.js';
import { DAY_MS, DEFAULT_LIMITS, type PolicyLimits } from './defaults.js';
import { acceptedIn, type LedgerSummary, sentBetween, summarise } from './summary.js';

export interface AcceptanceRate {
  days: number;
  /** Invitations sent in the window `(now − days, now]`. */
  sent: number;
  /** Of those, the ones accepted so far. */
  accepted: number;
  /** `accepted / sent`, or `null` when nothing was sent. */
  rate: number | null;
}

export function acceptanceRates(
  entries: readonly LedgerEntry[],
  now: Date,
  limits: PolicyLimits = DEFAULT_LIMITS,
): AcceptanceRate[] {
  return acceptanceFrom(summarise(entries), now, limits);
}

/** Acceptance of the sends in `(from, to]`: accepted at any time, as {@link acceptanceRates} counts. */
export function acceptanceBetween(
  summary: LedgerSummary,
  from: number,
  to: number,
): { sent: number; accepted: number; rate: number | null } {
  const [i, j] = sentBetween(summary, from, to);
  const accepted = acceptedIn(summary, i, j);
  return { sent: j - i, accepted, rate: j === i ? null : accepted / (j - i) };
}

/** {@link acceptanceRates} read from a summary that covers `now`. */
export function acceptanceFrom(
  summary: LedgerSummary,
  now: Date,
  limits: PolicyLimits = DEFAULT_LIMITS,
): AcceptanceRate[] {
  const t = now.getTime();
  return limits.acceptanceWindowsDays.map((days) => ({
    days,
    ...acceptanceBetween(summary, t - days * DAY_MS, t),
  }));
}
