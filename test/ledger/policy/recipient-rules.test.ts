import { describe, expect, it } from 'vitest';
import {
  preSendWarnings,
  reinviteBlockedUntil,
  withdrawCooldown,
} from '../../../src/ledger/policy/index.js';
import { DAY, entry, many, settings, shift } from '../helpers.js';

const NOW = '2026-06-15T12:00:00.000Z';
const jane = { name: 'Jane Doe' };

function ids(now: string, entries: ReturnType<typeof entry>[], recipient = jane) {
  return preSendWarnings(entries, recipient, new Date(now), settings()).map((w) => [
    w.id,
    w.severity,
    w.until,
  ]);
}

describe('already pending', () => {
  it('warns when an invitation to the same person is pending, matched by URL spelling', () => {
    const e = entry({
      sentAt: shift(NOW, -DAY),
      name: 'J. Doe',
      profileUrl: 'https://www.linkedin.com/in/jane/',
    });
    const warnings = preSendWarnings(
      [e],
      { profileUrl: 'https://www.linkedin.com/in/jane/' },
      new Date(NOW),
      settings(),
    );
    expect(warnings).toMatchObject([
      { id: 'already-pending', severity: 'danger', entryIds: [e.id] },
    ]);
  });

  it('matches names across case and accents', () => {
    expect(ids(NOW, [entry({ sentAt: NOW, name: 'JANE DOÉ' })])).toEqual([
      ['already-pending', 'danger', undefined],
    ]);
  });

  it('says nothing once it was answered', () => {
    expect(
      ids(NOW, [
        entry({ sentAt: shift(NOW, -40 * DAY), name: 'Jane Doe', outcomes: [['accepted', NOW]] }),
      ]),
    ).toEqual([]);
  });

  it('says nothing about someone else', () => {
    expect(ids(NOW, [entry({ sentAt: NOW, name: 'John Doe' })])).toEqual([]);
  });
});

describe('withdraw cooldown of 21 days', () => {
  const withdrawnAt = '2026-06-01T09:30:00.000Z';
  const reopens = shift(withdrawnAt, 21 * DAY);
  const withdrawn = entry({
    sentAt: '2026-05-20T00:00:00Z',
    name: 'Jane Doe',
    outcomes: [['withdrawn', withdrawnAt]],
  });

  it.each([
    ['the day after', shift(withdrawnAt, DAY), [['withdraw-cooldown', 'danger', reopens]]],
    ['1 ms before 21 days', shift(reopens, -1), [['withdraw-cooldown', 'danger', reopens]]],
    ['exactly 21 days', reopens, []],
  ])('%s', (_label, now, expected) => {
    expect(ids(now, [withdrawn])).toEqual(expected);
  });

  it('gives the reopen date in the message', () => {
    const [w] = preSendWarnings([withdrawn], jane, new Date(shift(withdrawnAt, DAY)), settings());
    expect(w?.message).toContain('2026-06-22');
  });
});

describe('ignore back-off', () => {
  const ignoredAt = '2026-01-10T00:00:00.000Z';
  const once = [
    entry({ sentAt: '2026-01-01T00:00:00Z', name: 'Jane Doe', outcomes: [['ignored', ignoredAt]] }),
  ];
  const twice = [
    ...once,
    entry({
      sentAt: '2026-05-01T00:00:00Z',
      name: 'Jane Doe',
      outcomes: [['ignored', '2026-05-10T00:00:00Z']],
    }),
  ];
  const thrice = [
    ...twice,
    entry({
      sentAt: '2027-06-01T00:00:00Z',
      name: 'Jane Doe',
      outcomes: [['ignored', '2027-06-10T00:00:00Z']],
    }),
  ];

  it.each([
    [
      'once, 1 ms before 90 days',
      once,
      shift(ignoredAt, 90 * DAY - 1),
      [['ignore-backoff', 'warn', shift(ignoredAt, 90 * DAY)]],
    ],
    ['once, exactly 90 days', once, shift(ignoredAt, 90 * DAY), []],
    [
      'twice, 1 ms before a year',
      twice,
      shift('2026-05-10T00:00:00Z', 365 * DAY - 1),
      [['ignore-backoff', 'warn', shift('2026-05-10T00:00:00Z', 365 * DAY)]],
    ],
    ['twice, exactly a year', twice, shift('2026-05-10T00:00:00Z', 365 * DAY), []],
    [
      'three times, years later',
      thrice,
      '2030-01-01T00:00:00Z',
      [['ignore-backoff', 'danger', undefined]],
    ],
  ])('%s', (_label, entries, now, expected) => {
    expect(ids(now, entries)).toEqual(expected);
  });
});

describe('account-wide limits before a send', () => {
  it('adds the weekly cap, the pace and the pending threshold', () => {
    const entries = many(100, { sentAt: NOW });
    const warnings = preSendWarnings(entries, jane, new Date(NOW), settings());
    expect(warnings.map((w) => [w.id, w.severity])).toEqual([
      ['weekly-cap', 'danger'],
      ['pace', 'warn'],
    ]);
  });

  it('warns when the next send would be a spike', () => {
    expect(ids(NOW, many(19, { sentAt: NOW }))).toEqual([]);
    expect(ids(NOW, many(20, { sentAt: NOW }))).toEqual([['pace', 'warn', undefined]]);
  });

  it('adds the note quota only for a personalised send', () => {
    const entries = many(3, { sentAt: NOW, noteLength: 40 });
    expect(preSendWarnings(entries, jane, new Date(NOW), settings()).map((w) => w.id)).toEqual([]);
    expect(
      preSendWarnings(entries, jane, new Date(NOW), settings(), { personalised: true }).map(
        (w) => w.id,
      ),
    ).toEqual(['note-quota']);
  });
});

describe('reinviteBlockedUntil', () => {
  const sent = '2026-01-10T00:00:00.000Z';
  const ignoredAt = '2026-05-01T08:00:00.000Z';
  const withdrawnAt = '2026-06-10T08:00:00.000Z';
  const ignored = entry({ sentAt: sent, name: 'Jane Doe', outcomes: [['ignored', ignoredAt]] });
  const withdrawn = entry({
    sentAt: '2026-06-01T00:00:00.000Z',
    name: 'Jane Doe',
    outcomes: [['withdrawn', withdrawnAt]],
  });

  it('is the later of the withdraw cooldown and the ignore back-off in force', () => {
    const now = new Date(NOW);
    // Ignored once: 90 days; withdrawn: 21 days. The back-off ends later.
    expect(reinviteBlockedUntil([ignored, withdrawn], now)).toBe(
      Date.parse(shift(ignoredAt, 90 * DAY)),
    );
    expect(reinviteBlockedUntil([withdrawn], now)).toBe(Date.parse(shift(withdrawnAt, 21 * DAY)));
    // Agrees with the warnings shown before a send.
    expect(reinviteBlockedUntil([withdrawn], now)).toBe(
      Date.parse(withdrawCooldown([withdrawn], now)?.until ?? ''),
    );
  });

  it('is undefined once both have lifted, and Infinity after three ignored invitations', () => {
    expect(reinviteBlockedUntil([ignored, withdrawn], new Date('2027-01-01T00:00:00Z'))).toBe(
      undefined,
    );
    const thrice = [1, 2, 3].map((i) =>
      entry({
        sentAt: shift(sent, i * DAY),
        name: 'Jane Doe',
        outcomes: [['ignored', shift(sent, (i + 1) * DAY)]],
      }),
    );
    expect(reinviteBlockedUntil(thrice, new Date('2030-01-01T00:00:00Z'))).toBe(
      Number.POSITIVE_INFINITY,
    );
  });
});
