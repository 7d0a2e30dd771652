import { DAY_MS } from './defaults.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The calendar day of an instant in a time zone, as `YYYY-MM-DD`. DST needs no care: Intl knows the offsets. */
export function dayKey(ms: number, timeZone: string): string {
  const parts = formatter(timeZone).formatToParts(ms);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The calendar month of an instant in a time zone, as `YYYY-MM`. */
export function monthKey(ms: number, timeZone: string): string {
  return dayKey(ms, timeZone).slice(0, 7);
}

/** `days` whole days after `ms`, as an ISO instant. */
export function addDays(ms: number, days: number): string {
  return new Date(ms + days * DAY_MS).toISOString();
}

/** Milliseconds since the epoch of an ISO instant or a Date; throws on an invalid one. */
export function toMs(value: string | Date): number {
  const ms = typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Not a valid instant: ${String(value)}`);
  return ms;
}
