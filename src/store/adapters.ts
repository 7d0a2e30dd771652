import type { KeyvStoreAdapter } from 'keyv';
import { STORE_DEADLINE_MS, withTimeout } from './deadline.js';

/** What the adapters may say about their connection (never a key or a value). */
export type StoreWarning = (line: string) => void;

// The adapter calls that reach the store; each gets the deadline.
const STORE_CALLS = new Set([
  'get',
  'set',
  'delete',
  'getMany',
  'setMany',
  'deleteMany',
  'has',
  'hasMany',
  'clear',
  'query',
  'disconnect',
]);

// Of those, the ones that change the store: if one times out, it may still land.
const WRITES = new Set(['set', 'setMany', 'delete', 'deleteMany', 'clear']);

/**
 * The adapter with a deadline on every call that reaches the store, so that
 * a hung or unreachable store costs a caller at most {@link STORE_DEADLINE_MS}
 * and a typed error, whoever calls it (the ledger, the settings, the digest).
 * Everything else (options, the Redis client, events) is the adapter's own.
 */
export function withDeadlines<A extends object>(adapter: A, ms = STORE_DEADLINE_MS): A {
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(adapter, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || !STORE_CALLS.has(String(property))) return value;
      let fn = wrapped.get(property) as ((...args: unknown[]) => unknown) | undefined;
      if (fn === undefined || (fn as { original?: unknown }).original !== value) {
        const original = value as (...args: unknown[]) => unknown;
        fn = Object.assign(
          (...args: unknown[]) =>
            withTimeout(
              Promise.resolve().then(() => original.apply(receiver, args)),
              String(property),
              ms,
              WRITES.has(String(property)),
            ),
          { original },
        );
        wrapped.set(property, fn);
      }
      return fn;
    },
  });
}

/** SQLite's own wait for a lock; see {@link sqliteAdapter}. */
export const SQLITE_BUSY_TIMEOUT_MS = 50;

/**
 * SQLite in WAL mode (readers never wait for a writer) with a short busy
 * timeout, retried off the event loop: sqlite3 waits for a lock on a worker
 * thread but finalises statements on the main one, so a long busy timeout
 * freezes every user's request while another process holds the file. Here a
 * lock costs the main thread at most {@link SQLITE_BUSY_TIMEOUT_MS} at a time,
 * and the call is tried again until its deadline.
 */
export async function sqliteAdapter(file: string, table: string): Promise<KeyvStoreAdapter> {
  const { KeyvSqlite } = await import('@keyv/sqlite');
  const adapter = new KeyvSqlite({
    uri: `sqlite://${file}`,
    table,
    busyTimeout: SQLITE_BUSY_TIMEOUT_MS,
  });
  const query = adapter.query.bind(adapter) as (
    sql: string,
    ...params: unknown[]
  ) => Promise<unknown>;
  adapter.query = (async (sql: string, ...params: unknown[]) => {
    // Retries end just before the call's deadline, so a write that is given up
    // on is never retried into the file afterwards: the caller hears SQLITE_BUSY
    // (nothing written), not a timeout.
    const until = Date.now() + STORE_DEADLINE_MS - 250;
    for (;;) {
      try {
        return await query(sql, ...params);
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > until) throw error;
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
      }
    }
  }) as typeof adapter.query;
  // Once per file (it persists); another process holding the file can make it wait: then later.
  await adapter.query('PRAGMA journal_mode=WAL').catch(() => {});
  // Per connection. In WAL mode NORMAL syncs at checkpoints, not at every commit: a write
  // survives the process dying (not the machine losing power), for a fraction of the cost.
  await adapter.query('PRAGMA synchronous=NORMAL').catch(() => {});
  return adapter as unknown as KeyvStoreAdapter;
}

/**
 * Redis through a node-redis client of our own: connected at once and
 * reconnecting in the background (so a Redis down at start is retried, not
 * waited on), with its offline queue off — a command while disconnected is
 * refused at once rather than sent when Redis returns, so a write the user was
 * told had failed never lands later — and a timeout on commands not yet sent.
 */
export async function redisAdapter(url: string, warn: StoreWarning): Promise<KeyvStoreAdapter> {
  const { default: KeyvRedis, createClient } = await import('@keyv/redis');
  const client = createClient({
    url,
    disableOfflineQueue: true,
    commandOptions: { timeout: STORE_DEADLINE_MS },
    socket: {
      connectTimeout: STORE_DEADLINE_MS,
      reconnectStrategy: (attempts: number) => Math.min(100 * 2 ** attempts, 2000),
    },
  });
  // Said once per lost connection (a store down at start is the app's to say: see watchStore).
  let ready = false;
  client.on('error', (error: Error & { code?: string }) => {
    if (!ready) return;
    ready = false;
    warn(`the Redis connection was lost (${error.code ?? error.name}); reconnecting`);
  });
  client.on('ready', () => {
    ready = true;
  });
  // Waited on for one deadline at most: a Redis down at start is retried in
  // the background while calls fail fast, rather than holding the start.
  const connected = client.connect().then(
    () => true,
    () => false,
  );
  await Promise.race([connected, new Promise((r) => setTimeout(r, STORE_DEADLINE_MS).unref())]);
  // throwOnErrors: else the adapter reports a refused write as done.
  return new KeyvRedis(client as never, {
    throwOnConnectError: true,
    throwOnErrors: true,
  }) as unknown as KeyvStoreAdapter;
}

/**
 * Postgres with a pool of its own (not @keyv/postgres's process-wide one)
 * that survives a lost idle connection: pg emits `error` on the pool when the
 * server ends an idle client (a restart, a failover, `pg_terminate_backend`),
 * and with no listener that kills the process. The next query opens a new
 * connection. Connecting and each statement are bounded by the deadline, on
 * the server too, so a statement that timed out is cancelled, not applied later.
 */
export async function postgresAdapter(
  url: string,
  table: string,
  warn: StoreWarning,
): Promise<KeyvStoreAdapter> {
  const [{ KeyvPostgres }, { default: pg }] = await Promise.all([
    import('@keyv/postgres'),
    import('pg'),
  ]);
  // One pool per store, outside the class: KeyvPostgres's constructor calls connect() before fields exist.
  let pool: InstanceType<typeof pg.Pool> | undefined;
  class GuardedPostgres extends KeyvPostgres {
    override async connect() {
      if (pool !== undefined) return run;
      pool = new pg.Pool({
        connectionString: url,
        connectionTimeoutMillis: STORE_DEADLINE_MS,
        statement_timeout: STORE_DEADLINE_MS,
        query_timeout: STORE_DEADLINE_MS + 500,
      });
      pool.on('error', (error: Error & { code?: string }) =>
        warn(`a Postgres connection was lost (${error.code ?? error.name}); reconnecting`),
      );
      return run;
    }
    override async disconnect() {
      await pool?.end();
    }
  }
  const run = async (sql: string, values?: unknown) => {
    if (pool === undefined) throw new Error('the Postgres store is closed');
    return (await pool.query(sql, values as unknown[])).rows;
  };
  return new GuardedPostgres({ uri: url, table }) as unknown as KeyvStoreAdapter;
}
