/**
 * When a user's weekly digest is due: pure, no timers, no store. The
 * scheduler ticks and asks `dueFor` for each user; the week key it returns is
 * what the store's once-per-week marker is keyed by.
 */

/** 1 = Monday … 7 = Sunday (ISO). */
export type IsoDay = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface DigestSchedule {
  enabled: boolean;
  day: IsoDay;
  /** Local hour, 0–23, in `timeZone`. */
  hour: number;
  /** IANA zone from Slack's `users.info` (`user.tz`). */
  timeZone: string;
}

export const DEFAULT_DIGEST_DAY: IsoDay = 1;
export const DEFAULT_DIGEST_HOUR = 9;

export const DAY_NAMES = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

const WEEKDAY: Record<string, IsoDay> = {
  Mon: 1,
  Tue: 2,
  Wed: 3,
  Thu: 4,
  Fri: 5,
  Sat: 6,
  Sun: 7,
};

const formats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      weekday: 'short',
      hour: 'numeric',
      hourCycle: 'h23',
    });
    formats.set(timeZone, f);
  }
  return f;
}

/** Whether Intl knows the zone (Slack sends IANA names; anything else falls back to UTC). */
export function validTimeZone(timeZone: string): boolean {
  try {
    format(timeZone);
    return true;
  } catch {
    return false;
  }
}

export interface LocalTime {
  year: number;
  month: number;
  day: number;
  weekday: IsoDay;
  hour: number;
}

// A pass asks the same instant of every user, and users share a few hundred
// zones at most: formatToParts once per zone and instant, not twice per user.
let memoAt = Number.NaN;
const memo = new Map<string, Readonly<LocalTime>>();

/** The wall clock in `timeZone` at `now`: date, ISO weekday and hour. */
export function localTime(now: Date, timeZone: string): Readonly<LocalTime> {
  const t = now.getTime();
  if (t !== memoAt) {
    memo.clear();
    memoAt = t;
  }
  let local = memo.get(timeZone);
  if (local === undefined) {
    const parts: Record<string, string> = {};
    for (const p of format(timeZone).formatToParts(now)) parts[p.type] = p.value;
    local = Object.freeze({
      year: Number(parts.year),
      month: Number(parts.month),
      day: Number(parts.day),
      weekday: WEEKDAY[parts.weekday ?? 'Mon'] ?? 1,
      hour: Number(parts.hour),
    });
    memo.set(timeZone, local);
  }
  return local;
}

/** The ISO week (`2026-W48`) that `now` falls in on the user's own calendar. */
export function weekKey(now: Date, timeZone: string): string {
  const { year, month, day } = localTime(now, timeZone);
  // ISO week: the week's Thursday decides the year.
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const isoYear = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(isoYear, 0, 1)) / 86_400_000 + 1) / 7);
  return `${isoYear}-W${String(week).padStart(2, '0')}`;
}

/**
 * The week whose digest is due at `now`, or undefined. Due once the user's
 * local weekday and hour have reached the schedule's in the current local
 * week (Monday to Sunday) and that week's digest has not gone yet. Comparing
 * wall-clock positions rather than instants makes DST harmless: an hour that
 * a spring-forward skips is passed over, so the digest goes in the next hour
 * that exists; an hour a fall-back repeats is due at its first occurrence and
 * the marker stops the second.
 */
export function dueFor(
  schedule: DigestSchedule,
  lastSentWeek: string | undefined,
  now: Date,
): string | undefined {
  if (!schedule.enabled) return undefined;
  const timeZone = validTimeZone(schedule.timeZone) ? schedule.timeZone : 'UTC';
  const week = weekKey(now, timeZone);
  if (lastSentWeek === week) return undefined;
  const local = localTime(now, timeZone);
  const position = (local.weekday - 1) * 24 + local.hour;
  const target = (schedule.day - 1) * 24 + schedule.hour;
  return position >= target ? week : undefined;
}

/**
 * Parses `on`, `off` or `<day> <hour>` (`friday 8`, `fri 17`, `mon 9am`).
 * Returns the change to apply, or an error line for the user.
 */
export function parseScheduleArgs(
  text: string,
):
  | { ok: true; change: Partial<Pick<DigestSchedule, 'enabled' | 'day' | 'hour'>> }
  | { ok: false; error: string } {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 1 && words[0] === 'on') return { ok: true, change: { enabled: true } };
  if (words.length === 1 && words[0] === 'off') return { ok: true, change: { enabled: false } };
  const usage = 'Use `/invite-coach digest on`, `off`, `now` or `<day> <hour>`, e.g. `friday 8`.';
  if (words.length !== 2) return { ok: false, error: usage };
  const [dayWord = '', hourWord = ''] = words;
  const index = dayWord.length >= 3 ? DAY_NAMES.findIndex((name) => name.startsWith(dayWord)) : -1;
  const hourMatch = hourWord.match(/^(\d{1,2})(?::00)?(am|pm)?$/);
  if (index < 0 || !hourMatch) return { ok: false, error: usage };
  let hour = Number(hourMatch[1]);
  const half = hourMatch[2];
  if (half !== undefined) {
    if (hour < 1 || hour > 12) return { ok: false, error: usage };
    hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  }
  if (hour > 23) return { ok: false, error: usage };
  return { ok: true, change: { enabled: true, day: (index + 1) as IsoDay, hour } };
}
