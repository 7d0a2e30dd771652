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
import KeyvPostgres from '@keyv/postgres';
import KeyvRedis from '@keyv/redis';
import KeyvSqlite from '@keyv/sqlite';
import { Keyv } from 'keyv';
import pg from 'pg';
import { keyvLedgerKv, type LedgerKv } from '../../../src/ledger/kv.js';

export type BackendName = 'sqlite' | 'redis' | 'postgres';

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

/** A fresh place for one test file; `dispose` removes it. */
export async function createTarget(
  backend: BackendName,
): Promise<BackendTarget & { dispose(): Promise<void> }> {
  const id = runId();
  if (backend === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'invite-coach-ledger-'));
    return {
      backend,
      place: join(dir, 'ledger.sqlite'),
      dispose: () => rm(dir, { recursive: true, force: true }),
    };
  }
  if (backend === 'redis') {
    const place = `ictest${id}`;
    return {
      backend,
      place,
      async dispose() {
        const store = await openStore({ backend, place });
        await store.keyv.clear();
        await store.close();
      },
    };
  }
  const place = `ledger_test_${id}`;
  return {
    backend,
    place,
    async dispose() {
      const adapter = new KeyvPostgres({ uri: POSTGRES_URL, table: place });
      await adapter.query(`DROP TABLE IF EXISTS public.${place}`);
      await adapter.disconnect();
    },
  };
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

/** Opens the store at `target` the way an app process would. */
export async function openStore(target: BackendTarget): Promise<OpenStore> {
  let keyv: Keyv;
  if (target.backend === 'sqlite') {
    keyv = new Keyv({
      store: new KeyvSqlite({ uri: `sqlite://${target.place}`, busyTimeout: 10_000 }),
      namespace: 'invite-coach',
      throwOnErrors: true,
    });
  } else if (target.backend === 'redis') {
    keyv = new Keyv({
      store: new KeyvRedis(REDIS_URL, { throwOnConnectError: true }),
      namespace: target.place,
      throwOnErrors: true,
    });
  } else {
    keyv = new Keyv({
      store: new KeyvPostgres({ uri: postgresUri(target.appName), table: target.place }),
      namespace: 'invite-coach',
      throwOnErrors: true,
    });
  }
  return {
    keyv,
    kv: keyvLedgerKv(keyv),
    iteratorKv: keyvLedgerKv(keyv, { scan: 'iterator' }),
    close: () => keyv.disconnect(),
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
  if (backend === 'sqlite') return true;
  return backend === 'redis' ? tcpReachable(REDIS_URL, 6379) : tcpReachable(POSTGRES_URL, 5432);
}

/**
 * Decides what a suite that needs `backend` does when the service is down:
 * with REQUIRE_SERVICES=1 (CI) it fails; otherwise it is skipped, loudly.
 */
export async function serviceGate(backend: BackendName): Promise<'run' | 'skip' | 'fail'> {
  if (await serviceAvailable(backend)) return 'run';
  const where = backend === 'redis' ? REDIS_URL : POSTGRES_URL;
  if (process.env.REQUIRE_SERVICES === '1') return 'fail';
  const line = '!'.repeat(78);
  console.warn(
    `\n${line}\n!! SKIPPED: the ${backend} ledger store tests. Nothing answers at ${where}.\n` +
      `!! Start ${backend} (or set REQUIRE_SERVICES=1 to make this a failure).\n${line}\n`,
  );
  return 'skip';
}
