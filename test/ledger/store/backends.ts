/**
 * The stores the ledger suite runs on. Each run gets its own SQLite file,
 * Redis namespace or Postgres table, so that engineers running the tests on
 * the same machine at the same time do not see each other's keys.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Keyv } from 'keyv';
import pg from 'pg';
import { keyvKv, type LedgerKv } from '../../../src/store/kv.js';
import { createStore, type Store, type StoreOptions } from '../../../src/store/store.js';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

/** Where one run's data lives: enough for another process to open the same store. */
export interface BackendTarget {
  backend: BackendName;
  /** SQLite file, Redis namespace or Postgres table. */
  place: string;
  /** Postgres only: the `application_name` of this process's connections. */
  appName?: string;
}

export interface OpenStore {
  store: Store;
  /** The store's keyv, for tests that plant raw values. */
  keyv: Keyv;
  /** The ledger's view of the store, with the adapter's native prefix scan. */
  kv: LedgerKv;
  /** The same store listed through keyv's own iterator. */
  iteratorKv: LedgerKv;
  close(): Promise<void>;
}

export function runId(): string {
  return `${process.pid.toString(36)}${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

/**
 * The store backends the suites run on, by name: where one run's data goes
 * (`place`, and how to remove it) and the options that open it there. A new
 * backend is one entry here.
 */
export const BACKENDS = {
  sqlite: {
    async place() {
      const dir = await mkdtemp(join(tmpdir(), 'invite-coach-ledger-'));
      return {
        // A folder that does not exist yet: the store creates it.
        place: join(dir, 'nested', 'ledger.sqlite'),
        dispose: () => rm(dir, { recursive: true, force: true }),
      };
    },
    options: (place: string): StoreOptions => ({ url: `sqlite://${place}` }),
    service: undefined,
  },
  redis: {
    async place() {
      const place = `ictest${runId()}`;
      return {
        place,
        async dispose() {
          const store = await openStore({ backend: 'redis', place });
          await store.keyv.clear();
          await store.close();
        },
      };
    },
    options: (place: string): StoreOptions => ({ url: REDIS_URL, namespace: place }),
    service: { url: REDIS_URL, port: 6379 },
  },
  postgres: {
    async place() {
      const place = `ledger_test_${runId()}`;
      return {
        place,
        async dispose() {
          const client = new pg.Client({ connectionString: POSTGRES_URL });
          await client.connect();
          try {
            await client.query(`DROP TABLE IF EXISTS public.${place}`);
            await client.query(`DROP TABLE IF EXISTS public.${place}_digest_claims`);
          } finally {
            await client.end();
          }
        },
      };
    },
    options: (place: string, appName?: string): StoreOptions => ({
      url: postgresUri(appName),
      table: place,
    }),
    service: { url: POSTGRES_URL, port: 5432 },
  },
} as const;

export type BackendName = keyof typeof BACKENDS;
/** Every backend in {@link BACKENDS}, for suites that run on each. */
export const BACKEND_NAMES = Object.keys(BACKENDS) as BackendName[];

/** A fresh place for one test file; `dispose` removes it. */
export async function createTarget(
  backend: BackendName,
): Promise<BackendTarget & { dispose(): Promise<void> }> {
  return { backend, ...(await BACKENDS[backend].place()) };
}

function postgresUri(appName: string | undefined): string {
  if (!appName) return POSTGRES_URL;
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('application_name', appName);
  return url.toString();
}

/**
 * Waits until the server holds no connection named `appName`. A client killed
 * with SIGKILL leaves its running statements to finish (and commit) on the
 * server; only once its backends are gone is the ledger what it will stay.
 */
export async function waitForPostgresClientsGone(
  appName: string,
  withinMs = 15_000,
): Promise<void> {
  // A client of its own: @keyv/postgres shares one pool per URI and ending it would end the test's.
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    const deadline = Date.now() + withinMs;
    for (;;) {
      const { rows } = await client.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1',
        [appName],
      );
      if (rows[0]?.n === 0) return;
      if (Date.now() > deadline)
        throw new Error(`${appName} still has backends after ${withinMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await client.end();
  }
}

/**
 * The suites fire hundreds of writes at once, from several processes, on a
 * machine others share: what they check is that none is lost or doubled,
 * not how fast each is (the deadline has tests of its own, and the store-down
 * tests use the app's).
 */
const SUITE_DEADLINE_MS = 30_000;

/** Opens the store at `target` the way an app process does (`createStore`). */
export async function openStore(
  target: BackendTarget,
  extra: Partial<StoreOptions> = {},
): Promise<OpenStore> {
  const options = BACKENDS[target.backend].options(target.place, target.appName);
  const store = await createStore({ ...options, deadlineMs: SUITE_DEADLINE_MS, ...extra });
  return {
    store,
    keyv: store.keyv,
    kv: store.kv,
    iteratorKv: keyvKv(store.keyv),
    close: () => store.close(),
  };
}

function tcpReachable(url: string, fallbackPort: number): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || fallbackPort) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Whether the service behind `backend` answers. SQLite is embedded and always
 * there; Redis and Postgres must be running on this machine.
 */
export async function serviceAvailable(backend: BackendName): Promise<boolean> {
  const service = BACKENDS[backend].service;
  return service === undefined || tcpReachable(service.url, service.port);
}

/**
 * Decides what a suite that needs `backend` does when the service is down:
 * with REQUIRE_SERVICES=1 (CI) it fails; otherwise it is skipped, loudly.
 */
export async function serviceGate(backend: BackendName): Promise<'run' | 'skip' | 'fail'> {
  if (await serviceAvailable(backend)) return 'run';
  const where = BACKENDS[backend].service?.url;
  if (process.env.REQUIRE_SERVICES === '1') return 'fail';
  const line = '!'.repeat(78);
  console.warn(
    `\n${line}\n!! SKIPPED: the ${backend} ledger store tests. Nothing answers at ${where}.\n` +
      `!! Start ${backend} (or set REQUIRE_SERVICES=1 to make this a failure).\n${line}\n`,
  );
  return 'skip';
}
