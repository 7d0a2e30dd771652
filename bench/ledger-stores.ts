/**
 * The stores the ledger benches run on, opened as the app opens them
 * (`createStore`: SQLite in WAL mode, Redis and Postgres with their own
 * clients and deadlines), each in a file, namespace or table of its own that
 * `dispose` removes.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Keyv } from 'keyv';
import type { LedgerKv } from '../src/store/kv.js';
import { createStore } from '../src/store/store.js';

export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const POSTGRES_URL =
  process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

export type BenchBackend = 'sqlite' | 'redis' | 'postgres';

/** Where one run's data lives: what another process needs to open the same store. */
export interface BenchPlace {
  backend: BenchBackend;
  url: string;
  namespace: string;
  table: string;
}

export async function newPlace(backend: BenchBackend, id: string): Promise<BenchPlace> {
  if (backend === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'invite-coach-bench-'));
    return {
      backend,
      url: `sqlite://${join(dir, 'ledger.sqlite')}`,
      namespace: 'invite-coach',
      table: 'invite_coach',
    };
  }
  if (backend === 'redis')
    return { backend, url: REDIS_URL, namespace: `icbench${id}`, table: 'unused' };
  return { backend, url: POSTGRES_URL, namespace: 'invite-coach', table: `ledger_bench_${id}` };
}

export interface OpenedStore {
  keyv: Keyv;
  /** The ledger's view of the store, as the app gets it (native scans, conditional writes). */
  kv: LedgerKv;
  close(): Promise<void>;
}

export async function openPlace(place: BenchPlace): Promise<OpenedStore> {
  const store = await createStore({
    url: place.url,
    namespace: place.namespace,
    table: place.table,
  });
  return { keyv: store.keyv, kv: store.kv, close: () => store.close() };
}

/**
 * Opens `place` and reads one key, or says in one line why the store cannot
 * be reached: the bench then prints that line and skips the store.
 */
export async function openOrSkip(place: BenchPlace, label: string): Promise<OpenedStore | string> {
  try {
    const opened = await openPlace(place);
    await opened.keyv.get('bench:ping');
    return opened;
  } catch (error) {
    return `${label} SKIPPED: not reachable (${(error as Error).message.split('\n')[0]})`;
  }
}

/** Removes what the run wrote. */
export async function disposePlace(place: BenchPlace): Promise<void> {
  if (place.backend === 'sqlite') {
    await rm(join(place.url.slice('sqlite://'.length), '..'), { recursive: true, force: true });
    return;
  }
  const opened = await openPlace(place);
  try {
    if (place.backend === 'redis') await opened.keyv.clear();
    else
      await (opened.keyv.store as { query(sql: string): Promise<unknown> }).query(
        `DROP TABLE IF EXISTS public.${place.table}`,
      );
  } finally {
    await opened.close();
  }
}

export function quantile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

export const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;

/** A figure beside its target: `3.1 ms (target ≤ 1 ms: met)`. */
export function against(value: number, target: number, unit = 'ms'): string {
  const shown = unit === 'ms' ? ms(value) : `${value.toFixed(2)}${unit}`;
  return `${shown} (target ≤ ${target} ${unit}: ${value <= target ? 'met' : 'NOT MET'})`;
}
