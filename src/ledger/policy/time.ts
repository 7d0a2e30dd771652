import { DAY_MS } from './defaults.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: building one costs far more than using it. Throws RangeError for an unknown zone. */
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallParts(ms: number, timeZone: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(ms)) {
    if (p.type !== 'literal') out[p.type] = p.value;
  }
  return out;
}

/** The calendar day of an instant in a time zone, read from Intl itself (the slow, always-right way). */
function intlDayKey(ms: number, timeZone: string): string {
  const p = wallParts(ms, timeZone);
  return `${p.year ?? ''}-${p.month ?? ''}-${p.day ?? ''}`;
}

/** How far the zone's wall clock is ahead of UTC at `ms` (to the second, as Intl shows it). */
function offsetAt(ms: number, timeZone: string): number {
  const p = wallParts(ms, timeZone);
  const n = (type: string) => Number(p[type] ?? 0);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return wall - Math.floor(ms / 1000) * 1000;
}

/**
 * Per zone and UTC day: the zone's offset when it is the same at both ends of
 * that day (so all through it: zones change offset at most twice a year), or
 * `null` on the day it changes, which then goes to Intl per instant. Every
 * user's recent days are the same few days, so this is filled once per zone
 * and day and then read: two Intl calls per day instead of one per entry.
 */
const offsets = new Map<string, Map<number, number | null>>();
let cachedDays = 0;
const MAX_CACHED_DAYS = 100_000;
// Years Date.UTC and `civilDay` handle without special cases; outside, Intl answers.
const FAST_FROM = Date.UTC(1971, 0, 1);
const FAST_TO = Date.UTC(2200, 0, 1);

function constantOffset(utcDay: number, timeZone: string): number | null {
  let perZone = offsets.get(timeZone);
  if (perZone === undefined) {
    formatter(timeZone); // an unknown zone throws before it gets a cache
    perZone = new Map();
    offsets.set(timeZone, perZone);
  }
  let offset = perZone.get(utcDay);
  if (offset === undefined) {
    const start = offsetAt(utcDay * DAY_MS, timeZone);
    offset = start === offsetAt((utcDay + 1) * DAY_MS, timeZone) ? start : null;
    if (cachedDays >= MAX_CACHED_DAYS) {
      for (const m of offsets.values()) m.clear();
      cachedDays = 0;
    }
    perZone.set(utcDay, offset);
    cachedDays++;
  }
  return offset;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** `YYYY-MM-DD` of a UTC day number (days since 1970-01-01), for years 1971–2199. */
function civilDay(days: number): string {
  // Howard Hinnant's civil_from_days.
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** The calendar day of an instant in a time zone, as `YYYY-MM-DD`. DST needs no care: Intl knows the offsets. */
export function dayKey(ms: number, timeZone: string): string {
  if (!(ms >= FAST_FROM && ms < FAST_TO)) return intlDayKey(ms, timeZone);
  const offset = constantOffset(Math.floor(ms / DAY_MS), timeZone);
  if (offset === null) return intlDayKey(ms, timeZone);
  return civilDay(Math.floor((ms + offset) / DAY_MS));
}

/** The calendar month of an instant in a time zone, as `YYYY-MM`. */
export function monthKey(ms: number, timeZone: string): string {
  return dayKey(ms, timeZone).slice(0, 7);
}

/** `days` whole days after `ms`, as an ISO instant. */
export function addDays(ms: number, days: number): string {
  return new Date(ms + days * DAY_MS).toISOString();
}

/** What `Date.parse(iso)` gives (NaN for an invalid instant), the common form read faster. */
export function parseInstant(iso: string): number {
  return isoUtcMs(iso) ?? Date.parse(iso);
}

/** Milliseconds since the epoch of an ISO instant or a Date; throws on an invalid one. */
export function toMs(value: string | Date): number {
  const ms = typeof value === 'string' ? parseInstant(value) : value.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Not a valid instant: ${String(value)}`);
  return ms;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The two digits at `at` as a number; when either is not a digit, one so negative that any field it is part of is. */
function twoDigits(s: string, at: number): number {
  const tens = s.charCodeAt(at) - 48;
  const ones = s.charCodeAt(at + 1) - 48;
  return tens >>> 0 > 9 || ones >>> 0 > 9 ? -100_000 : tens * 10 + ones;
}

/**
 * `YYYY-MM-DDTHH:MM:SS.sssZ` (what `toISOString` writes, so what the ledger
 * stores) read without Date.parse or Date.UTC, several times faster; `undefined` for any
 * other form or an out-of-range field, which Date.parse then judges. Equal to
 * Date.parse wherever it answers.
 */
export function isoUtcMs(s: string): number | undefined {
  if (
    s.length !== 24 ||
    s.charCodeAt(4) !== 45 || // -
    s.charCodeAt(7) !== 45 ||
    s.charCodeAt(10) !== 84 || // T
    s.charCodeAt(13) !== 58 || // :
    s.charCodeAt(16) !== 58 ||
    s.charCodeAt(19) !== 46 || // .
    s.charCodeAt(23) !== 90 // Z
  )
    return undefined;
  const year = twoDigits(s, 0) * 100 + twoDigits(s, 2);
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  const hour = twoDigits(s, 11);
  const minute = twoDigits(s, 14);
  const second = twoDigits(s, 17);
  const lastDigit = s.charCodeAt(22) - 48;
  const milli = twoDigits(s, 20) * 10 + lastDigit;
  if (lastDigit >>> 0 > 9 || year < 1971 || month < 1 || month > 12 || day < 1) return undefined;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
    return undefined;
  if (milli < 0) return undefined;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (DAYS_IN_MONTH[month - 1] ?? 0) + (leap ? 1 : 0)) return undefined;
  return (
    daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + milli
  );
}

/** Days since 1970-01-01 of a date from 1971 on (Howard Hinnant's days_from_civil): what Date.UTC counts, without the call. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
