import type { LedgerEntry, LedgerSettings } from '../records.js';
import { DAY_MS, DEFAULT_LIMITS, type PolicyLimits } from './defaults.js';
import { type LedgerSummary, sentBetween, summarise } from './summary.js';
import { dayKey } from './time.js';
import type { LedgerWarning } from './warning.js';

export interface WeeklyUsage {
  /** Sends in the rolling window `(now − 7 days, now]`: one sent exactly 7 days ago has left it. */
  sent: number;
  cap: number;
  warning?: LedgerWarning;
}

export function weeklyUsage(
  entries: readonly LedgerEntry[],
  settings: LedgerSettings,
  now: Date,
  limits: PolicyLimits = DEFAULT_LIMITS,
): WeeklyUsage {
  return weeklyFrom(summarise(entries), settings, now, limits);
}

/** {@link weeklyUsage} read from a summary that covers `now`. */
export function weeklyFrom(
  summary: LedgerSummary,
  settings: LedgerSettings,
  now: Date,
  limits: PolicyLimits = DEFAULT_LIMITS,
): WeeklyUsage {
  const end = now.getTime();
  const [i, j] = sentBetween(summary, end - limits.weeklyWindowDays * DAY_MS, end);
  const sent = j - i;
  const cap = settings.weeklyCap;
  const usage: WeeklyUsage = { sent, cap };
  if (sent >= cap) {
    usage.warning = {
      id: 'weekly-cap',
      severity: 'danger',
      message: `${sent} invitations in the last ${limits.weeklyWindowDays} days: the weekly cap of ${cap} is reached. Wait, or follow the person instead.`,
    };
  } else if (sent >= cap * limits.weeklyWarnShare) {
    usage.warning = {
      id: 'weekly-cap',
      severity: 'warn',
      message: `${sent} of ${cap} invitations used in the last ${limits.weeklyWindowDays} days.`,
    };
  }
  return usage;
}

export interface PaceUsage {
  /** Sends on today's calendar date in the user's time zone. */
  today: number;
  /** Today's sends above this are a spike. */
  limit: number;
  warning?: LedgerWarning;
}

export function paceUsage(
  entries: readonly LedgerEntry[],
  settings: LedgerSettings,
  now: Date,
  limits: PolicyLimits = DEFAULT_LIMITS,
): PaceUsage {
  return paceFrom(summarise(entries), settings, now, limits);
}

/** Sends on the calendar day of `at` in `timeZone` (a day is within 3 days of any of its instants). */
export function sentOnDayOf(summary: LedgerSummary, at: number, timeZone: string): number {
  const day = dayKey(at, timeZone);
  const [i, j] = sentBetween(summary, at - 3 * DAY_MS, at + 3 * DAY_MS);
  let count = 0;
  for (let k = i; k < j; k++) if (dayKey(summary.sentAt[k] as number, timeZone) === day) count++;
  return count;
}

/** {@link paceUsage} read from a summary that covers `now`. */
export function paceFrom(
  summary: LedgerSummary,
  settings: LedgerSettings,
  now: Date,
  limits: PolicyLimits = DEFAULT_LIMITS,
): PaceUsage {
  const count = sentOnDayOf(summary, now.getTime(), settings.timeZone);
  const limit = Math.floor(settings.weeklyCap * limits.dailyPaceShare);
  const usage: PaceUsage = { today: count, limit };
  if (count > limit) {
    usage.warning = {
      id: 'pace',
      severity: 'warn',
      message: `${count} invitations today, more than ${limit} (${Math.round(limits.dailyPaceShare * 100)}% of the weekly cap): spikes look like spam. Spread them through the week.`,
    };
  }
  return usage;
}

export interface PendingUsage {
  count: number;
  threshold: number;
  /** Pending for at least `stalePendingDays` (very stale ones included). */
  stale: number;
  /** Pending for at least `veryStalePendingDays`. */
  veryStale: number;
  staleIds: string[];
  warnings: LedgerWarning[];
}

export function pendingUsage(
  entries: readonly LedgerEntry[],
  now: Date,
  limits: PolicyLimits = DEFAULT_LIMITS,
): PendingUsage {
  return pendingFrom(summarise(entries), now, limits);
}

/** {@link pendingUsage} read from a summary (any: pending entries are never pruned). */
export function pendingFrom(
  summary: LedgerSummary,
  now: Date,
  limits: PolicyLimits = DEFAULT_LIMITS,
): PendingUsage {
  const t = now.getTime();
  const staleMs = limits.stalePendingDays * DAY_MS;
  const veryStaleMs = limits.veryStalePendingDays * DAY_MS;
  const { pendingAt, pendingIds } = summary;
  const staleIds: string[] = [];
  let veryStale = 0;
  for (let k = 0; k < pendingAt.length; k++) {
    const age = t - (pendingAt[k] as number);
    if (age < staleMs) continue;
    staleIds.push(pendingIds[k] as string);
    if (age >= veryStaleMs) veryStale++;
  }
  const count = pendingAt.length;
  const usage: PendingUsage = {
    count,
    threshold: limits.pendingDanger,
    stale: staleIds.length,
    veryStale,
    staleIds,
    warnings: [],
  };
  if (count >= limits.pendingDanger) {
    usage.warnings.push({
      id: 'pending-threshold',
      severity: 'danger',
      message: `${count} invitations pending, at or over ${limits.pendingDanger}: LinkedIn may restrict the account. Withdraw old ones before sending more.`,
    });
  } else if (count >= limits.pendingDanger * limits.pendingWarnShare) {
    usage.warnings.push({
      id: 'pending-threshold',
      severity: 'warn',
      message: `${count} invitations pending; keep it under ${limits.pendingDanger}.`,
    });
  }
  if (staleIds.length > 0) {
    usage.warnings.push({
      id: 'stale-pending',
      severity: veryStale > 0 ? 'warn' : 'info',
      message: `${staleIds.length} pending for over ${limits.stalePendingDays} days (${veryStale} over ${limits.veryStalePendingDays}): withdraw them.`,
      entryIds: usage.staleIds,
    });
  }
  return usage;
}
