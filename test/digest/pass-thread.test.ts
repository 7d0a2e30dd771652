import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type PassThread, PassThreadError, startPassThread } from '../../src/digest/pass-thread.js';
import { enrollDigest } from '../../src/digest/roster.js';
import type { DigestClient } from '../../src/digest/send.js';
import { storeLedger } from '../../src/ledger/index.js';
import { PASS_STORE_SETUP } from '../../src/slack/digest-pass-store.js';
import { createStore } from '../../src/store/store.js';
import { REPO_ROOT } from '../slack/harness/samples.js';

const MONDAY = new Date('2026-11-23T10:00:00Z');
const NEXT_MONDAY = new Date('2026-11-30T10:00:00Z');

/** A client on this thread that records what the pass asked for, and fails for some users. */
function recordingClient(failFor: Record<string, string> = {}) {
  const posts: Array<{ channel: string; text: string; blocks: unknown; metadata?: unknown }> = [];
  const client: DigestClient = {
    chat: {
      async postMessage(args) {
        const error = failFor[args.channel];
        if (error) {
          throw Object.assign(new Error(`An API error occurred: ${error}`), {
            code: 'slack_webapi_platform_error',
            data: { ok: false, error },
          });
        }
        posts.push(args);
        return { ok: true };
      },
    },
    users: { info: async () => ({ user: { tz: 'UTC' } }) },
    conversations: { open: async () => ({}), history: async () => ({ messages: [] }) },
  };
  return { client, posts };
}

function quietLogger() {
  const lines: string[] = [];
  return {
    lines,
    logger: {
      info: (m: string) => lines.push(`info ${m}`),
      warn: (m: string) => lines.push(`warn ${m}`),
      error: (m: string) => lines.push(`error ${m}`),
    },
  };
}

const scripted = (data: object) => ({
  module: new URL('./fixtures/scripted-pass.ts', import.meta.url),
  data,
});

let threads: PassThread[] = [];
afterEach(async () => {
  await Promise.all(threads.map((t) => t.close()));
  threads = [];
});
function open(...args: Parameters<typeof startPassThread>): PassThread {
  const thread = startPassThread(...args);
  threads.push(thread);
  return thread;
}

describe('the digest pass thread', () => {
  /** A ledger and a roster in a SQLite file written here; the pass runs there, twice in a week, once the next. */
  async function passOnSqlite(start: typeof startPassThread, setup: URL): Promise<void> {
    const dir = mkdtempSync(join(tmpdir(), 'invite-coach-pass-'));
    const store = await createStore({ url: `sqlite://${join(dir, 'digest.sqlite')}` });
    try {
      const scope = { teamId: 'T1', userId: 'UPASS1' };
      const ledger = storeLedger(store);
      await ledger.logSend(scope, {
        recipient: { name: 'Jane Park' },
        noteLength: 120,
        source: 'manual',
        sentAt: new Date('2026-11-02T09:00:00Z'),
      });
      await enrollDigest(store.kv, scope, { timeZone: 'UTC' });
      const { client, posts } = recordingClient();
      const thread = start({ module: setup, data: store.options }, client, quietLogger().logger);
      threads.push(thread);

      expect(await thread.run(MONDAY)).toMatchObject({ sent: 1, failed: 0 });
      expect(posts).toHaveLength(1);
      expect(posts[0]?.channel).toBe('UPASS1');
      expect(posts[0]?.text).toContain('1 pending');
      expect(posts[0]?.metadata).toEqual({
        event_type: 'invite_coach_digest',
        event_payload: { week: '2026-W48' },
      });
      // The claims are in the same SQLite file: the week's digest went, once.
      expect(await thread.run(new Date(MONDAY.getTime() + 60_000))).toMatchObject({ sent: 0 });
      expect(await thread.run(NEXT_MONDAY)).toMatchObject({ sent: 1 });
      expect(posts).toHaveLength(2);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('runs a pass on its own store connection and makes the Slack calls through this thread', async () => {
    await passOnSqlite(startPassThread, PASS_STORE_SETUP);
  });

  it('does the same from the built package, where the thread starts without a TypeScript loader', async () => {
    // What `npm start` runs; `npm test` builds dist/ first.
    const built = (path: string) => pathToFileURL(resolve(REPO_ROOT, 'dist', path)).href;
    const { startPassThread: start } = (await import(built('digest/pass-thread.js'))) as {
      startPassThread: typeof startPassThread;
    };
    const { PASS_STORE_SETUP: setup } = (await import(built('slack/digest-pass-store.js'))) as {
      PASS_STORE_SETUP: URL;
    };
    expect(setup.pathname).toMatch(/dist\/slack\/digest-pass-store\.js$/);
    await passOnSqlite(start, setup);
  });

  it('passes on a Slack error intact, so a user who cannot be reached is logged and skipped', async () => {
    const { client, posts } = recordingClient({ UGONE: 'user_not_found' });
    const { lines, logger } = quietLogger();
    const thread = open(scripted({ users: ['UGONE', 'UHERE'] }), client, logger);
    expect(await thread.run(MONDAY)).toMatchObject({ sent: 1, failed: 1 });
    expect(posts.map((p) => p.channel)).toEqual(['UHERE']);
    expect(lines).toContain(
      'warn digest: user UGONE not reachable (user_not_found); skipped this week',
    );
  });

  it('makes no more Slack calls at once than the pass concurrency, however far ahead the thread builds', async () => {
    const { client, posts } = recordingClient();
    let out = 0;
    let most = 0;
    const post = client.chat.postMessage;
    client.chat.postMessage = async (args) => {
      most = Math.max(most, ++out);
      // Each post takes a while, so the calls the thread sends meanwhile queue up here.
      await new Promise((resolve) => setTimeout(resolve, 5));
      out--;
      return post(args);
    };
    const users = Array.from({ length: 12 }, (_, i) => `UQ${i}`);
    const thread = open(scripted({ users, concurrency: 3 }), client, quietLogger().logger);
    expect(await thread.run(MONDAY)).toMatchObject({ sent: 12, failed: 0 });
    expect(most).toBe(3);
    expect(posts.map((p) => p.channel).sort()).toEqual([...users].sort());
  });

  it('fails the pass under way when its thread dies, and starts a new one for the next', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'invite-coach-pass-'));
    try {
      const { client, posts } = recordingClient();
      const data = { users: ['U1'], dieOnceMarker: join(dir, 'died') };
      const thread = open(scripted(data), client, quietLogger().logger);
      await expect(thread.run(MONDAY)).rejects.toThrow(
        new PassThreadError('the digest thread stopped (exit code 3)'),
      );
      expect(await thread.run(MONDAY)).toMatchObject({ sent: 1 });
      expect(posts.map((p) => p.channel)).toEqual(['U1']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails passes, instead of hanging, when its store cannot be opened', async () => {
    const { client } = recordingClient();
    const thread = open(scripted({ users: [], failSetup: true }), client, quietLogger().logger);
    await expect(thread.run(MONDAY)).rejects.toThrow(PassThreadError);
    await expect(thread.ready()).rejects.toThrow(PassThreadError);
  });

  it('refuses passes once closed', async () => {
    const { client } = recordingClient();
    const thread = open(scripted({ users: [] }), client, quietLogger().logger);
    await thread.ready();
    await thread.close();
    await expect(thread.run(MONDAY)).rejects.toThrow(/closed/);
  });
});
