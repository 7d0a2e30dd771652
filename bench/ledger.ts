/**
 * What the ledger costs on real stores, opened as the app opens them:
 * `status` for a user with 5,000 entries, the policy alone over those
 * entries, and logging one send, on SQLite (a temp file), Redis and
 * Postgres, each in a namespace or table of its own that is removed
 * afterwards. A store that does not answer is reported as skipped. Each
 * figure is printed beside its target (issue #14).
 *
 * The store also holds a second user with 5,000 entries, as a shared
 * deployment would. `status` reads the user's stored summary; a full read
 * of every entry (what `status` did before, and what a lost summary costs
 * once) is printed beside it.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { status, statusFrom } from '../src/ledger/policy/status.js';
import { summarise } from '../src/ledger/policy/summary.js';
import { makeRecipient } from '../src/ledger/recipient.js';
import {
  LEDGER_SCHEMA_VERSION,
  type LedgerEntry,
  type LedgerSettings,
  type Outcome,
} from '../src/ledger/records.js';
import { LedgerRepository, type LedgerScope, scopePrefix } from '../src/ledger/store.js';
import type { LedgerKv } from '../src/store/kv.js';
import {
  against,
  type BenchBackend,
  disposePlace,
  ms,
  newPlace,
  openOrSkip,
  quantile,
} from './ledger-stores.js';

export const ENTRIES = 5_000;
const STATUS_RUNS = 21;
const SEND_RUNS = 200;
export const NOW = new Date('2026-06-30T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

export const TARGETS = { statusMs: 20, policyMs: 3, sqliteSendMs: 1 };

/**
 * 5,000 sends over 180 days, three in five with an outcome, written as raw
 * records in batches (as an older version or an import would have left
 * them); the first read builds the user's summary from them.
 */
export async function seed(kv: LedgerKv, scope: LedgerScope): Promise<void> {
  const outcomes: (Outcome | undefined)[] = [
    'accepted',
    'ignored',
    'withdrawn',
    undefined,
    undefined,
  ];
  const prefix = scopePrefix(scope);
  const records: Array<[string, unknown]> = [];
  for (let i = 0; i < ENTRIES; i++) {
    const sentAt = new Date(NOW.getTime() - (i % 180) * DAY - i * 1000);
    const id = `bench-${scope.userId}-${i}`;
    const noteLength = i % 4 === 0 ? 120 : 0;
    records.push([
      `${prefix}send:${id}`,
      {
        schemaVersion: LEDGER_SCHEMA_VERSION,
        id,
        recipient: makeRecipient({
          name: `Bench Person ${i}`,
          profileUrl: `linkedin.com/in/bench-${i}`,
        }),
        sentAt: sentAt.toISOString(),
        personalised: noteLength > 0,
        noteLength,
        source: 'manual',
      },
    ]);
    const outcome = outcomes[i % outcomes.length];
    if (outcome)
      records.push([
        `${prefix}outcome:${id}:${outcome}`,
        {
          schemaVersion: LEDGER_SCHEMA_VERSION,
          entryId: id,
          status: outcome,
          at: new Date(sentAt.getTime() + DAY).toISOString(),
        },
      ]);
  }
  for (let i = 0; i < records.length; i += 500) {
    const batch = records.slice(i, i + 500);
    if (kv.setMany) await kv.setMany(batch);
    else for (const [key, value] of batch) await kv.set(key, value);
  }
}

async function timed(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  await work(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await work();
    times.push(performance.now() - t);
  }
  return times;
}

/** Wall and CPU time of each of `STATUS_RUNS` runs of `work`, after one to warm up. */
function timeSync(work: () => unknown): { wall: number[]; cpu: number[] } {
  const wall: number[] = [];
  const cpu: number[] = [];
  work();
  for (let i = 0; i < STATUS_RUNS; i++) {
    const before = process.cpuUsage();
    const t = performance.now();
    work();
    wall.push(performance.now() - t);
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall, cpu };
}

