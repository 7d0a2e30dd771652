import {
  currentStatus,
  DAY_MS,
  DEFAULT_LIMITS,
  dayKey,
  type LedgerEntry,
  type LedgerSettings,
  normaliseName,
  type PolicyLimits,
  parseInstant,
  profileSlug,
  reinviteBlockedUntil,
} from '../ledger/index.js';
import { coachingLine } from './coaching.js';

/** What the weekly digest says, computed from the ledger alone: no clock, no store. */
export interface DigestContent {
  /** Sends in the 7 days before `now`, per calendar day in the user's zone, oldest first. */
  week: { sent: number; cap: number; perDay: Array<{ day: string; sent: number }>; spiky: boolean };
  /** Acceptance over the last 30 days and the 30 before, and which way it moves. */
  acceptance: {
    rate: number | null;
    previous: number | null;
    trend: 'up' | 'down' | 'flat' | 'unknown';
  };
  pending: { count: number; threshold: number };
  /** Pending for a week or more, oldest first: the ones to follow up or withdraw. */
  stale: LedgerEntry[];
  /** People a new invitation can go to again in the coming 7 days (cooldown or back-off ends). */
  reopening: Array<{ entry: LedgerEntry; opensOn: string }>;
  idk: { count: number; warnAt: number; dangerAt: number };
  /** One line of coaching drawn from the user's own history. */
  coaching: string;
}

const TREND_POINTS = 0.05;

export function buildDigest(
  entries: readonly LedgerEntry[],
  settings: LedgerSettings,
  now: Date,
  limits: PolicyLimits = DEFAULT_LIMITS,
): DigestContent {
  const t = now.getTime();
  const weekStart = t - limits.weeklyWindowDays * DAY_MS;
  const staleMs = limits.stalePendingDays * DAY_MS;
  const ninetyWanted = limits.acceptanceWindowsDays.includes(90);
  // Every figure in one pass, each send's time read once (the same counts
  // `pendingUsage`, `idkUsage` and `acceptanceRates` give, without their filters).
  const sentPerDay = new Map<string, number>();
  const recent = { sent: 0, accepted: 0 };
  const earlier = { sent: 0, accepted: 0 };
  const ninety = { sent: 0, accepted: 0 };
  const stale: Array<{ entry: LedgerEntry; at: number }> = [];
  let weekSent = 0;
  let pending = 0;
  let idk = 0;
  for (const entry of entries) {
    const at = parseInstant(entry.sentAt);
    const status = currentStatus(entry);
    if (at > weekStart && at <= t) {
      weekSent++;
      // Each send's day once, not once per day of the week.
      const day = dayKey(at, settings.timeZone);
      sentPerDay.set(day, (sentPerDay.get(day) ?? 0) + 1);
    }
    const window =
      at > t - 30 * DAY_MS && at <= t
        ? recent
        : at > t - 60 * DAY_MS && at <= t - 30 * DAY_MS
          ? earlier
          : undefined;
    if (window !== undefined) {
      window.sent++;
      if (status === 'accepted') window.accepted++;
    }
    if (status === 'pending') {
      pending++;
      if (t - at >= staleMs) stale.push({ entry, at });
    }
    if (entry.history.some((h) => h.status === 'idk')) idk++;
    if (ninetyWanted && at > t - 90 * DAY_MS && at <= t) {
      ninety.sent++;
      if (entry.history.some((h) => h.status === 'accepted')) ninety.accepted++;
    }
  }
  const perDay = Array.from({ length: limits.weeklyWindowDays }, (_, i) => {
    const day = dayKey(weekStart + (i + 1) * DAY_MS - 1, settings.timeZone);
    return { day, sent: sentPerDay.get(day) ?? 0 };
  });
  const dailyLimit = Math.floor(settings.weeklyCap * limits.dailyPaceShare);

  const rate = (w: { sent: number; accepted: number }) =>
    w.sent === 0 ? null : w.accepted / w.sent;
  const [recentRate, earlierRate] = [rate(recent), rate(earlier)];
  const trend =
    recentRate === null || earlierRate === null
      ? 'unknown'
      : recentRate - earlierRate > TREND_POINTS
        ? 'up'
        : earlierRate - recentRate > TREND_POINTS
          ? 'down'
          : 'flat';

  return {
    week: {
      sent: weekSent,
      cap: settings.weeklyCap,
      perDay,
      spiky: perDay.some((d) => d.sent > dailyLimit),
    },
    acceptance: { rate: recentRate, previous: earlierRate, trend },
    pending: { count: pending, threshold: limits.pendingDanger },
    stale: stale.sort((a, b) => a.at - b.at).map((s) => s.entry),
    reopening: reopening(entries, now, limits),
    idk: { count: idk, warnAt: limits.idkWarn, dangerAt: limits.idkDanger },
    coaching: coachingLine(entries, ninetyWanted ? rate(ninety) : undefined),
  };
}

/** Re-invite windows that open within `horizonDays` of `now`, soonest first (the Home calendar looks further ahead). */
export function reopening(
  entries: readonly LedgerEntry[],
  now: Date,
  limits: PolicyLimits = DEFAULT_LIMITS,
  horizonDays = 7,
): DigestContent['reopening'] {
  const t = now.getTime();
  const out: DigestContent['reopening'] = [];
  const seen = new Set<string>();
  // sameRecipient's keys, computed once per entry and only for the entries
  // compared: a ledger with nothing withdrawn or ignored needs none.
  // (`null`: not computed yet.)
  const slugs: Array<string | undefined | null> = new Array(entries.length).fill(null);
  const names: Array<string | undefined | null> = new Array(entries.length).fill(null);
  const slugOf = (i: number, url: string) => {
    let slug = slugs[i];
    if (slug === null) slugs[i] = slug = profileSlug(url);
    return slug;
  };
  const nameOf = (i: number, name: string) => {
    let normal = names[i];
    if (normal === null) names[i] = normal = normaliseName(name);
    return normal;
  };
  const sameAs = (i: number) => {
    const a = entries[i]?.recipient;
    return entries.filter(({ recipient: b }, j) => {
      if (a === undefined) return false;
      if (a.profileUrl !== undefined && b.profileUrl !== undefined)
        return slugOf(i, a.profileUrl) === slugOf(j, b.profileUrl);
      return (
        a.name !== undefined && b.name !== undefined && nameOf(i, a.name) === nameOf(j, b.name)
      );
    });
  };
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
