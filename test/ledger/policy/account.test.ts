import { describe, expect, it } from 'vitest';
import { acceptanceRates, idkUsage, noteQuota } from '../../../src/ledger/policy/index.js';
import { DAY, entry, many, settings, shift } from '../helpers.js';

const NOW = '2026-03-10T12:00:00.000Z';

describe('IDK answers', () => {
  it.each([
    [0, undefined],
    [2, undefined],
    [3, 'warn'],
    [4, 'warn'],
    [5, 'danger'],
    [7, 'danger'],
  ])('%d IDK → %s', (count, severity) => {
    const entries = [
      ...many(count, { sentAt: shift(NOW, -DAY), outcomes: [['idk', NOW]] }),
      ...many(4, { sentAt: NOW, outcomes: [['ignored', NOW]] }),
    ];
    const usage = idkUsage(entries);
    expect(usage.count).toBe(count);
    expect(usage.warning?.severity).toBe(severity);
  });
});

describe('Basic personalised-note quota, per calendar month in the user time zone', () => {
  const ny = settings({ timeZone: 'America/New_York' });
  // 2026-04-01T03:30Z is 23:30 on 31 March in New York (EDT, UTC−4).
  const endOfMarchNy = new Date('2026-04-01T03:30:00Z');

  it.each([
    ['23:59 on 28 Feb in New York is February', '2026-03-01T04:59:59.999Z', 0],
    ['00:00 on 1 March in New York is March', '2026-03-01T05:00:00.000Z', 1],
    ['after the DST switch on 8 March', '2026-03-08T12:00:00.000Z', 1],
    ['23:29 on 31 March in New York is March', '2026-04-01T03:29:00.000Z', 1],
  ])('%s', (_label, sentAt, used) => {
    const quota = noteQuota([entry({ sentAt, noteLength: 120 })], ny, endOfMarchNy);
    expect(quota.used).toBe(used);
    expect(quota.left).toBe(3 - used);
  });

  it('in UTC the same instant is already April', () => {
    const quota = noteQuota(
      [entry({ sentAt: '2026-03-20T12:00:00Z', noteLength: 50 })],
      settings(),
      endOfMarchNy,
    );
    expect(quota.used).toBe(0);
  });

  it.each([
    [0, 3, undefined],
    [2, 1, undefined],
    [3, 0, 'info'],
    [5, 0, 'info'],
  ])('%d notes used → %d left, %s', (used, left, severity) => {
    const entries = [...many(used, { sentAt: NOW, noteLength: 80 }), ...many(4, { sentAt: NOW })];
    const quota = noteQuota(entries, settings(), new Date(NOW));
    expect(quota).toMatchObject({ used, limit: 3, left });
    expect(quota.warning?.severity).toBe(severity);
  });

  it('Premium has no quota', () => {
    const quota = noteQuota(
      many(10, { sentAt: NOW, noteLength: 80 }),
      settings({ account: 'premium' }),
      new Date(NOW),
    );
    expect(quota).toEqual({ used: 10, limit: null, left: null });
  });
});

describe('acceptance rate over 30 and 90 days', () => {
  it('counts sends in each window and those accepted', () => {
    const entries = [
      entry({ sentAt: shift(NOW, -DAY), outcomes: [['accepted', NOW]] }),
      entry({ sentAt: shift(NOW, -2 * DAY) }),
      entry({ sentAt: shift(NOW, -30 * DAY), outcomes: [['accepted', NOW]] }), // exactly 30 days: out of the 30
      entry({ sentAt: shift(NOW, -60 * DAY), outcomes: [['ignored', NOW]] }),
      entry({ sentAt: shift(NOW, -90 * DAY), outcomes: [['accepted', NOW]] }), // out of both
    ];
    expect(acceptanceRates(entries, new Date(NOW))).toEqual([
      { days: 30, sent: 2, accepted: 1, rate: 0.5 },
      { days: 90, sent: 4, accepted: 2, rate: 0.5 },
    ]);
  });

  it('is null with nothing sent', () => {
    expect(acceptanceRates([], new Date(NOW)).map((r) => r.rate)).toEqual([null, null]);
  });
});
