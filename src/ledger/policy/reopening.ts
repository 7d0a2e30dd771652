import type { LedgerEntry } from '../records.js';
import { currentStatus } from '../records.js';
import { DAY_MS, DEFAULT_LIMITS, type PolicyLimits } from './defaults.js';
import { recipientMatcher, reinviteBlockedUntil } from './recipient-rules.js';

/** A person a new invitation can go to again soon: the entry, and when its window opens. */
export interface Reopening {
  entry: LedgerEntry;
  opensOn: string;
}

/** Re-invite windows that open within `horizonDays` of `now`, soonest first (the Home calendar looks further ahead). */
export function reopening(
  entries: readonly LedgerEntry[],
  now: Date,
  limits: PolicyLimits = DEFAULT_LIMITS,
  horizonDays = 7,
): Reopening[] {
  const t = now.getTime();
  const out: Reopening[] = [];
  const seen = new Set<string>();
  const sameAs = recipientMatcher(entries);
  for (const [i, entry] of entries.entries()) {
    const status = currentStatus(entry);
    if (status !== 'withdrawn' && status !== 'ignored') continue;
    const same = sameAs(i);
    const key = same
      .map((e) => e.id)
      .sort()
      .join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    // Someone already invited again is not waiting for a window.
    if (same.some((e) => currentStatus(e) === 'pending')) continue;
    // When the withdraw cooldown and the ignore back-off both lift (Infinity: never).
    const opens = reinviteBlockedUntil(same, now, limits);
    if (opens === undefined || opens === Number.POSITIVE_INFINITY) continue;
    if (opens > t && opens <= t + horizonDays * DAY_MS)
      out.push({ entry, opensOn: new Date(opens).toISOString() });
  }
  return out.sort((a, b) => a.opensOn.localeCompare(b.opensOn));
}
