/**
 * Two app instances (two processes) sharing one Redis, then one Postgres,
 * as a team behind a load balancer runs them: requests per second of the
 * pair against one instance alone, and `status` (a user with 5,000 entries)
 * and `logSend` under that load, beside the targets of issue #14.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { LedgerRepository, type LedgerScope } from '../src/ledger/store.js';
import { NOW, seed, TARGETS } from './ledger.js';
import {
  against,
  type BenchBackend,
  type BenchPlace,
  disposePlace,
  ms,
  newPlace,
  openOrSkip,
  quantile,
} from './ledger-stores.js';

const INSTANCE = fileURLToPath(new URL('./ledger-instance.ts', import.meta.url));
const SECONDS = Number(process.env.BENCH_PAIR_SECONDS ?? 5);
const INFLIGHT = 8;
const USERS = 200;

interface Figures {
  requests: number;
  sends: number[];
  statuses: number[];
}

/** Starts `count` instances, lets them go at once, and collects what each measured. */
async function runInstances(
  place: BenchPlace,
  heavy: LedgerScope,
  count: number,
): Promise<Figures[]> {
  const children: ChildProcess[] = [];
  const outputs = await new Promise<Promise<Figures>[]>((resolveAll, reject) => {
    const ready: Promise<void>[] = [];
    const results: Promise<Figures>[] = [];
    for (let i = 0; i < count; i++) {
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          INSTANCE,
          JSON.stringify({ place, seconds: SECONDS, inflight: INFLIGHT, users: USERS, heavy }),
        ],
        { stdio: ['pipe', 'pipe', 'inherit'] },
      );
      children.push(child);
      const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
      let onReady: () => void = () => {};
      ready.push(new Promise<void>((r) => (onReady = r)));
      results.push(
        new Promise<Figures>((resolve, fail) => {
          lines.on('line', (line) => {
            if (line === 'ready') onReady();
            else if (line.startsWith('{')) resolve(JSON.parse(line) as Figures);
          });
          child.once('exit', (code) => fail(new Error(`instance exited with ${code}`)));
        }),
      );
    }
    Promise.all(ready).then(() => resolveAll(results), reject);
  });
  for (const child of children) child.stdin?.write('go\n');
  return Promise.all(outputs);
}

async function runBackend(backend: BenchBackend, id: string): Promise<string[]> {
  const label = backend.padEnd(9);
  const place = await newPlace(backend, `${id}p`);
  const opened = await openOrSkip(place, label);
  if (typeof opened === 'string') return [opened];
  try {
    const kv = opened.kv;
    const heavy: LedgerScope = { teamId: 'TPAIR', userId: 'UHEAVY' };
    await seed(kv, heavy);
    const repo = new LedgerRepository(kv);
    await repo.status(heavy, NOW);
    // A team in its stride: every user has logged before (a user's very first write builds their summary once).
    for (let u = 0; u < USERS; u++)
      await repo.logSend(
        { teamId: 'TPAIR', userId: `U${u}` },
        { recipient: { name: 'First' }, noteLength: 0, source: 'check' },
      );
    const [alone] = await runInstances(place, heavy, 1);
    const pair = await runInstances(place, heavy, 2);
    const perSecond = (figures: Figures[]) => figures.reduce((n, f) => n + f.requests, 0) / SECONDS;
    const single = perSecond(alone ? [alone] : []);
    const both = perSecond(pair);
    const statuses = pair.flatMap((f) => f.statuses);
    const sends = pair.flatMap((f) => f.sends);
    return [
      `${label} two instances ${both.toFixed(0)} requests/s (one alone ${single.toFixed(0)}/s: ${(both / single).toFixed(2)}×) · ${INFLIGHT} in flight each, ${USERS} users shared`,
      `${' '.repeat(9)} under that load: status (5,000 entries) ${against(quantile(statuses, 0.5), TARGETS.statusMs)} p50 · logSend ${ms(quantile(sends, 0.5))} p50, ${ms(quantile(sends, 0.95))} p95`,
    ];
  } finally {
    await opened.close();
    await disposePlace(place);
  }
}

/** Prints the two-instance figures for Redis and Postgres. */
export async function runLedgerPairBench(): Promise<void> {
  console.log(
    `ledger, two instances sharing one store (each request: status, then logSend; ${SECONDS} s a run)`,
  );
  const id = `${process.pid.toString(36)}${randomBytes(3).toString('hex')}`;
  for (const backend of ['redis', 'postgres'] as const)
    for (const line of await runBackend(backend, id)) console.log(`  ${line}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await runLedgerPairBench();
