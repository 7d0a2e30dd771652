import { describe, expect, it } from 'vitest';
import { DIGEST_STALE_SHOWN, digestMessage } from '../../src/digest/blocks.js';
import { buildDigest } from '../../src/digest/build.js';
import {
  DEFAULT_SETTINGS,
  type LedgerEntry,
  LedgerRepository,
  memoryLedgerKv,
  type Outcome,
} from '../../src/ledger/index.js';

const NOW = new Date('2026-11-23T09:00:00Z'); // a Monday, 09:00 UTC
const DAY = 86_400_000;
const scope = { teamId: 'T1', userId: 'U1' };

/** A ledger on a fixed clock: each row is a send `daysAgo`, with an optional outcome `outcomeDaysAgo`. */
async function ledger(
  rows: Array<{
    name: string;
    daysAgo: number;
    note?: number;
    outcome?: Outcome;
    outcomeDaysAgo?: number;
  }>,
): Promise<LedgerEntry[]> {
  const repo = new LedgerRepository(memoryLedgerKv(), { clock: () => NOW });
  for (const r of rows) {
    const e = await repo.logSend(scope, {
      recipient: { name: r.name },
      noteLength: r.note ?? 0,
      source: 'manual',
      sentAt: new Date(NOW.getTime() - r.daysAgo * DAY),
    });
    if (r.outcome)
      await repo.setOutcome(
        scope,
        e.id,
        r.outcome,
        new Date(NOW.getTime() - (r.outcomeDaysAgo ?? r.daysAgo) * DAY),
      );
  }
  return repo.list(scope);
}

describe('buildDigest', () => {
  it('counts last week per day and flags a spike over a fifth of the cap', async () => {
    const rows = Array.from({ length: 21 }, (_, i) => ({ name: `P${i}`, daysAgo: 1.5 }));
    const d = buildDigest(
      await ledger([...rows, { name: 'Old', daysAgo: 8 }]),
      DEFAULT_SETTINGS,
      NOW,
    );
    expect(d.week.sent).toBe(21);
    expect(d.week.cap).toBe(100);
    expect(d.week.perDay.map((p) => p.sent)).toEqual([0, 0, 0, 0, 21, 0, 0]);
    expect(d.week.perDay[4]?.day).toBe('2026-11-21');
    expect(d.week.perDay.at(-1)?.day).toBe('2026-11-23');
    expect(d.week.spiky).toBe(true);
    const even = buildDigest(await ledger(rows.slice(0, 20)), DEFAULT_SETTINGS, NOW);
    expect(even.week.spiky).toBe(false);
  });

  it('lists pending invites of a week or more, oldest first, and not younger ones', async () => {
    const d = buildDigest(
      await ledger([
        { name: 'Seven', daysAgo: 7 },
        { name: 'Six', daysAgo: 6.9 },
        { name: 'Thirty', daysAgo: 30 },
        { name: 'Done', daysAgo: 40, outcome: 'accepted', outcomeDaysAgo: 39 },
      ]),
      DEFAULT_SETTINGS,
      NOW,
    );
    expect(d.stale.map((e) => e.recipient.name)).toEqual(['Thirty', 'Seven']);
    expect(d.pending.count).toBe(3);
  });

  it('names re-invite windows that open in the coming week, and not the others', async () => {
    const d = buildDigest(
      await ledger([
        { name: 'Withdrawn 15 days ago', daysAgo: 30, outcome: 'withdrawn', outcomeDaysAgo: 15 },
        { name: 'Withdrawn 10 days ago', daysAgo: 30, outcome: 'withdrawn', outcomeDaysAgo: 10 },
        { name: 'Ignored 85 days ago', daysAgo: 100, outcome: 'ignored', outcomeDaysAgo: 85 },
        { name: 'Ignored 20 days ago', daysAgo: 30, outcome: 'ignored', outcomeDaysAgo: 20 },
      ]),
      DEFAULT_SETTINGS,
      NOW,
    );
    expect(d.reopening.map((r) => [r.entry.recipient.name, r.opensOn.slice(0, 10)])).toEqual([
      ['Ignored 85 days ago', '2026-11-28'],
      ['Withdrawn 15 days ago', '2026-11-29'],
    ]);
  });

  it('compares acceptance over the last 30 days with the 30 before', async () => {
    const rows = [
      ...Array.from({ length: 4 }, (_, i) => ({
        name: `New${i}`,
        daysAgo: 10,
        outcome: 'accepted' as const,
      })),
      ...Array.from({ length: 4 }, (_, i) => ({
        name: `Old${i}`,
        daysAgo: 40,
        outcome: i === 0 ? ('accepted' as const) : ('ignored' as const),
      })),
    ];
    const d = buildDigest(await ledger(rows), DEFAULT_SETTINGS, NOW);
    expect(d.acceptance).toEqual({ rate: 1, previous: 0.25, trend: 'up' });
  });

  it('coaches from the user’s own history when there is enough of it', async () => {
    const rows = [
      ...Array.from({ length: 5 }, (_, i) => ({
        name: `N${i}`,
        daysAgo: 20,
        note: 120,
        outcome: i < 4 ? ('accepted' as const) : ('ignored' as const),
      })),
      ...Array.from({ length: 5 }, (_, i) => ({
        name: `B${i}`,
        daysAgo: 20,
        outcome: i < 1 ? ('accepted' as const) : ('ignored' as const),
      })),
    ];
    expect(buildDigest(await ledger(rows), DEFAULT_SETTINGS, NOW).coaching).toBe(
      'Your invitations with a note were accepted 80% of the time, those without 20%: keep writing notes.',
    );
    expect(buildDigest(await ledger(rows.slice(0, 3)), DEFAULT_SETTINGS, NOW).coaching).toMatch(
      /^Notes that say where you met/,
    );
  });
});

describe('digestMessage', () => {
  it('stays within Block Kit limits with a long stale list, and says how many more there are', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => ({
      name: `<!channel> P${i}`,
      daysAgo: 8 + i,
    }));
    const message = digestMessage(buildDigest(await ledger(rows), DEFAULT_SETTINGS, NOW), NOW);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    const json = JSON.stringify(message.blocks);
    expect(json).toContain(`…and ${60 - DIGEST_STALE_SHOWN} more`);
    expect(json).not.toContain('<!channel>');
    expect(json).toContain('ledger_pending_outcome');
    expect(message.text).toBe('Your week: 0/100 invitations, 60 pending, 60 to follow up.');
  });
});