/**
 * The policy alone over `entries`: over their summary, the pre-parsed numbers
 * `status` reads (one pass, no dates parsed, nothing allocated per entry), and
 * from the entries themselves, summarising them first (what a rebuild costs).
 * CPU time beside wall time: a busy machine stretches the wall time of a
 * function that never waits.
 */
function timePolicy(entries: LedgerEntry[], settings: LedgerSettings) {
  const summary = summarise(entries);
  return {
    fromSummary: timeSync(() => statusFrom(summary, settings, NOW)),
    fromEntries: timeSync(() => status(entries, settings, NOW)),
  };
}

async function runOne(backend: BenchBackend, id: string): Promise<string[]> {
  const label = backend.padEnd(9);
  const place = await newPlace(backend, id);
  const opened = await openOrSkip(place, label);
  if (typeof opened === 'string') return [opened];
  try {
    const kv = opened.kv;
    const repo = new LedgerRepository(kv, { clock: () => NOW });
    const scope: LedgerScope = { teamId: 'TBENCH', userId: 'UBENCH' };
    const other: LedgerScope = { teamId: 'TBENCH', userId: 'UOTHER' };
    await seed(kv, scope);
    await seed(kv, other);
    // The first read of each builds its summary (what a user whose ledger predates summaries costs once).
    const rebuildStart = performance.now();
    await repo.status(scope, NOW);
    const rebuild = performance.now() - rebuildStart;
    await repo.status(other, NOW);

    const fromSummary = await timed(STATUS_RUNS, () => repo.status(scope, NOW));
    const fullRead = await timed(7, () => repo.snapshot(scope));
    const { entries, settings } = await repo.snapshot(scope);
    const policy = timePolicy(entries, settings);
    const sendScope: LedgerScope = { teamId: 'TBENCH', userId: 'USENDS' };
    let n = 0;
    const sends = await timed(SEND_RUNS, () =>
      repo.logSend(sendScope, {
        recipient: { name: `Send ${n++}` },
        noteLength: 0,
        source: 'check',
      }),
    );
    const heavySends = await timed(20, () =>
      repo.logSend(scope, { recipient: { name: `Heavy ${n++}` }, noteLength: 0, source: 'check' }),
    );
    const sendTarget =
      backend === 'sqlite'
        ? ` (target ≤ ${TARGETS.sqliteSendMs} ms: ${quantile(sends, 0.5) <= TARGETS.sqliteSendMs ? 'met' : 'NOT MET'})`
        : '';
    return [
      `${label} status ${against(quantile(fromSummary, 0.5), TARGETS.statusMs)} p50 · ${entries.length} entries · a full read of them ${ms(quantile(fullRead, 0.5))}`,
      `${' '.repeat(9)} policy alone over them, summarising the entries ${against(quantile(policy.fromEntries.wall, 0.5), TARGETS.policyMs)} p50 (CPU ${ms(quantile(policy.fromEntries.cpu, 0.5))}) · from their stored summary ${against(quantile(policy.fromSummary.wall, 0.5), TARGETS.policyMs)} (CPU ${ms(quantile(policy.fromSummary.cpu, 0.5))})`,
      `${' '.repeat(9)} logSend ${ms(quantile(sends, 0.5))} p50${sendTarget}, ${ms(quantile(sends, 0.95))} p95 · first status, building the summary, ${ms(rebuild)}`,
      `${' '.repeat(9)} logSend for the user with ${ENTRIES.toLocaleString('en')} entries (the same small head rewritten) ${ms(quantile(heavySends, 0.5))} p50`,
    ];
  } finally {
    await opened.close();
    await disposePlace(place);
  }
}

/** Prints the cost of `status` over 5,000 entries and of logging a send, per store, beside the targets. */
export async function runLedgerBench(): Promise<void> {
  console.log(
    `ledger: status for one user with ${ENTRIES.toLocaleString('en')} entries (beside another such user), and logSend`,
  );
  const id = `${process.pid.toString(36)}${randomBytes(3).toString('hex')}`;
  for (const backend of ['sqlite', 'redis', 'postgres'] as const)
    for (const line of await runOne(backend, id)) console.log(`  ${line}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await runLedgerBench();
