import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ACTION_FORGET_CANCEL, ACTION_FORGET_CONFIRM } from '../../src/slack/ids.js';
import type { StoreOptions } from '../../src/store/store.js';
import { announceSkip, REQUIRE_SERVICES, reachable } from '../store/services.js';
import { AppUnderTest, commandBody, FORM } from './harness/app-under-test.js';
import { sampleJson } from './harness/samples.js';

const redisUp = await reachable(6379);
const pgUp = await reachable(5432);
const run = `${process.pid}_${Date.now().toString(36)}`;
// A Thursday in mid-March: 9 days back is still this month but last week, whatever today is.
const NOW = new Date('2026-03-19T12:00:00Z');
const clock = () => NOW;
if (!redisUp) announceSkip('Redis (/invite-coach e2e)', '127.0.0.1:6379');
if (!pgUp) announceSkip('Postgres (/invite-coach e2e)', '127.0.0.1:5432');

it.runIf(REQUIRE_SERVICES)(
  'runs the /invite-coach e2e on Redis and Postgres too (REQUIRE_SERVICES=1)',
  () => {
    expect({ redis: redisUp, postgres: pgUp }).toEqual({ redis: true, postgres: true });
  },
);

// The same flows on the embedded default and on each shared store a team may run.
const stores: Array<[string, StoreOptions | undefined, boolean]> = [
  ['SQLite', undefined, true],
  ['Redis', { url: 'redis://127.0.0.1:6379', namespace: `ic_coach_${run}` }, redisUp],
  [
    'Postgres',
    {
      url: 'postgresql://postgres@127.0.0.1:5432/test',
      namespace: `ic_coach_${run}`,
      table: 'ic_coach_e2e',
    },
    pgUp,
  ],
];

