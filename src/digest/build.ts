import {
  acceptanceRates,
  currentStatus,
  DAY_MS,
  DEFAULT_LIMITS,
  dayKey,
  idkUsage,
  ignoreBackoff,
  type LedgerEntry,
  type LedgerSettings,
  normaliseName,
  type PolicyLimits,
  pendingUsage,
  profileSlug,
  withdrawCooldown,
} from '../ledger/index.js';

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

/** Below this many decided invitations per group, the coaching line falls back to general advice. */
const MIN_FOR_COMPARISON = 5;
const TREND_POINTS = 0.05;

export function buildDigest(
  entries: readonly LedgerEntry[],
  settings: LedgerSettings,
  now: Date,
  limits: PolicyLimits = DEFAULT_LIMITS,
): DigestContent {
  const t = now.getTime();
  const weekStart = t - limits.weeklyWindowDays * DAY_MS;
  const lastWeek = entries.filter((e) => within(e.sentAt, weekStart, t));
  // Each send's day once, not once per day of the week.
  const sentPerDay = new Map<string, number>();
  for (const e of lastWeek) {
    const day = dayKey(Date.parse(e.sentAt), settings.timeZone);
    sentPerDay.set(day, (sentPerDay.get(day) ?? 0) + 1);
  }
  const perDay = Array.from({ length: limits.weeklyWindowDays }, (_, i) => {
    const day = dayKey(weekStart + (i + 1) * DAY_MS - 1, settings.timeZone);
    return { day, sent: sentPerDay.get(day) ?? 0 };
  });
  const dailyLimit = Math.floor(settings.weeklyCap * limits.dailyPaceShare);

  const [recent, earlier] = [
    rateBetween(entries, t - 30 * DAY_MS, t),
    rateBetween(entries, t - 60 * DAY_MS, t - 30 * DAY_MS),
  ];
  const trend =
    recent === null || earlier === null
      ? 'unknown'
      : recent - earlier > TREND_POINTS
        ? 'up'
        : earlier - recent > TREND_POINTS
          ? 'down'
          : 'flat';

  const stale = entries
    .filter(
      (e) =>
        currentStatus(e) === 'pending' &&
        t - Date.parse(e.sentAt) >= limits.stalePendingDays * DAY_MS,
    )
    .sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt));

  const idk = idkUsage(entries, limits);
  return {
    week: {
      sent: lastWeek.length,
      cap: settings.weeklyCap,
      perDay,
      spiky: perDay.some((d) => d.sent > dailyLimit),
    },
    acceptance: { rate: recent, previous: earlier, trend },
    pending: { count: pendingUsage(entries, now, limits).count, threshold: limits.pendingDanger },
    stale,
    reopening: reopening(entries, now, limits),
    idk: { count: idk.count, warnAt: limits.idkWarn, dangerAt: limits.idkDanger },
    coaching: coachingLine(entries, acceptanceRates(entries, now, limits)),
  };
}

function within(iso: string, from: number, to: number): boolean {
  const at = Date.parse(iso);
  return at > from && at <= to;
}

/** Accepted share of the invitations sent in (from, to] that have an outcome or are pending. */
function rateBetween(entries: readonly LedgerEntry[], from: number, to: number): number | null {
  const sent = entries.filter((e) => within(e.sentAt, from, to));
  if (sent.length === 0) return null;
  return sent.filter((e) => currentStatus(e) === 'accepted').length / sent.length;
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
  // sameRecipient's keys, computed once per entry rather than once per pair.
  const keys = entries.map(({ recipient: r }) => ({
    url: r.profileUrl !== undefined,
    slug: r.profileUrl !== undefined ? profileSlug(r.profileUrl) : undefined,
    name: r.name !== undefined ? normaliseName(r.name) : undefined,
  }));
  const sameAs = (i: number) => {
    const a = keys[i];
    return entries.filter((_, j) => {
      const b = keys[j];
      if (a === undefined || b === undefined) return false;
      if (a.url && b.url) return a.slug === b.slug;
      return a.name !== undefined && b.name !== undefined && a.name === b.name;
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
    const blocks = [withdrawCooldown(same, now, limits), ignoreBackoff(same, now, limits)];
    const until = blocks.map((w) => w?.until).filter((u): u is string => u !== undefined);
    if (until.length === 0 || blocks.some((w) => w !== undefined && w.until === undefined))
      continue;
    const opens = until.sort().at(-1) as string;
    const at = Date.parse(opens);
    if (at > t && at <= t + horizonDays * DAY_MS) out.push({ entry, opensOn: opens });
  }
  return out.sort((a, b) => a.opensOn.localeCompare(b.opensOn));
}

/** From the user's own outcomes: do their invitations with a note do better than those without? */
function coachingLine(
  entries: readonly LedgerEntry[],
  rates: ReturnType<typeof acceptanceRates>,
): string {
  const decided = entries.filter((e) => currentStatus(e) !== 'pending');
  const withNote = decided.filter((e) => e.personalised);
  const without = decided.filter((e) => !e.personalised);
  const share = (list: LedgerEntry[]) =>
    list.filter((e) => currentStatus(e) === 'accepted').length / list.length;
  if (withNote.length >= MIN_FOR_COMPARISON && without.length >= MIN_FOR_COMPARISON) {
    const a = Math.round(share(withNote) * 100);
    const b = Math.round(share(without) * 100);
    if (a > b)
      return `Your invitations with a note were accepted ${a}% of the time, those without ${b}%: keep writing notes.`;
    if (a < b)
      return `Your invitations with a note were accepted ${a}% of the time, those without ${b}%: say how you know them in the first line.`;
    return `With a note or without, ${a}% of your invitations were accepted: lead with how you know them to do better.`;
  }
  const ninety = rates.find((r) => r.days === 90);
  if (ninety && ninety.rate !== null && ninety.rate < 0.3) {
    return 'Fewer than a third of your invitations were accepted lately: invite people you share a context with, and say what it is.';
  }
  return 'Notes that say where you met and suggest a next step are accepted most often.';
}
