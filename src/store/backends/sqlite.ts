import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Keyv, KeyvStoreAdapter } from 'keyv';
import { type BackendOptions, openKeyv, type StoreBackend } from '../backend.js';
import { sqliteConditional } from '../conditional.js';
import { keyvKv, keyvPrefixOf, type LedgerKv } from '../kv.js';
import { sqlClaims, sqlScanner, sqlTable } from './sql.js';

/**
 * SQLite, a file on this machine (`sqlite://<file>`; its folder is made if
 * needed). Prefix scans and claims in SQL on keyv's own connection.
 */
export const sqlite: StoreBackend = {
  name: 'sqlite',
  schemes: ['sqlite:'],
  place: '<file>',
  async open(options: BackendOptions) {
    const file = resolve(options.url.slice('sqlite://'.length));
    mkdirSync(dirname(file), { recursive: true });
    const keyv = openKeyv(await sqliteAdapter(file, options.table, options.deadlineMs), options);
    // keyv.store: the adapter behind its deadlines.
    const sql = sqlTable(keyv.store, 'sqlite');
    return {
      keyv,
      kv: keyvKv(keyv, {
        scanPages: sqlScanner(keyv, sql, options.scanPages),
        setMany: bulkWriter(keyv, sql.table, sql.run),
        conditional: sqliteConditional(keyv),
      }),
      claims: (clock) => sqlClaims(sql, keyv.namespace ?? 'keyv', clock),
    };
  },
};

/**
 * `setMany` in one statement. keyv's own writes keys one by one to SQLite,
 * each its own transaction and disk sync; this is one upsert of all the
 * rows, with keyv's key prefix and serialisation.
 */
function bulkWriter(
  keyv: Keyv,
  table: string,
  run: (sql: string, params: unknown[]) => Promise<unknown>,
): NonNullable<LedgerKv['setMany']> {
  const serialize = keyv.serialize;
  if (keyv.compression || serialize === undefined)
    throw new TypeError('The SQLite store needs keyv without compression or custom serialisation.');
  const keyvPrefix = keyvPrefixOf(keyv);
  // `WHERE true` lets SQLite tell the upsert's ON CONFLICT from a join.
  const upsert = `INSERT INTO ${table} (key, value) SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each($1) WHERE true ON CONFLICT(key) DO UPDATE SET value = excluded.value`;
  return async (entries) => {
    if (entries.length === 0) return;
    const rows = await Promise.all(
      entries.map(async ([key, value]) => [`${keyvPrefix}${key}`, await serialize({ value })]),
    );
    await run(upsert, [JSON.stringify(rows)]);
  };
}

/** SQLite's own wait for a lock; see {@link sqliteAdapter}. */
export const SQLITE_BUSY_TIMEOUT_MS = 50;

type Query = (sql: string, ...params: unknown[]) => Promise<unknown>;

/**
 * SQLite in WAL mode (readers never wait for a writer) with a short busy
 * timeout, retried off the event loop: sqlite3 waits for a lock on a worker
 * thread but finalises statements on the main one, so a long busy timeout
 * freezes every user's request while another process holds the file. Here a
 * lock costs the main thread at most {@link SQLITE_BUSY_TIMEOUT_MS} at a time,
 * and the call is tried again until its deadline. Writes go one at a time
 * (see {@link oneWriteAtATime}).
 */
async function sqliteAdapter(
  file: string,
  table: string,
  deadlineMs: number,
): Promise<KeyvStoreAdapter> {
  const { KeyvSqlite } = await import('@keyv/sqlite');
  const adapter = new KeyvSqlite({
    uri: `sqlite://${file}`,
    table,
    busyTimeout: SQLITE_BUSY_TIMEOUT_MS,
  });
  const query = adapter.query.bind(adapter) as Query;
  adapter.query = oneWriteAtATime(query, deadlineMs) as typeof adapter.query;
  // Once per file (it persists); another process holding the file can make it wait: then later.
  await adapter.query('PRAGMA journal_mode=WAL').catch(() => {});
  // Per connection. In WAL mode NORMAL syncs at checkpoints, not at every commit: a write
  // survives the process dying (not the machine losing power), for a fraction of the cost.
  await adapter.query('PRAGMA synchronous=NORMAL').catch(() => {});
  return adapter as unknown as KeyvStoreAdapter;
}

/**
 * Reads as they come; writes one after another on the connection, each tried
 * again on SQLITE_BUSY until just before its deadline. Side by side, writes
 * that met another process's lock were lost without an error: with two
 * processes each firing 100 sends at once, one kept under 10 of its 100, all
 * reported written (sqlite3 runs a connection's statements in parallel).
 * A write's deadline runs from its call, its wait in line included, so one
 * that is given up on is never written afterwards: the caller hears
 * SQLITE_BUSY (nothing written), not a timeout.
 */
function oneWriteAtATime(query: Query, deadlineMs: number): Query {
  const attempt = async (sql: string, params: unknown[], until: number) => {
    for (;;) {
      try {
        return await query(sql, ...params);
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > until) throw error;
        // Each try can hold the main thread for the busy timeout: wait longer than that between tries.
        await new Promise((resolve) =>
          setTimeout(resolve, SQLITE_BUSY_TIMEOUT_MS + Math.random() * 50),
        );
      }
    }
  };
  let writes: Promise<unknown> = Promise.resolve();
  return (sql, ...params) => {
    const until = Date.now() + Math.max(deadlineMs - 250, 0);
    if (/^\s*SELECT\b/i.test(sql)) return attempt(sql, params, until);
    const write = writes.then(() => {
      if (Date.now() > until)
        throw Object.assign(new Error('SQLITE_BUSY: gave up'), { code: 'SQLITE_BUSY' });
      return attempt(sql, params, until);
    });
    writes = write.catch(() => {});
    return write;
  };
}
