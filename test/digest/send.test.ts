/**
 * The digest a user gets says the same whether the store keeps ledger
 * summaries (SQLite, Redis, Postgres, memory) or not: where it does, the
 * digest is built from the summary its read makes, which leaves out sends
 * older than the summary keeps.
 */
import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build.js';
import { type DigestClient, sendDigest } from '../../src/digest/send.js';
import { LedgerRepository, memoryLedgerKv, type Outcome } from '../../src/ledger/index.js';
import { digestMessage } from '../../src/slack/blocks/digest-message.js';
import type { LedgerKv } from '../../src/store/kv.js';

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-11-23T10:00:00Z');
const scope = { teamId: 'T1', userId: 'U1' };

/** 80 sends over 200 days before `NOW`, notes and traits mixed, every kind of outcome. */
async function seed(kv: LedgerKv): Promise<LedgerRepository> {
  let t = NOW.getTime() - 200 * DAY;
  let ids = 0;
  // The same ids in both ledgers: the digest's buttons carry them.
  const ledger = new LedgerRepository(kv, { clock: () => new Date(t), newId: () => `e${ids++}` });
  const outcomes: Array<Outcome | undefined> = [
    'accepted',
    'ignored',
    undefined,
    'idk',
    'withdrawn',
  ];
  for (let i = 0; i < 80; i++) {
    t = NOW.getTime() - 200 * DAY + i * 2.5 * DAY;
    const note = i % 3 !== 0;
    const entry = await ledger.logSend(scope, {
      recipient: { name: `Person ${i}`, profileUrl: `https://www.linkedin.com/in/p-${i}` },
      noteLength: note ? 120 : 0,
      source: 'manual',
      ...(note ? { traits: { context: i % 2 === 0, nextStep: i % 5 === 0 } } : {}),
    });
    const outcome = outcomes[i % outcomes.length];
    if (outcome && t + DAY < NOW.getTime())
      await ledger.setOutcome(scope, entry.id, outcome, new Date(t + DAY));
  }
  return new LedgerRepository(kv, { clock: () => NOW });
}

async function posted(ledger: LedgerRepository): Promise<unknown> {
  const posts: unknown[] = [];
  const client: DigestClient = {
    chat: { postMessage: async (args) => posts.push(args) },
    users: { info: async () => ({}) },
    conversations: { open: async () => ({}), history: async () => ({}) },
  };
  await sendDigest({ ledger, client, clock: () => NOW, render: digestMessage }, scope, '2026-W48');
  expect(posts).toHaveLength(1);
  return posts[0];
}

describe('the digest with and without stored ledger summaries', () => {
  it('posts the same message, the one built from every entry', async () => {
    const keeping = await seed(memoryLedgerKv());
    const { conditional: _, ...plain } = memoryLedgerKv();
    const notKeeping = await seed(plain);

    // The read's summary is the one checked against the store's, pruned of the oldest sends.
    const snapshot = await keeping.snapshot(scope);
    expect(snapshot.summary?.entries).toBe(80);
    expect(snapshot.summary?.sentAt.length).toBeLessThan(80);
    expect((await notKeeping.snapshot(scope)).summary).toBeUndefined();

    const fromEntries = digestMessage(buildDigest(snapshot.entries, snapshot.settings, NOW), NOW);
    const message = await posted(keeping);
    expect(message).toEqual(await posted(notKeeping));
    expect(message).toMatchObject({
      channel: 'U1',
      text: fromEntries.text,
      blocks: JSON.stringify(fromEntries.blocks),
    });
  });
});