describe.each(stores.filter(([, , up]) => up))('/invite-coach on %s', (_, storeOptions) => {
  let t: AppUnderTest;
  beforeAll(async () => {
    t = await new AppUnderTest({ clock, ...(storeOptions ? { store: storeOptions } : {}) }).start();
    t.slack.answers.set('files.getUploadURLExternal', {
      ok: true,
      upload_url: t.slack.uploadUrl('F1'),
      file_id: 'F1',
    });
    t.slack.answers.set('files.completeUploadExternal', {
      ok: true,
      files: [{ id: 'F1', title: 'Your invitation ledger' }],
    });
  });
  afterAll(async () => {
    // Leave nothing behind in the shared servers.
    if (storeOptions) await t?.store.keyv.clear();
    await t?.stop();
  });

  type Block = {
    type: string;
    text?: { text: string };
    fields?: { text: string }[];
    elements?: { text?: string | { text: string } }[];
  };
  function shown(message: Record<string, unknown>): string {
    return ((message.blocks as Block[]) ?? [])
      .flatMap((b) => [
        b.text?.text ?? '',
        ...(b.fields ?? []).map((f) => f.text),
        ...(b.elements ?? []).map((e) =>
          typeof e.text === 'string' ? e.text : (e.text?.text ?? ''),
        ),
      ])
      .join('\n');
  }

  let hooks = 0;
  async function coach(text: string, user: string) {
    const hook = `coach-${++hooks}`;
    const ack = await t.post(
      commandBody(text, {
        command: '/invite-coach',
        user_id: user,
        response_url: t.slack.responseUrl(hook),
      }),
      FORM,
    );
    return { ack, hook };
  }
  async function answer(hook: string, count = 1) {
    await vi.waitFor(
      () => expect(t.slack.callsTo(`response_url:${hook}`).length).toBeGreaterThanOrEqual(count),
      { timeout: 8000 },
    );
    return t.slack.callsTo(`response_url:${hook}`).at(count - 1)?.body as Record<string, unknown>;
  }
  const scope = (userId: string) => ({ teamId: 'T111', userId });

  describe('over HTTP', () => {
    it('answers help for no or unknown subcommand', async () => {
      for (const text of ['', 'help', 'frobnicate']) {
        const { ack } = await coach(text, 'UCOACH0');
        expect(shown(ack.json())).toContain('`status`');
      }
    });

    it('status shows the budget line, the figures and the pending invites, oldest first', async () => {
      const now = NOW.getTime();
      await t.deps().ledger.logSend(scope('UCOACH1'), {
        recipient: { name: 'Jane Park' },
        noteLength: 120,
        source: 'check',
        sentAt: new Date(now - 9 * 86_400_000),
      });
      await t.deps().ledger.logSend(scope('UCOACH1'), {
        recipient: { name: 'Tom & Reyes' },
        noteLength: 0,
        source: 'manual',
        sentAt: new Date(now - 86_400_000),
      });
      const { ack, hook } = await coach('status', 'UCOACH1');
      expect(ack.status).toBe(200);
      const reply = await answer(hook);
      const text = shown(reply);
      expect(text).toMatch(/This week 1\/100 · 2 pending · 2 personalised notes left this month/);
      expect(text.indexOf('Jane Park')).toBeLessThan(text.indexOf('Tom'));
      expect(text).toContain('Tom &amp; Reyes');
      expect(reply).toMatchObject({ response_type: 'ephemeral' });
    });

    it('export uploads the ledger as CSV into the user’s DM, not the channel', async () => {
      await t.deps().ledger.logSend(scope('UCOACH2'), {
        recipient: { name: 'Ana Diaz', profileUrl: 'https://www.linkedin.com/in/ana-diaz/' },
        noteLength: 88,
        source: 'draft',
      });
      const { hook } = await coach('export', 'UCOACH2');
      const reply = await answer(hook);
      expect(shown(reply)).toContain('Your ledger (1 invitation) is in our direct messages');
      const open = t.slack.callsTo('conversations.open').at(-1);
      expect(open?.body.users).toBe('UCOACH2');
      const uploaded = t.slack.callsTo('/upload/F1').at(-1)?.raw ?? '';
      expect(uploaded).toContain('Ana Diaz');
      // Sent as a multipart upload: the CSV is inside, header first.
      expect(uploaded).toContain(
        '\r\n\r\nid,recipient_name,profile_url,sent_at,personalised,note_length,source,status',
      );
      const asked = t.slack.callsTo('files.getUploadURLExternal').at(-1);
      expect(asked?.body.filename).toMatch(/^invite-coach-ledger-\d{4}-\d{2}-\d{2}\.csv$/);
      const complete = t.slack.callsTo('files.completeUploadExternal').at(-1);
      expect(complete?.body.channel_id).toBe('D069C7QFK');
    });

    it('forget asks first; cancel keeps everything, confirm deletes the user’s ledger and settings only', async () => {
      const deps = t.deps();
      await deps.ledger.logSend(scope('UCOACH3'), {
        recipient: { name: 'A B' },
        noteLength: 0,
        source: 'manual',
      });
      await deps.ledger.logSend(scope('UOTHER3'), {
        recipient: { name: 'C D' },
        noteLength: 0,
        source: 'manual',
      });
      const { ack, hook } = await coach('forget', 'UCOACH3');
      expect(shown(ack.json())).toContain('Delete everything I hold about you?');

      const click = (actionId: string) => {
        const sample = sampleJson<Record<string, unknown>>('block-actions.json');
        return t.interaction({
          ...sample,
          user: { id: 'UCOACH3', username: 'u', name: 'u', team_id: 'T111' },
          team: { id: 'T111', domain: 'test' },
          response_url: t.slack.responseUrl(hook),
          actions: [
            {
              type: 'button',
              block_id: 'forget',
              action_id: actionId,
              value: 'x',
              action_ts: '1.2',
            },
          ],
        });
      };
      await click(ACTION_FORGET_CANCEL);
      expect(shown(await answer(hook, 1))).toContain('Kept');
      expect(await deps.ledger.list(scope('UCOACH3'))).toHaveLength(1);

      await click(ACTION_FORGET_CONFIRM);
      expect(shown(await answer(hook, 2))).toMatch(/Deleted: 1 record\./);
      expect(await deps.ledger.list(scope('UCOACH3'))).toHaveLength(0);
      expect(await deps.ledger.list(scope('UOTHER3'))).toHaveLength(1);
      expect((await t.storedKeys()).filter((k) => k.includes('/u/UCOACH3/'))).toEqual([]);
    });
  });
});
