/**
 * The weekly digest's outcome buttons, end to end over the real Bolt HTTP
 * receiver: the digest is sent through the app's own client to the fake
 * Slack, then each button is clicked as Slack posts it (block_actions from a
 * DM message). A click must change the clicking user's ledger and nobody
 * else's, and redraw that same message in place with its week metadata.
 */
import type { Logger } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { enrollDigest } from '../../src/digest/roster.js';
import { DIGEST_EVENT, type DigestClient, sendDigest } from '../../src/digest/send.js';
import { currentStatus, type LedgerEntry, type Outcome } from '../../src/ledger/index.js';
import { DIGEST_STORE_DOWN_TEXT } from '../../src/slack/blocks/digest.js';
import { digestMessage } from '../../src/slack/blocks/digest-message.js';
import { digestOutcomeAction } from '../../src/slack/listeners/actions/digest-buttons.js';
import { DIGEST_BUTTONS } from '../../src/slack/payload.js';
import { AppUnderTest } from './harness/app-under-test.js';
import { fakeLogger } from './harness/fake-logger.js';
import { sampleJson } from './harness/samples.js';

type Json = Record<string, unknown>;
type Block = { type: string; block_id?: string; text?: { text: string } };
type Message = {
  ts: string;
  blocks: Block[];
  metadata?: { event_type: string; event_payload: { week: string } };
};

const DAY = 86_400_000;
const TEAM = 'T111';
const WEEK = '2026-W48';
// The app's clock: the Wednesday of that week, whatever today's date is.
const NOW = new Date('2026-11-25T09:00:00Z');
const clock = () => NOW;

let t: AppUnderTest;
beforeAll(async () => {
  t = await new AppUnderTest({ clock }).start();
  // Each user's DM with the bot, as Slack's conversations.open gives it: UDGB1 → DDGB1.
  t.slack.answers.set('conversations.open', (body: Json) => ({
    ...sampleJson('api-conversations.open.json'),
    channel: { id: String(body.users).replace(/^U/, 'D') },
  }));
});
afterAll(async () => {
  await t?.stop();
});

let users = 0;
/** A user, and a DM channel, of our own per test. */
function newUser(): { user: string; channel: string; scope: { teamId: string; userId: string } } {
  users++;
  const user = `UDGB${users}`;
  return { user, channel: `DDGB${users}`, scope: { teamId: TEAM, userId: user } };
}

/** Logs invitations sent `daysAgo` (by the app's clock). */
async function logStale(
  scope: { teamId: string; userId: string },
  rows: Array<{ name: string; daysAgo: number }>,
): Promise<LedgerEntry[]> {
  const ledger = t.deps().ledger;
  const out: LedgerEntry[] = [];
  for (const r of rows) {
    out.push(
      await ledger.logSend(scope, {
        recipient: { name: r.name },
        noteLength: 0,
        source: 'manual',
        sentAt: new Date(NOW.getTime() - r.daysAgo * DAY),
      }),
    );
  }
  return out;
}

/** Sends the digest through the app's client, as the scheduler does; returns the message as posted. */
async function postDigest(
  scope: { teamId: string; userId: string },
  ts: string,
  week: string | undefined = WEEK,
): Promise<Message> {
  const before = t.slack.callsTo('chat.postMessage').length;
  const deps = t.deps();
  await sendDigest(
    {
      render: digestMessage,
      ledger: deps.ledger,
      client: t.app.client as unknown as DigestClient,
      clock,
    },
    scope,
    week,
  );
  const posted = t.slack.callsTo('chat.postMessage').slice(before).at(-1)?.body as Json;
  return {
    ts,
    blocks: posted.blocks as Block[],
    ...(posted.metadata ? { metadata: posted.metadata as Message['metadata'] } : {}),
  };
}

/** A button click on a digest in the user's DM, from Slack's block_actions sample. */
function click(
  who: { user: string; channel: string },
  message: Message,
  outcome: Outcome,
  entryId: string,
  options: { withMetadata?: boolean } = {},
): Json {
  const sample = sampleJson<Json & { message: Json }>('block-actions.json');
  const button = DIGEST_BUTTONS.find((b) => b.outcome === outcome);
  const { metadata, ...rest } = message;
  return {
    ...sample,
    user: { id: who.user, username: 'u', team_id: TEAM },
    team: { id: TEAM, domain: 'test' },
    container: {
      type: 'message',
      message_ts: message.ts,
      channel_id: who.channel,
      is_ephemeral: false,
    },
    channel: { id: who.channel, name: 'directmessage' },
    message: {
      ...sample.message,
      ...rest,
      ...(options.withMetadata !== false && metadata ? { metadata } : {}),
    },
    actions: [
      {
        action_id: button?.actionId,
        block_id: `dg_${entryId}`,
        text: { type: 'plain_text', text: button?.label },
        type: 'button',
        action_ts: '1548426417.840180',
      },
    ],
  };
}

