import {
  acceptanceBetween,
  acceptanceFrom,
  DAY_MS,
  DEFAULT_LIMITS,
  dayKey,
  idkFrom,
  type LedgerEntry,
  type LedgerSettings,
  type LedgerSummary,
  type PolicyLimits,
  pendingFrom,
  type Reopening,
  reopening,
  sentBetween,
  summarise,
  weeklyFrom,
} from '../ledger/index.js';
import { coachingLine } from './coaching.js';

/** Kept for callers that imported it from here: it is the ledger policy's. */
export { reopening } from '../ledger/index.js';

/**
 * What the weekly digest says, computed from the ledger alone: no clock, no
 * store. Every count is the ledger summary's, the one the status view and
 * the Home tab read, so the three never disagree.
 */
export interface DigestContent {
  /** Sends in the 7 days before `now`, per calendar day in the user's zone, oldest first. */
  week: { sent: number; cap: number; perDay: Array<{ day: string; sent: number }>; spiky: boolean };
  /** Acceptance over the policy's first window (30 days) and the one before it, and which way it moves. */
  acceptance: {
    rate: number | null;
    previous: number | null;
    trend: 'up' | 'down' | 'flat' | 'unknown';
  };
  pending: { count: number; threshold: number };
  /** Pending for a week or more, oldest first: the ones to follow up or withdraw. */
  stale: LedgerEntry[];
  /** People a new invitation can go to again in the coming 7 days (cooldown or back-off ends). */
  reopening: Reopening[];
  idk: { count: number; warnAt: number; dangerAt: number };
  /** One line of coaching drawn from the user's own history. */
  coaching: string;
}

const TREND_POINTS = 0.05;

/** Sends per calendar day of the weekly window, oldest day first. */
function perDayOfWeek(
  summary: LedgerSummary,
  settings: LedgerSettings,
  now: number,
  limits: PolicyLimits,
): Array<{ day: string; sent: number }> {
  const weekStart = now - limits.weeklyWindowDays * DAY_MS;
  const [i, j] = sentBetween(summary, weekStart, now);
  const sentPerDay = new Map<string, number>();
  for (let k = i; k < j; k++) {
    const day = dayKey(summary.sentAt[k] as number, settings.timeZone);
    sentPerDay.set(day, (sentPerDay.get(day) ?? 0) + 1);
  }
  return Array.from({ length: limits.weeklyWindowDays }, (_, d) => {
    const day = dayKey(weekStart + (d + 1) * DAY_MS - 1, settings.timeZone);
    return { day, sent: sentPerDay.get(day) ?? 0 };
  });
}

function trendOf(
  recent: number | null,
  earlier: number | null,
): DigestContent['acceptance']['trend'] {
  if (recent === null || earlier === null) return 'unknown';
  if (recent - earlier > TREND_POINTS) return 'up';
  if (earlier - recent > TREND_POINTS) return 'down';
  return 'flat';
}

export function buildDigest(
  entries: readonly LedgerEntry[],
  settings: LedgerSettings,
  now: Date,
  limits: PolicyLimits = DEFAULT_LIMITS,
  summary: LedgerSummary = summarise(entries),
): DigestContent {
  const t = now.getTime();
  const perDay = perDayOfWeek(summary, settings, t, limits);
  const dailyLimit = Math.floor(settings.weeklyCap * limits.dailyPaceShare);
  // The policy's first acceptance window, and the same length just before it.
  const windowMs = (limits.acceptanceWindowsDays[0] ?? 30) * DAY_MS;
  const recent = acceptanceBetween(summary, t - windowMs, t).rate;
  const earlier = acceptanceBetween(summary, t - 2 * windowMs, t - windowMs).rate;
  const ninety = limits.acceptanceWindowsDays.includes(90)
    ? acceptanceFrom(summary, now, limits).find((a) => a.days === 90)?.rate
    : undefined;
  const pending = pendingFrom(summary, now, limits);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const { warning: _idkWarning, ...idk } = idkFrom(summary, limits);
  return {
    week: {
      sent: weeklyFrom(summary, settings, now, limits).sent,
      cap: settings.weeklyCap,
      perDay,
      spiky: perDay.some((d) => d.sent > dailyLimit),
    },
    acceptance: { rate: recent, previous: earlier, trend: trendOf(recent, earlier) },
    pending: { count: pending.count, threshold: pending.threshold },
    stale: pending.staleIds
      .map((id) => byId.get(id))
      .filter((e): e is LedgerEntry => e !== undefined),
    reopening: reopening(entries, now, limits),
    idk,
    coaching: coachingLine(entries, ninety),
  };
}
