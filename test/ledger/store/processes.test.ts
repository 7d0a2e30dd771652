/**
 * The ledger across real processes: two app processes logging for one user at
 * the same moment lose nothing, and a process killed with SIGKILL in the
 * middle of logging leaves a ledger that is whole and readable.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { summaryKey } from '../../../src/ledger/scope.js';
import { LedgerRepository, type LedgerScope } from '../../../src/ledger/store.js';
import {
  BACKEND_NAMES,
  type BackendTarget,
  createTarget,
  openStore,
  runId,
  serviceGate,
  waitForPostgresClientsGone,
} from './backends.js';

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

interface Worker {
  child: ChildProcess;
  lines: string[];
  /** Resolves with the first line that satisfies `test`. */
  waitFor(test: (line: string, all: string[]) => boolean): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Every worker started, so that none outlives a failed test. */
const started: ChildProcess[] = [];

function startWorker(args: object): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, JSON.stringify(args)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  started.push(child);
  const lines: string[] = [];
  const waiters: {
    test: (line: string, all: string[]) => boolean;
    resolve: (l: string) => void;
  }[] = [];
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    lines.push(line);
    for (const w of [...waiters]) {
      if (w.test(line, lines)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    // 'close', not 'exit': every line the worker wrote has been read by then.
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    lines,
    exited,
    waitFor(test) {
      const seen = lines.find((l) => test(l, lines));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ test, resolve });
        exited.then(({ code, signal }) =>
          reject(
            new Error(
              `worker exited (${code ?? signal}) before the expected line; stderr:\n${stderr}`,
            ),
          ),
        );
      });
    },
  };
}

const backends = BACKEND_NAMES;

for (const backend of backends) {
  const gate = await serviceGate(backend);
  if (gate === 'skip') {
    describe.skip(`ledger across processes on ${backend} (service not running: SKIPPED)`, () => {
      it('needs the service', () => {});
    });
    continue;
  }

  describe(`ledger across processes on ${backend}`, { timeout: 60_000 }, () => {
    let target: BackendTarget & { dispose(): Promise<void> };

    beforeAll(async () => {
      if (gate === 'fail') throw new Error(`REQUIRE_SERVICES=1 and ${backend} is not reachable.`);
      target = await createTarget(backend);
    });
    afterEach(() => {
      for (const child of started.splice(0)) {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
    });
    afterAll(async () => {
      await target?.dispose();
    });

    /** Two processes, each firing 100 sends at once for `scope` once both are connected. */
    async function burst(mode: 'burst' | 'naive-burst', scope: LedgerScope): Promise<void> {
      const workers = ['a', 'b'].map((tag) =>
        startWorker({ mode, target: { backend, place: target.place }, scope, tag, count: 100 }),
      );
      // Both processes are connected before either starts, so their sends overlap.
      await Promise.all(workers.map((w) => w.waitFor((l) => l === 'ready')));
      for (const w of workers) w.child.stdin?.write('go\n');
      const exits = await Promise.all(workers.map((w) => w.exited));
      expect(exits).toEqual([
        { code: 0, signal: null },
        { code: 0, signal: null },
      ]);
      expect(workers.map((w) => w.lines.at(-1))).toEqual(['done 100', 'done 100']);
    }

    if (backend === 'sqlite') {
      // The control: this harness does catch lost updates, so the test below can fail.
      it('the same burst through one read-modify-write array key loses sends', async () => {
        const scope: LedgerScope = { teamId: 'T1', userId: 'UNAIVE' };
        await burst('naive-burst', scope);
        const store = await openStore(target);
        try {
          const kept = (await store.kv.get(`naive:${scope.userId}`)) as string[];
          expect(kept.length).toBeGreaterThan(0);
          expect(kept.length).toBeLessThan(200);
        } finally {
          await store.close();
        }
      });
    }

    it('200 sends fired at the same moment from two processes end as exactly 200 entries', async () => {
      const scope: LedgerScope = { teamId: 'T1', userId: 'UBURST' };
      await burst('burst', scope);

      const store = await openStore(target);
      try {
        const repo = new LedgerRepository(store.kv);
        const entries = await repo.list(scope);
        expect(entries).toHaveLength(200);
        // The stored summary, written with each send, counts every one of them.
        expect(await store.kv.conditional?.getVersioned(summaryKey(scope))).toMatchObject({
          value: { entries: 200 },
        });
        expect((await repo.status(scope)).pending.count).toBe(200);
        const names = new Set(entries.map((e) => e.recipient.name));
        for (const tag of ['a', 'b']) {
          for (let i = 0; i < 100; i++) expect(names.has(`${tag} ${i}`)).toBe(true);
        }
      } finally {
        await store.close();
      }
    });

    it('kill -9 in the middle of logging leaves a whole, readable ledger that takes new sends', async () => {
      const scope: LedgerScope = { teamId: 'T1', userId: 'UCRASH' };
      const inflight = 4;
      const appName = `ic-crash-${runId()}`;
      const worker = startWorker({
        mode: 'stream',
        target: { backend, place: target.place, appName },
        scope,
        tag: 'c',
        inflight,
      });
      await worker.waitFor((_l, all) => all.filter((l) => l.startsWith('out ')).length >= 10);
      worker.child.kill('SIGKILL');
      const exit = await worker.exited;
      expect(exit.signal).toBe('SIGKILL');
      // Postgres finishes a dead client's running statements; read after they have.
      if (backend === 'postgres') await waitForPostgresClientsGone(appName);

      const acked = worker.lines.filter((l) => l.startsWith('ack ')).map((l) => l.slice(4));
      const outcomes = worker.lines.filter((l) => l.startsWith('out ')).map((l) => l.slice(4));

      // The restart: a new process opens the same store.
      const store = await openStore(target);
      try {
        const repo = new LedgerRepository(store.kv);
        // Read first from the summary alone: the kill left it agreeing with the records.
        const fromSummary = await repo.status(scope);
        const entries = await repo.list(scope); // validates every record it reads
        expect(fromSummary.pending.count).toBe(
          entries.filter((e) => e.history.at(-1)?.status === 'pending').length,
        );
        const byId = new Map(entries.map((e) => [e.id, e]));
        for (const id of acked) expect(byId.has(id)).toBe(true);
        for (const id of outcomes) expect(byId.get(id)?.history.at(-1)?.status).toBe('accepted');
        // Sends in flight at the kill are either whole or absent.
        expect(entries.length).toBeGreaterThanOrEqual(acked.length);
        expect(entries.length).toBeLessThanOrEqual(acked.length + inflight);

        const after = await repo.logSend(scope, {
          recipient: { name: 'after restart' },
          noteLength: 0,
          source: 'manual',
        });
        await repo.setOutcome(scope, after.id, 'ignored');
        const again = await repo.list(scope);
        expect(again).toHaveLength(entries.length + 1);
        expect(again.find((e) => e.id === after.id)?.history.map((h) => h.status)).toEqual([
          'pending',
          'ignored',
        ]);
        expect((await repo.exportCsv(scope)).split('\r\n')).toHaveLength(entries.length + 3);
      } finally {
        await store.close();
      }
    });
  });
}