/** The chat.update calls for one message. */
function updatesOf(channel: string, ts: string): Json[] {
  return t.slack
    .callsTo('chat.update')
    .filter((c) => c.body.channel === channel && c.body.ts === ts)
    .map((c) => c.body);
}

async function nthUpdate(channel: string, ts: string, n: number): Promise<Json> {
  await vi.waitFor(() => expect(updatesOf(channel, ts).length).toBeGreaterThanOrEqual(n), {
    timeout: 5000,
  });
  return updatesOf(channel, ts)[n - 1] as Json;
}

function blockIds(blocks: unknown): string[] {
  return (blocks as Block[]).flatMap((b) => (b.block_id ? [b.block_id] : []));
}

function firstLine(blocks: unknown): string {
  return (blocks as Block[])[0]?.text?.text ?? '';
}

async function statusOf(scope: { teamId: string; userId: string }, id: string) {
  const entry = await t.deps().ledger.get(scope, id);
  return entry ? currentStatus(entry) : undefined;
}

describe('digest buttons over HTTP', () => {
  it('each button records its outcome and redraws the same digest without that invite, keeping the week', async () => {
    const me = newUser();
    const entries = await logStale(me.scope, [
      { name: 'Ana & Lima', daysAgo: 30 },
      { name: 'Bo Chen', daysAgo: 20 },
      { name: 'Cy Diaz', daysAgo: 15 },
      { name: 'Di Eze', daysAgo: 10 },
    ]);
    let message = await postDigest(me.scope, '1795000000.000100');
    expect(blockIds(message.blocks)).toEqual(entries.map((e) => `dg_${e.id}`));

    const outcomes: Outcome[] = ['withdrawn', 'accepted', 'ignored', 'idk'];
    for (const [i, outcome] of outcomes.entries()) {
      const entry = entries[i] as LedgerEntry;
      const res = await t.interaction(click(me, message, outcome, entry.id));
      expect(res.status).toBe(200);
      const update = await nthUpdate(me.channel, message.ts, i + 1);
      expect(await statusOf(me.scope, entry.id)).toBe(outcome);
      // Only that invite is gone; the ones not decided yet are still listed.
      expect(blockIds(update.blocks)).toEqual(entries.slice(i + 1).map((e) => `dg_${e.id}`));
      expect(update.metadata).toEqual({ event_type: DIGEST_EVENT, event_payload: { week: WEEK } });
      expect(JSON.stringify(update.blocks)).toContain(`*Pending*\\n${3 - i} of`);
      message = { ...message, blocks: update.blocks as Block[] };
    }
    expect(updatesOf(me.channel, message.ts)).toHaveLength(4);
    const first = updatesOf(me.channel, message.ts)[0] as Json;
    expect(firstLine(first.blocks)).toBe(
      ':white_check_mark: Recorded: your invitation to *Ana &amp; Lima* was withdrawn.',
    );
    // The ones decided are no longer stale; none is left to list.
    expect(JSON.stringify(message.blocks)).not.toContain('Pending a week or more');
  });

  it('a second click on a decided invite changes nothing and says so', async () => {
    const me = newUser();
    const [entry] = await logStale(me.scope, [{ name: 'Eve Fox', daysAgo: 12 }]);
    const id = (entry as LedgerEntry).id;
    const message = await postDigest(me.scope, '1795000000.000200');
    await t.interaction(click(me, message, 'accepted', id));
    await nthUpdate(me.channel, message.ts, 1);
    await t.interaction(click(me, message, 'withdrawn', id));
    const second = await nthUpdate(me.channel, message.ts, 2);
    expect(firstLine(second.blocks)).toBe(
      'Your invitation to *Eve Fox* was already recorded as accepted; nothing was changed.',
    );
    const stored = await t.deps().ledger.get(me.scope, id);
    expect(stored?.history.map((h) => h.status)).toEqual(['pending', 'accepted']);
  });

  it('two buttons pressed at once on one invite record one outcome', async () => {
    const me = newUser();
    const [entry] = await logStale(me.scope, [{ name: 'Gil Hay', daysAgo: 12 }]);
    const id = (entry as LedgerEntry).id;
    const message = await postDigest(me.scope, '1795000000.000300');
    await Promise.all([
      t.interaction(click(me, message, 'accepted', id)),
      t.interaction(click(me, message, 'ignored', id)),
    ]);
    await nthUpdate(me.channel, message.ts, 2);
    const lines = updatesOf(me.channel, message.ts).map((u) => firstLine(u.blocks));
    expect(lines.filter((l) => l.startsWith(':white_check_mark: Recorded:'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('was already recorded as'))).toHaveLength(1);
    const stored = await t.deps().ledger.get(me.scope, id);
    expect(stored?.history).toHaveLength(2);
  });

  it('a forged click on another user’s entry id changes nothing of theirs', async () => {
    const victim = newUser();
    const [theirs] = await logStale(victim.scope, [{ name: 'Gil Ho', daysAgo: 14 }]);
    const id = (theirs as LedgerEntry).id;
    const attacker = newUser();
    const message = await postDigest(attacker.scope, '1795000000.000300');
    const keysBefore = (await t.storedKeys()).sort();

    await t.interaction(click(attacker, message, 'withdrawn', id));
    const update = await nthUpdate(attacker.channel, message.ts, 1);
    expect(firstLine(update.blocks)).toMatch(/not in your ledger/);
    expect(await t.deps().ledger.get(victim.scope, id)).toEqual(theirs);
    expect((await t.storedKeys()).sort()).toEqual(keysBefore);
  });

  it('a click naming a channel that is not the user’s DM with the bot updates nothing and records nothing', async () => {
    const me = newUser();
    const [entry] = await logStale(me.scope, [{ name: 'Kim Lo', daysAgo: 11 }]);
    const id = (entry as LedgerEntry).id;
    const message = await postDigest(me.scope, '1795000000.000450');
    // Another message of the bot's, in a public channel, named by a forged payload.
    const elsewhere = { user: me.user, channel: 'CPUBLIC1' };
    const res = await t.interaction(click(elsewhere, message, 'accepted', id));
    expect(res.status).toBe(200);
    await vi.waitFor(() =>
      expect(t.logs.some((l) => l.includes(`not the DM of user ${me.user}: ignored`))).toBe(true),
    );
    expect(t.slack.callsTo('chat.update').filter((c) => c.body.channel === 'CPUBLIC1')).toEqual([]);
    expect(await statusOf(me.scope, id)).toBe('pending');
    const open = t.slack.callsTo('conversations.open').filter((c) => c.body.users === me.user);
    expect(open).toHaveLength(1);
  });

  it('without metadata in the payload, the week is the one the message was posted in, on the user’s calendar', async () => {
    const me = newUser();
    await enrollDigest(t.store.kv, me.scope, { timeZone: 'Europe/Paris' });
    const [entry] = await logStale(me.scope, [{ name: 'Ida Jo', daysAgo: 9 }]);
    // 1795000000 is Wednesday 2026-11-18 12:06 in Paris: ISO week 47.
    const message = await postDigest(me.scope, '1795000000.000400', '2026-W47');
    await t.interaction(
      click(me, message, 'ignored', (entry as LedgerEntry).id, { withMetadata: false }),
    );
    const update = await nthUpdate(me.channel, message.ts, 1);
    expect(update.metadata).toEqual({
      event_type: DIGEST_EVENT,
      event_payload: { week: '2026-W47' },
    });
  });

  it('an unreadable block id is ignored without touching the message', async () => {
    const me = newUser();
    const message = await postDigest(me.scope, '1795000000.000500');
    const payload = click(me, message, 'accepted', 'x');
    (payload.actions as Json[])[0] = {
      ...((payload.actions as Json[])[0] as Json),
      block_id: 'dg_../../x',
    };
    const res = await t.interaction(payload);
    expect(res.status).toBe(200);
    await vi.waitFor(() =>
      expect(t.logs.some((l) => l.includes(`unreadable outcome button from user ${me.user}`))).toBe(
        true,
      ),
    );
    expect(updatesOf(me.channel, message.ts)).toHaveLength(0);
  });
});

describe('digestOutcomeAction when the ledger cannot be reached', () => {
  it('tells the user privately and leaves the digest as it was', async () => {
    const deps = {
      ...t.deps(),
      ledger: { snapshot: () => Promise.reject(new Error('connection refused')) },
    } as unknown as ReturnType<AppUnderTest['deps']>;
    const client = {
      chat: { update: vi.fn(async () => ({ ok: true })), postEphemeral: vi.fn(async () => ({})) },
      conversations: { open: vi.fn(async () => ({ ok: true, channel: { id: 'DDOWN' } })) },
    };
    const logger = fakeLogger();
    const body = click(
      { user: 'UDOWN', channel: 'DDOWN' },
      { ts: '1795000000.000600', blocks: [] },
      'accepted',
      'abc',
    );
    await digestOutcomeAction(deps)({
      ack: async () => {},
      action: (body.actions as Json[])[0],
      body,
      client,
      context: {},
      logger: logger as unknown as Logger,
    } as never);
    expect(client.chat.update).not.toHaveBeenCalled();
    expect(client.chat.postEphemeral).toHaveBeenCalledWith({
      channel: 'DDOWN',
      user: 'UDOWN',
      text: DIGEST_STORE_DOWN_TEXT,
    });
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining('digest outcome failed for user UDOWN'),
    );
  });
});
