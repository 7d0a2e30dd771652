import type { LedgerEntry } from '../records.js';
import { DAY_MS, DEFAULT_LIMITS, type PolicyLimits } from './defaults.js';
import { toMs } from './time.js';

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
  const t = now.getTime();
  return limits.acceptanceWindowsDays.map((days) => {
    const start = t - days * DAY_MS;
    const inWindow = entries.filter((e) => {
      const sent = toMs(e.sentAt);
      return sent > start && sent <= t;
    });
    const accepted = inWindow.filter((e) => e.history.some((h) => h.status === 'accepted')).length;
    return {
      days,
      sent: inWindow.length,
      accepted,
      rate: inWindow.length === 0 ? null : accepted / inWindow.length,
    };
  });
}
