import type { LedgerEntry, LedgerSettings } from '../records.js';
import { DEFAULT_LIMITS, type PolicyLimits } from './defaults.js';
import { monthKey, toMs } from './time.js';
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
  const month = monthKey(now.getTime(), settings.timeZone);
  const used = entries.filter(
    (e) => e.personalised && monthKey(toMs(e.sentAt), settings.timeZone) === month,
  ).length;
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
