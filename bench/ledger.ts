/**
 * What the ledger costs on real stores: `status` for a user with 5,000
 * entries, and logging one send, on SQLite (a temp file), Redis and Postgres,
 * each in a namespace or table of its own that is removed afterwards. A store
 * that does not answer is reported as skipped.
 *
 * The store also holds a second user with 5,000 entries, as a shared
 * deployment would, and `status` is timed twice: with the adapter's native
 * prefix scan (what the ledger uses) and through keyv's own iterator (which
 * walks every user's records, a few rows a query).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { status } from '../src/ledger/policy/status.js';
import type { Outcome } from '../src/ledger/records.js';
import { LedgerRepository, type LedgerScope } from '../src/ledger/store.js';
import { keyvKv } from '../src/store/kv.js';
import { createStore, type Store } from '../src/store/store.js';

const ENTRIES = 5_000;
const STATUS_RUNS = 7;
const SEND_RUNS = 100;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const NOW = new Date('2026-06-30T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

interface Bench {
  name: string;
  open(): Promise<{ store: Store; dispose(): Promise<void> }>;
}

function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;

/** 5,000 sends over 180 days, three in five with an outcome. */
async function seed(repo: LedgerRepository, scope: LedgerScope): Promise<void> {
  const outcomes: (Outcome | undefined)[] = [
    'accepted',
    'ignored',
    'withdrawn',
    undefined,
    undefined,
  ];
  const batch = 50;
  for (let start = 0; start < ENTRIES; start += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, ENTRIES - start) }, async (_, j) => {
        const i = start + j;
        const sentAt = new Date(NOW.getTime() - (i % 180) * DAY - i * 1000);
        const entry = await repo.logSend(scope, {
          recipient: { name: `Bench Person ${i}`, profileUrl: `linkedin.com/in/bench-${i}` },
          noteLength: i % 4 === 0 ? 120 : 0,
          source: 'manual',
          sentAt,
        });
        const outcome = outcomes[i % outcomes.length];
        if (outcome)
          await repo.setOutcome(scope, entry.id, outcome, new Date(sentAt.getTime() + DAY));
      }),
    );
  }
}

async function timeStatus(repo: LedgerRepository, scope: LedgerScope): Promise<number[]> {
  await repo.status(scope, NOW); // warm-up
  const times: number[] = [];
  for (let i = 0; i < STATUS_RUNS; i++) {
    const t = performance.now();
    await repo.status(scope, NOW);
    times.push(performance.now() - t);
  }
  return times;
}

async function runOne(bench: Bench): Promise<string[]> {
  const label = bench.name.padEnd(9);
  let opened: Awaited<ReturnType<Bench['open']>>;
  try {
    opened = await bench.open();
    await opened.store.ping();
  } catch (error) {
    return [`${label} SKIPPED: not reachable (${(error as Error).message.split('\n')[0]})`];
  }
  try {
    const repo = new LedgerRepository(opened.store.kv, { clock: () => NOW });
    const viaIterator = new LedgerRepository(keyvKv(opened.store.keyv), {
      clock: () => NOW,
    });
    const scope: LedgerScope = { teamId: 'TBENCH', userId: 'UBENCH' };
    const seedStart = performance.now();
    await seed(repo, scope);
    await seed(repo, { teamId: 'TBENCH', userId: 'UOTHER' });
    const seedSeconds = (performance.now() - seedStart) / 1000;

    const native = await timeStatus(repo, scope);
    const iterated = await timeStatus(viaIterator, scope);
    const { entries, settings } = await repo.snapshot(scope);
    const policy: number[] = [];
    for (let i = 0; i < STATUS_RUNS; i++) {
      const t = performance.now();
      status(entries, settings, NOW);
      policy.push(performance.now() - t);
    }

    const sends: number[] = [];
    for (let i = 0; i < SEND_RUNS; i++) {
      const t = performance.now();
      await repo.logSend(
        { teamId: 'TBENCH', userId: 'USENDS' },
        { recipient: { name: `Send ${i}` }, noteLength: 0, source: 'check' },
      );
      sends.push(performance.now() - t);
    }
    return [
      `${label} status ${ms(quantile(native, 0.5))} p50 (${ms(Math.min(...native))} min; policy alone ${ms(quantile(policy, 0.5))}; ${entries.length} entries)` +
        ` · through keyv's iterator ${ms(quantile(iterated, 0.5))}`,
      `${' '.repeat(9)} logSend ${ms(quantile(sends, 0.5))} p50, ${ms(quantile(sends, 0.95))} p95 · seeding 2×${ENTRIES} in ${seedSeconds.toFixed(1)} s`,
    ];
  } finally {
    await opened.dispose();
  }
}

const id = `${process.pid.toString(36)}${randomBytes(3).toString('hex')}`;

// The app's own store (createStore), with a deadline long enough for a loaded machine.
const DEADLINE_MS = 30_000;

const benches: Bench[] = [
  {
    name: 'sqlite',
    async open() {
      const dir = await mkdtemp(join(tmpdir(), 'invite-coach-bench-'));
      const store = await createStore({
        url: `sqlite://${join(dir, 'ledger.sqlite')}`,
        deadlineMs: DEADLINE_MS,
      });
      return {
        store,
        async dispose() {
          await store.close();
          await rm(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'redis',
    async open() {
      const store = await createStore({
        url: REDIS_URL,
        namespace: `icbench${id}`,
        deadlineMs: DEADLINE_MS,
      });
      return {
        store,
        async dispose() {
          await store.keyv.clear();
          await store.close();
        },
      };
    },
  },
  {
    name: 'postgres',
    async open() {
      const table = `ledger_bench_${id}`;
      const store = await createStore({ url: POSTGRES_URL, table, deadlineMs: DEADLINE_MS });
      return {
        store,
        async dispose() {
          await (store.keyv.store as { query(sql: string): Promise<unknown> }).query(
            `DROP TABLE IF EXISTS public.${table}`,
          );
          await store.close();
        },
      };
    },
  },
];

/** Prints the cost of `status` over 5,000 entries and of logging a send, per store. */
export async function runLedgerBench(): Promise<void> {
  console.log(
    `ledger: status for one user with ${ENTRIES.toLocaleString('en')} entries (beside another such user), and logSend`,
  );
  for (const bench of benches) for (const line of await runOne(bench)) console.log(`  ${line}`);
}
