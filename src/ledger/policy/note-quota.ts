import type { LedgerEntry, LedgerSettings } from '../records.js';
import { DAY_MS, DEFAULT_LIMITS, type PolicyLimits } from './defaults.js';
import { type LedgerSummary, personalisedIn, sentBetween, summarise } from './summary.js';
import { monthKey } from './time.js';
import type { LedgerWarning } from './warning.js';

export interface NoteQuota {
  /** Personalised notes sent this calendar month, in the user's time zone. */
  used: number;
  /** `null` on Premium: no monthly limit. */
  limit: number | null;
  left: number | null;
  warning?: LedgerWarning;
}

export function noteQuota(
  entries: readonly LedgerEntry[],
  settings: LedgerSettings,
  now: Date,
  limits: PolicyLimits = DEFAULT_LIMITS,
): NoteQuota {
  return noteQuotaFrom(summarise(entries), settings, now, limits);
}

/** {@link noteQuota} read from a summary that covers `now`. */
export function noteQuotaFrom(
  summary: LedgerSummary,
  settings: LedgerSettings,
  now: Date,
  limits: PolicyLimits = DEFAULT_LIMITS,
): NoteQuota {
  const t = now.getTime();
  const month = monthKey(t, settings.timeZone);
  // A calendar month, in any zone, lies within 33 days of each of its instants.
  const [i, j] = sentBetween(summary, t - 33 * DAY_MS, t + 33 * DAY_MS);
  let used = 0;
  for (const at of personalisedIn(summary, i, j))
    if (monthKey(at, settings.timeZone) === month) used++;
  if (settings.account === 'premium') return { used, limit: null, left: null };
  const limit = limits.basicNotesPerMonth;
  const left = Math.max(0, limit - used);
  const quota: NoteQuota = { used, limit, left };
  if (left === 0) {
    quota.warning = {
      id: 'note-quota',
      severity: 'info',
      message: `No personalised notes left this month on Basic (${limit} a month): send without a note, or wait for the 1st.`,
    };
  }
  return quota;
}
