import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayKey, monthKey, parseInstant } from '../../../src/ledger/policy/time.js';

/** The calendar day as Intl says it, one instant at a time: what dayKey must agree with. */
function intlDay(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(ms);
  const get = (type: string) => parts.find((p) => p.type === type)?.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

const MINUTE = 60_000;

describe('dayKey', () => {
  it.each([
    // Paris changes at 01:00 UTC; Lord Howe by half an hour; Chatham at +12:45/+13:45;
    // Samoa skipped 30 December 2011 altogether.
    ['Europe/Paris', '2026-03-29T00:00:00.000Z'],
    ['Europe/Paris', '2026-10-25T00:00:00.000Z'],
    ['America/New_York', '2026-03-08T06:00:00.000Z'],
    ['Australia/Lord_Howe', '2026-04-04T14:00:00.000Z'],
    ['Pacific/Chatham', '2026-09-26T13:00:00.000Z'],
    ['Pacific/Apia', '2011-12-29T09:00:00.000Z'],
  ])('gives the local day in %s minute by minute across the change near %s', (zone, iso) => {
    const start = Date.parse(iso) - 12 * 60 * MINUTE;
    for (let ms = start; ms < start + 36 * 60 * MINUTE; ms += MINUTE) {
      expect(dayKey(ms, zone), new Date(ms).toISOString()).toBe(intlDay(ms, zone));
    }
  });

  it('names the day in the user zone, not in UTC', () => {
    const ms = Date.parse('2026-11-22T23:30:00.000Z');
    expect(dayKey(ms, 'UTC')).toBe('2026-11-22');
    expect(dayKey(ms, 'Europe/Paris')).toBe('2026-11-23');
    expect(dayKey(ms, 'America/Los_Angeles')).toBe('2026-11-22');
    expect(monthKey(Date.parse('2026-11-30T23:30:00.000Z'), 'Asia/Tokyo')).toBe('2026-12');
  });

  it('works far from today too', () => {
    for (const iso of [
      '1900-01-01T12:00:00.000Z',
      '1969-12-31T23:59:59.999Z',
      '2300-06-01T00:00:00.000Z',
    ]) {
      expect(dayKey(Date.parse(iso), 'Europe/Paris')).toBe(
        intlDay(Date.parse(iso), 'Europe/Paris'),
      );
    }
  });

  it('refuses an unknown zone', () => {
    expect(() => dayKey(Date.parse('2026-01-01T00:00:00.000Z'), 'Mars/Olympus')).toThrow(
      RangeError,
    );
  });
});

describe('parseInstant', () => {
  it.each([
    '2026-11-23T10:00:00.000Z',
    '2024-02-29T23:59:59.999Z',
    '2026-02-29T00:00:00.000Z',
    '2026-04-31T00:00:00.000Z',
    '2026-13-01T00:00:00.000Z',
    '2026-01-01T24:00:00.000Z',
    '2026-01-01T00:00:00Z',
    '2026-01-01T00:00:00.000+01:00',
    '1950-06-01T00:00:00.000Z',
    '2000-02-29T12:00:00.000Z',
    '2100-02-29T12:00:00.000Z',
    '9999-12-31T23:59:59.999Z',
    '99x6-01-01T00:00:00.000Z',
    '2026-0a-01T00:00:00.000Z',
    '2026-01-01T00:00:00.0x0Z',
    '2026-01-01T00:00:00.00xZ',
    'yesterday',
  ])('reads %s as Date.parse does', (iso) => {
    expect(parseInstant(iso)).toBe(Date.parse(iso));
  });

  it('reads back every instant toISOString writes, to the millisecond', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2200, 0, 1) }), (ms) => {
        expect(parseInstant(new Date(ms).toISOString())).toBe(ms);
      }),
      { numRuns: 2000 },
    );
  });
});
