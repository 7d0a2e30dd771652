import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build.js';
import {
  DEFAULT_SETTINGS,
  type LedgerEntry,
  LedgerRepository,
  memoryLedgerKv,
  type Outcome,
  status,
} from '../../src/ledger/index.js';
import type { NoteTraits } from '../../src/ledger/records.js';
import { DIGEST_STALE_SHOWN, digestMessage } from '../../src/slack/blocks/digest-message.js';
import { digestButtonEntryId, digestButtonOutcome } from '../../src/slack/payload.js';

const NOW = new Date('2026-11-23T09:00:00Z'); // a Monday, 09:00 UTC
const DAY = 86_400_000;
const scope = { teamId: 'T1', userId: 'U1' };

/** A ledger on a fixed clock: each row is a send `daysAgo`, with an optional outcome `outcomeDaysAgo`. */
async function ledger(
  rows: Array<{
    name: string;
    daysAgo: number;
    note?: number;
    traits?: NoteTraits;
    outcome?: Outcome;
    outcomeDaysAgo?: number;
  }>,
): Promise<LedgerEntry[]> {
  const repo = new LedgerRepository(memoryLedgerKv(), { clock: () => NOW });
  for (const r of rows) {
    const e = await repo.logSend(scope, {
      recipient: { name: r.name },
      noteLength: r.note ?? 0,
      ...(r.traits ? { traits: r.traits } : {}),
      source: r.traits ? 'check' : 'manual',
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

  it('gives the numbers the status view gives, from the same summary', async () => {
    const entries = await ledger([
      ...Array.from({ length: 6 }, (_, i) => ({ name: `Stale${i}`, daysAgo: 12 + i })),
      { name: 'Fresh', daysAgo: 1 },
      { name: 'Idk', daysAgo: 20, outcome: 'idk' as const },
      // Accepted once, then withdrawn: an acceptance in both, as the status view counts it.
      { name: 'Changed', daysAgo: 5, outcome: 'accepted' as const, outcomeDaysAgo: 4 },
    ]);
    const [changed] = entries.filter((e) => e.recipient.name === 'Changed');
    const withdrawn = changed && {
      ...changed,
      history: [
        ...changed.history,
        { status: 'withdrawn' as const, at: new Date(NOW.getTime() - 3 * DAY).toISOString() },
      ],
    };
    const all = entries.map((e) => (e === changed && withdrawn ? withdrawn : e));
    const d = buildDigest(all, DEFAULT_SETTINGS, NOW);
    const s = status(all, DEFAULT_SETTINGS, NOW);
    expect(d.week.sent).toBe(s.week.sent);
    expect(d.pending.count).toBe(s.pending.count);
    expect(d.stale.map((e) => e.id)).toEqual(s.pending.staleIds);
    expect(d.idk.count).toBe(s.idk.count);
    expect(d.acceptance.rate).toBe(s.acceptance[0]?.rate);
    expect(d.acceptance.rate).toBe(1 / 9);
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

  it('coaches from what the accepted notes did, when the ledger knows it', async () => {
    // Checked notes: accepted ones mostly said how the user knows the person.
    const rows = Array.from({ length: 10 }, (_, i) => ({
      name: `C${i}`,
      daysAgo: 20,
      note: 150,
      traits: { context: i < 4 || i === 5, nextStep: i % 2 === 0 },
      outcome: i < 5 ? ('accepted' as const) : ('ignored' as const),
    }));
    const line =
      'Of your accepted invitations, 8 in 10 said how you know the person; of those ignored or declined, 2 in 10. Keep opening with it.';
    const content = buildDigest(await ledger(rows), DEFAULT_SETTINGS, NOW);
    expect(content.coaching).toBe(line);
    expect(JSON.stringify(digestMessage(content, NOW).blocks)).toContain(line);
  });
});

type Block = {
  type: string;
  block_id?: string;
  text?: { text: string };
  fields?: { text: string }[];
  elements?: Array<{
    type: string;
    text: string | { type: string; text: string };
    action_id?: string;
    value?: string;
  }>;
};

/** Every text a block shows (section text and fields, context elements). */
function textsOf(block: Block): string[] {
  return [
    block.text?.text ?? '',
    ...(block.fields ?? []).map((f) => f.text),
    ...(block.elements ?? []).map((e) => (typeof e.text === 'string' ? e.text : e.text.text)),
  ];
}

describe('digestMessage', () => {
  it('lists the five oldest stale invites, each with the four outcome buttons, within Block Kit limits', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => ({
      // Markup cannot be logged as a name any more; `&` still needs escaping.
      name: `Ana & Bo P${i}`,
      daysAgo: 8 + i,
    }));
    const entries = await ledger(rows);
    const message = digestMessage(buildDigest(entries, DEFAULT_SETTINGS, NOW), NOW);
    const blocks = message.blocks as unknown as Block[];
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const b of blocks) {
      for (const text of textsOf(b)) expect(text.length).toBeLessThanOrEqual(3000);
      expect((b.block_id ?? '').length).toBeLessThanOrEqual(255);
    }
    const actions = blocks.filter((b) => b.type === 'actions');
    expect(actions).toHaveLength(DIGEST_STALE_SHOWN);
    expect(DIGEST_STALE_SHOWN).toBe(5);
    // Oldest first: P59 was sent 67 days ago.
    const byId = new Map(entries.map((e) => [e.id, e.recipient.name]));
    expect(actions.map((b) => byId.get(digestButtonEntryId(b.block_id ?? '') ?? ''))).toEqual([
      'Ana & Bo P59',
      'Ana & Bo P58',
      'Ana & Bo P57',
      'Ana & Bo P56',
      'Ana & Bo P55',
    ]);
    for (const b of actions) {
      expect(b.elements?.map((e) => (typeof e.text === 'string' ? e.text : e.text.text))).toEqual([
        'Withdrawn',
        'Accepted',
        'Ignored',
        "I don't know them",
      ]);
      expect(b.elements?.map((e) => digestButtonOutcome(e.action_id ?? ''))).toEqual([
        'withdrawn',
        'accepted',
        'ignored',
        'idk',
      ]);
    }
    // Each invite's line sits just above its buttons: the escaped name, the date, the age.
    const first = blocks[blocks.indexOf(actions[0] as Block) - 1];
    expect(first?.text?.text).toBe(
      '*Ana &amp; Bo P59*\nSent <!date^1789635600^{date_short_pretty}|2026-09-17> (67 days ago), without a note',
    );
    const json = JSON.stringify(message.blocks);
    expect(json).toContain('…and 55 more on your App Home');
    expect(json).not.toContain('Ana & Bo');
    // Compact: nothing a button does not need (sent to every user each week).
    expect(json).not.toContain('"emoji"');
    expect(json).not.toContain('"value"');
    expect(message.text).toBe('Your week: 0/100 invitations, 60 pending, 60 to follow up.');
  });

  it('has no "more" line when every stale invite is shown, and no stale list when there is none', async () => {
    const few = digestMessage(
      buildDigest(
        await ledger([
          { name: 'A', daysAgo: 9 },
          { name: 'B', daysAgo: 10 },
        ]),
        DEFAULT_SETTINGS,
        NOW,
      ),
      NOW,
    );
    expect(few.blocks.filter((b) => b.type === 'actions')).toHaveLength(2);
    expect(JSON.stringify(few.blocks)).not.toContain('more on your App Home');
    const none = digestMessage(
      buildDigest(await ledger([{ name: 'Fresh', daysAgo: 2 }]), DEFAULT_SETTINGS, NOW),
      NOW,
    );
    expect(none.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(JSON.stringify(none.blocks)).not.toContain('Pending a week or more');
  });

  it('puts a notice above the digest when one is given', async () => {
    const message = digestMessage(
      buildDigest(await ledger([{ name: 'A', daysAgo: 9 }]), DEFAULT_SETTINGS, NOW),
      NOW,
      ':white_check_mark: Recorded.',
    );
    expect(message.blocks[0]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: ':white_check_mark: Recorded.' },
    });
    expect(message.blocks[1]?.type).toBe('header');
  });

  it('reads back only its own button ids and block ids', () => {
    expect(digestButtonOutcome('dg_withdrawn')).toBe('withdrawn');
    expect(digestButtonOutcome('ledger_pending_outcome')).toBeUndefined();
    expect(digestButtonEntryId('dg_abc-123_X')).toBe('abc-123_X');
    expect(digestButtonEntryId('dg_')).toBeUndefined();
    expect(digestButtonEntryId('dg_../x')).toBeUndefined();
    expect(digestButtonEntryId(`dg_${'a'.repeat(65)}`)).toBeUndefined();
    expect(digestButtonEntryId('ledger_pending_abc')).toBeUndefined();
  });
});
