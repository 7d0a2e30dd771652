import { describe, expect, it } from 'vitest';
import {
  type DigestSchedule,
  dueFor,
  parseScheduleArgs,
  weekKey,
} from '../../src/digest/schedule.js';

const monday9 = (timeZone: string): DigestSchedule => ({
  enabled: true,
  day: 1,
  hour: 9,
  timeZone,
});

describe('dueFor', () => {
  it('is not due before Monday 09:00 local and due from then on, in the user zone', () => {
    const s = monday9('America/New_York');
    // 2026-11-23 is a Monday. 09:00 EST = 14:00 UTC.
    expect(dueFor(s, undefined, new Date('2026-11-23T13:59:00Z'))).toBeUndefined();
    expect(dueFor(s, undefined, new Date('2026-11-23T14:00:00Z'))).toBe('2026-W48');
    expect(dueFor(s, undefined, new Date('2026-11-26T03:00:00Z'))).toBe('2026-W48');
  });

  it('is not due again in the same week once sent, and due the next week', () => {
    const s = monday9('Europe/Berlin');
    expect(dueFor(s, '2026-W48', new Date('2026-11-27T10:00:00Z'))).toBeUndefined();
    expect(dueFor(s, '2026-W48', new Date('2026-11-30T08:00:00Z'))).toBe('2026-W49');
  });

  it('uses the local week: Sunday night UTC is already Monday in Tokyo', () => {
    const s = monday9('Asia/Tokyo');
    // 2026-11-23 00:30 UTC = Monday 09:30 in Tokyo, while UTC is still ... Monday 00:30.
    expect(dueFor(s, undefined, new Date('2026-11-23T00:30:00Z'))).toBe('2026-W48');
    // Sunday 23:00 UTC = Monday 08:00 Tokyo: not yet.
    expect(dueFor(s, undefined, new Date('2026-11-22T23:00:00Z'))).toBeUndefined();
  });

  it('for a user west of UTC, Monday morning UTC is still last week locally', () => {
    const s = monday9('Pacific/Honolulu');
    // Monday 05:00 UTC = Sunday 19:00 in Honolulu: week 47 locally, its digest long due.
    expect(dueFor(s, '2026-W47', new Date('2026-11-23T05:00:00Z'))).toBeUndefined();
    expect(dueFor(s, '2026-W47', new Date('2026-11-23T19:00:00Z'))).toBe('2026-W48');
  });

  it('goes in the first hour that exists when a spring-forward skips the chosen hour', () => {
    // Europe/Berlin jumps 02:00 → 03:00 on Sunday 2026-03-29.
    const s: DigestSchedule = { enabled: true, day: 7, hour: 2, timeZone: 'Europe/Berlin' };
    expect(dueFor(s, undefined, new Date('2026-03-28T23:59:00Z'))).toBeUndefined(); // 00:59 CET
    expect(dueFor(s, undefined, new Date('2026-03-29T01:00:00Z'))).toBe('2026-W13'); // 03:00 CEST
  });

  it('is due once in an hour a fall-back repeats', () => {
    // America/New_York repeats 01:00 on Sunday 2026-11-01.
    const s: DigestSchedule = { enabled: true, day: 7, hour: 1, timeZone: 'America/New_York' };
    const first = new Date('2026-11-01T05:30:00Z'); // 01:30 EDT
    const second = new Date('2026-11-01T06:30:00Z'); // 01:30 EST
    const week = dueFor(s, undefined, first);
    expect(week).toBe('2026-W44');
    expect(dueFor(s, week, second)).toBeUndefined();
  });

  it('rolls over the year by ISO week', () => {
    expect(weekKey(new Date('2026-12-31T12:00:00Z'), 'UTC')).toBe('2026-W53');
    expect(weekKey(new Date('2027-01-04T12:00:00Z'), 'UTC')).toBe('2027-W01');
    expect(weekKey(new Date('2025-12-29T12:00:00Z'), 'UTC')).toBe('2026-W01');
  });

  it('is never due when off, and falls back to UTC for an unknown zone', () => {
    expect(
      dueFor({ ...monday9('UTC'), enabled: false }, undefined, new Date('2026-11-25T12:00:00Z')),
    ).toBeUndefined();
    expect(dueFor(monday9('Not/AZone'), undefined, new Date('2026-11-23T09:00:00Z'))).toBe(
      '2026-W48',
    );
  });
});

describe('parseScheduleArgs', () => {
  it('reads on, off and day hour', () => {
    expect(parseScheduleArgs('on')).toEqual({ ok: true, change: { enabled: true } });
    expect(parseScheduleArgs('off')).toEqual({ ok: true, change: { enabled: false } });
    expect(parseScheduleArgs('friday 8')).toEqual({
      ok: true,
      change: { enabled: true, day: 5, hour: 8 },
    });
    expect(parseScheduleArgs('Tue 5pm')).toEqual({
      ok: true,
      change: { enabled: true, day: 2, hour: 17 },
    });
  });

  it('refuses what it cannot read', () => {
    for (const bad of ['', 'fr 8', 'friday 24', 'friday', 'someday 9', 'mon 13pm']) {
      expect(parseScheduleArgs(bad).ok).toBe(false);
    }
  });
});
