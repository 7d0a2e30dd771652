/**
 * Exactly one digest per user per week across real processes: two senders
 * racing over the same users on one store, and a sender killed in the middle
 * of a pass followed by a fresh one. Posts are counted at a loopback Slack
 * stand-in.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import KeyvPostgres from '@keyv/postgres';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { enrollDigest } from '../../src/digest/roster.js';
import {
  BACKEND_NAMES,
  type BackendTarget,
  createTarget,
  openStore,
  POSTGRES_URL,
  serviceGate,
} from '../ledger/store/backends.js';
import { DigestFakeApi } from './fake-api.js';

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));
const NOW = '2026-11-23T10:00:00Z'; // a Monday, after 09:00 UTC
const started: ChildProcess[] = [];

interface Worker {
  child: ChildProcess;
  lines: string[];
  ready: Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr: () => string;
}

function startWorker(args: object): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, JSON.stringify(args)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  started.push(child);
  const lines: string[] = [];
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  const ready = new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      lines.push(line);
      if (line === 'ready') resolve();
    });
    child.once('exit', () => reject(new Error(`worker exited before ready: ${stderr}`)));
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, lines, ready, exited, stderr: () => stderr };
}

const USERS = Array.from({ length: 30 }, (_, i) => `U${String(i + 1).padStart(3, '0')}`);

for (const backend of BACKEND_NAMES) {
  const gate = await serviceGate(backend);
  if (gate === 'skip') {
    describe.skip(`digest exactly once on ${backend} (service not running: SKIPPED)`, () => {
      it('needs the service', () => {});
    });
    continue;
  }

  describe(`digest exactly once across processes on ${backend}`, { timeout: 60_000 }, () => {
    let target: BackendTarget & { dispose(): Promise<void> };
    let api: DigestFakeApi;
    let slackApiUrl: string;

    beforeAll(async () => {
      if (gate === 'fail') throw new Error(`REQUIRE_SERVICES=1 and ${backend} is not reachable.`);
      target = await createTarget(backend);
    });
    afterEach(async () => {
      for (const child of started.splice(0)) {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      await api?.stop();
    });
    afterAll(async () => {
      if (backend === 'postgres' && target) {
        const adapter = new KeyvPostgres({ uri: POSTGRES_URL, table: target.place });
        await adapter.query(`DROP TABLE IF EXISTS public.${target.place}_digest_claims`);
        await adapter.disconnect();
      }
      await target?.dispose();
    });

    async function seed(teamId: string): Promise<void> {
      const store = await openStore(target);
      for (const userId of USERS) {
        await enrollDigest(store.kv, { teamId, userId }, { timeZone: 'UTC' });
      }
      await store.close();
      api = new DigestFakeApi();
      slackApiUrl = await api.start();
    }

    it('two senders racing over the same users post one digest per user', async () => {
      await seed('TRACE');
      const workers = ['a', 'b'].map(() =>
        startWorker({ target: { backend, place: target.place }, slackApiUrl, now: NOW }),
      );
      await Promise.all(workers.map((w) => w.ready));
      for (const w of workers) w.child.stdin?.write('go\n');
      const exits = await Promise.all(workers.map((w) => w.exited));
      expect(exits, workers.map((w) => w.stderr()).join('\n')).toEqual([
        { code: 0, signal: null },
        { code: 0, signal: null },
      ]);
      expect(api.posts.size).toBe(USERS.length);
      expect([...api.posts.values()].every((n) => n === 1)).toBe(true);
      const done = workers.map((w) => JSON.parse(w.lines.at(-1)?.slice(5) ?? '{}'));
      expect(done[0].sent + done[1].sent).toBe(USERS.length);

      // A third pass later in the week, after a restart, sends nothing more.
      const again = startWorker({
        target: { backend, place: target.place },
        slackApiUrl,
        now: NOW,
      });
      await again.ready;
      again.child.stdin?.write('go\n');
      expect((await again.exited).code).toBe(0);
      expect(api.totalPosts).toBe(USERS.length);
    });

    it('a sender killed mid-pass is resumed by the next without repeating', async () => {
      // A fresh team, so the users are new to this store.
      const store = await openStore(target);
      for (const userId of USERS) {
        await enrollDigest(store.kv, { teamId: 'TCRASH', userId }, { timeZone: 'UTC' });
      }
      await store.close();
      api = new DigestFakeApi();
      slackApiUrl = await api.start();
      // The racing test's team is done for the week; only TCRASH's users are due.
      api.hangAt = 10;
      const first = startWorker({
        target: { backend, place: target.place },
        slackApiUrl,
        now: NOW,
        leaseMs: 1000,
      });
      await first.ready;
      first.child.stdin?.write('go\n');
      await api.waitForPosts(10);
      first.child.kill('SIGKILL');
      await first.exited;
      expect(api.totalPosts).toBeGreaterThanOrEqual(10);
      // Let the dead sender's leases run out, so the next one takes them over
      // (and asks Slack whether the dead one had posted before dying).
      await new Promise((resolve) => setTimeout(resolve, 1200));

      const second = startWorker({
        target: { backend, place: target.place },
        slackApiUrl,
        now: NOW,
      });
      await second.ready;
      second.child.stdin?.write('go\n');
      const exit = await second.exited;
      expect(exit, second.stderr()).toEqual({ code: 0, signal: null });
      // Every user once: those posted before the kill (the hung one included)
      // are not posted again, the rest are.
      expect(api.posts.size, `${second.lines.join('\n')}\n${second.stderr()}`).toBe(USERS.length);
      expect([...api.posts.values()].every((n) => n === 1)).toBe(true);
    });
  });
}
