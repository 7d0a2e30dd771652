import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIMITS,
  paceUsage,
  pendingUsage,
  weeklyUsage,
} from '../../../src/ledger/policy/index.js';
import { DAY, entry, many, settings, shift } from '../helpers.js';

const NOW = '2026-03-10T12:00:00.000Z';
const now = new Date(NOW);

describe('weekly cap over a rolling 7 days', () => {
  it.each([
    ['exactly 7 days ago is out', shift(NOW, -7 * DAY), 0],
    ['7 days ago less 1 ms is in', shift(NOW, -7 * DAY + 1), 1],
    ['now is in', NOW, 1],
    ['in the future is out', shift(NOW, 1), 0],
  ])('%s', (_label, sentAt, expected) => {
    expect(weeklyUsage([entry({ sentAt })], settings(), now).sent).toBe(expected);
  });

  it.each([
    [79, 100, undefined],
    [80, 100, 'warn'],
    [99, 100, 'warn'],
    [100, 100, 'danger'],
    [150, 200, undefined],
    [160, 200, 'warn'],
    [200, 200, 'danger'],
  ])('%d sent with cap %d → %s', (sent, weeklyCap, severity) => {
    const usage = weeklyUsage(
      many(sent, { sentAt: shift(NOW, -DAY) }),
      settings({ weeklyCap }),
      now,
    );
    expect(usage.sent).toBe(sent);
    expect(usage.cap).toBe(weeklyCap);
    expect(usage.warning?.severity).toBe(severity);
    if (severity) expect(usage.warning?.id).toBe('weekly-cap');
  });
});

describe('pacing: today over a fifth of the weekly cap', () => {
  it.each([
    [20, 100, undefined],
    [21, 100, 'warn'],
    [40, 200, undefined],
    [41, 200, 'warn'],
  ])('%d today with cap %d → %s', (today, weeklyCap, severity) => {
    const usage = paceUsage(many(today, { sentAt: NOW }), settings({ weeklyCap }), now);
    expect(usage.today).toBe(today);
    expect(usage.warning?.severity).toBe(severity);
  });

  it('takes another share from the limits, and says it', () => {
    const limits = { ...DEFAULT_LIMITS, dailyPaceShare: 0.1 };
    const usage = paceUsage(many(11, { sentAt: NOW }), settings(), now, limits);
    expect(usage.limit).toBe(10);
    expect(usage.warning?.message).toContain('more than 10 (10% of the weekly cap)');
  });

  // 2026-03-10T23:30Z is 00:30 on the 11th in Paris (UTC+1).
  it.each([
    ['22:59Z is the 10th in Paris', '2026-03-10T22:59:59.999Z', 0],
    ['23:00Z is the 11th in Paris', '2026-03-10T23:00:00.000Z', 1],
  ])('counts the calendar day in the user time zone: %s', (_label, sentAt, expected) => {
    const late = new Date('2026-03-10T23:30:00Z');
    expect(paceUsage([entry({ sentAt })], settings({ timeZone: 'Europe/Paris' }), late).today).toBe(
      expected,
    );
    // In UTC both are on the 10th, like `late`.
    expect(paceUsage([entry({ sentAt })], settings(), late).today).toBe(1);
  });

  // Paris moves to UTC+2 at 01:00Z on 2026-03-29: that day runs 2026-03-28T23:00Z to 2026-03-29T22:00Z.
  it.each([
    ['start of the DST day', '2026-03-28T23:00:00.000Z', 1],
    ['just before it', '2026-03-28T22:59:59.999Z', 0],
    ['last ms of the 23-hour day', '2026-03-29T21:59:59.999Z', 1],
    ['midnight after it, in summer time', '2026-03-29T22:00:00.000Z', 0],
  ])('on the DST day in Paris: %s', (_label, sentAt, expected) => {
    const noon = new Date('2026-03-29T10:00:00Z');
    expect(paceUsage([entry({ sentAt })], settings({ timeZone: 'Europe/Paris' }), noon).today).toBe(
      expected,
    );
  });
});

describe('pending threshold', () => {
  it.each([
    [399, undefined],
    [400, 'warn'],
    [499, 'warn'],
    [500, 'danger'],
  ])('%d pending → %s', (count, severity) => {
    const usage = pendingUsage(many(count, { sentAt: NOW }), now);
    expect(usage.count).toBe(count);
    expect(usage.warnings.find((w) => w.id === 'pending-threshold')?.severity).toBe(severity);
  });

  it('does not count answered invitations', () => {
    const answered = entry({ sentAt: shift(NOW, -DAY), outcomes: [['accepted', NOW]] });
    expect(pendingUsage([answered, entry({ sentAt: NOW })], now).count).toBe(1);
  });
});

describe('stale pending', () => {
  it.each([
    ['7 days less 1 ms', -7 * DAY + 1, 0, 0],
    ['exactly 7 days', -7 * DAY, 1, 0],
    ['21 days less 1 ms', -21 * DAY + 1, 1, 0],
    ['exactly 21 days', -21 * DAY, 1, 1],
  ])('%s old → stale %d, very stale %d', (_label, offset, stale, veryStale) => {
    const e = entry({ sentAt: shift(NOW, offset) });
    const usage = pendingUsage([e], now);
    expect(usage.stale).toBe(stale);
    expect(usage.veryStale).toBe(veryStale);
    expect(usage.staleIds).toEqual(stale ? [e.id] : []);
    const warning = usage.warnings.find((w) => w.id === 'stale-pending');
    expect(warning?.severity).toBe(stale === 0 ? undefined : veryStale ? 'warn' : 'info');
  });

  it('an old invitation that was answered is not stale', () => {
    const e = entry({ sentAt: shift(NOW, -30 * DAY), outcomes: [['withdrawn', shift(NOW, -DAY)]] });
    expect(pendingUsage([e], now).stale).toBe(0);
  });
});
