import { currentStatus, type LedgerEntry, type LedgerSettings } from '../records.js';
import { DAY_MS, DEFAULT_LIMITS, type PolicyLimits } from './defaults.js';
import { dayKey, toMs } from './time.js';
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
  const end = now.getTime();
  const start = end - limits.weeklyWindowDays * DAY_MS;
  const sent = entries.filter((e) => {
    const t = toMs(e.sentAt);
    return t > start && t <= end;
  }).length;
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
  const today = dayKey(now.getTime(), settings.timeZone);
  const count = entries.filter((e) => dayKey(toMs(e.sentAt), settings.timeZone) === today).length;
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
  const t = now.getTime();
  const pending = entries.filter((e) => currentStatus(e) === 'pending');
  const staleEntries = pending.filter(
    (e) => t - toMs(e.sentAt) >= limits.stalePendingDays * DAY_MS,
  );
  const veryStale = staleEntries.filter(
    (e) => t - toMs(e.sentAt) >= limits.veryStalePendingDays * DAY_MS,
  ).length;
  const usage: PendingUsage = {
    count: pending.length,
    threshold: limits.pendingDanger,
    stale: staleEntries.length,
    veryStale,
    staleIds: staleEntries.map((e) => e.id),
    warnings: [],
  };
  if (pending.length >= limits.pendingDanger) {
    usage.warnings.push({
      id: 'pending-threshold',
      severity: 'danger',
      message: `${pending.length} invitations pending, at or over ${limits.pendingDanger}: LinkedIn may restrict the account. Withdraw old ones before sending more.`,
    });
  } else if (pending.length >= limits.pendingDanger * limits.pendingWarnShare) {
    usage.warnings.push({
      id: 'pending-threshold',
      severity: 'warn',
      message: `${pending.length} invitations pending; keep it under ${limits.pendingDanger}.`,
    });
  }
  if (staleEntries.length > 0) {
    usage.warnings.push({
      id: 'stale-pending',
      severity: veryStale > 0 ? 'warn' : 'info',
      message: `${staleEntries.length} pending for over ${limits.stalePendingDays} days (${veryStale} over ${limits.veryStalePendingDays}): withdraw them.`,
      entryIds: usage.staleIds,
    });
  }
  return usage;
}
