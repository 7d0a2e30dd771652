import type { Keyv } from 'keyv';
import { type Claim, type DigestClaims, KEEP_LEASE_KEY_MS } from '../claims.js';
import { StoreUnavailableError } from '../errors.js';
import { keyvPrefixOf, type Scanner, type ScanPages, valueDecoder } from '../kv.js';

/** What SQLite and Postgres share: keyv's table, and a way to run SQL on its connection. */
export interface SqlTable {
  dialect: 'sqlite' | 'postgres';
  /** keyv's table as the SQL names it: `public.<name>` on Postgres. */
  table: string;
  /** Its bare name, for the names of the tables and indexes made beside it. */
  name: string;
  /** Qualifies a table made beside keyv's. */
  qualify(name: string): string;
  /** Runs `sql`, parameters written `$1, $2, …` in the order they appear. */
  run(sql: string, params: unknown[]): Promise<unknown[]>;
}

type Query = (sql: string, ...params: unknown[]) => Promise<unknown[]>;

/** The {@link SqlTable} of a SQL adapter of keyv (`query` and `opts.table`, `opts.schema`). */
export function sqlTable(adapter: unknown, dialect: SqlTable['dialect']): SqlTable {
  const store = adapter as { query: Query; opts: { table?: string; schema?: string } };
  // Looked up at each call, not bound once: whatever wraps the adapter's query later is used.
  const query: Query = (sql, ...params) => store.query(sql, ...params);
  const name = store.opts.table ?? 'keyv';
  const schema = store.opts.schema ?? 'public';
  const qualify = (bare: string) => (dialect === 'postgres' ? `${schema}.${bare}` : bare);
  return {
    dialect,
    table: qualify(name),
    name,
    qualify,
    // Postgres takes the parameters as one array; the SQLite adapter as
    // arguments, bound to `?` by position (so `$n` must appear in order).
    run: (sql, params) =>
      dialect === 'postgres' ? query(sql, params) : query(sql.replace(/\$\d+/g, '?'), ...params),
  };
}

type RawRow = { key: string; value: string | null };

/**
 * The keys under one prefix, a page at a time: a key range in key order,
 * keyset-paginated, so that a scan reads only the prefix asked for and
 * memory holds one page whatever the prefix holds. Keys and values come back
 * exactly as `keyv.get` sees them.
 */
export function sqlScanner(keyv: Keyv, sql: SqlTable, pages: ScanPages): Scanner {
  const { table, dialect } = sql;
  const keyvPrefix = keyvPrefixOf(keyv);
  const decode = valueDecoder(keyv);
  const { firstPage, page } = pages;
  // Postgres compares in byte order under "C" whatever the database's
  // collation, so the range, the order and the keyset agree; an index on
  // that expression (made once, below) lets each page be a range read.
  const c = dialect === 'postgres' ? ' COLLATE "C"' : '';
  const select = (from: 'first' | 'after') =>
    `SELECT key, value FROM ${table} WHERE key${c} ${from === 'first' ? '>=' : '>'} $1 AND key${c} < $2 ORDER BY key${c} LIMIT $3`;
  const run = (text: string, params: unknown[]) => sql.run(text, params) as Promise<RawRow[]>;
  let indexed: Promise<void> | undefined;
  const ensureIndex = () => {
    if (dialect !== 'postgres') return Promise.resolve();
    indexed ??= run(
      `CREATE INDEX IF NOT EXISTS ${sql.name}_key_c ON ${table} (key COLLATE "C")`,
      [],
    ).then(
      () => undefined,
      // Another process creating it at the same moment, or no right to: reads still work,
      // slower. A store that could not be reached is asked again on a later scan.
      (error: unknown) => {
        if (error instanceof StoreUnavailableError) indexed = undefined;
      },
    );
    return indexed;
  };
  return async function* scanSql(prefix) {
    // Not waited on: the index only speeds scans up, and a slow store must cost one deadline, not two.
    void ensureIndex();
    const full = `${keyvPrefix}${prefix}`;
    // The keys that start with `full` are exactly the range [full, upper):
    // the prefix's last character bumped by one bounds it from above.
    const upper = `${full.slice(0, -1)}${String.fromCharCode(full.charCodeAt(full.length - 1) + 1)}`;
    // The first page is large enough for a whole ledger in one round trip.
    let rows = await run(select('first'), [full, upper, firstPage]);
    let limit = firstPage;
    for (;;) {
      const records: Array<[string, unknown]> = [];
      for (const row of rows) {
        if (!row.key.startsWith(full)) continue;
        let value = decode(row.value);
        if (value instanceof Promise) value = await value;
        if (value !== undefined) records.push([row.key.slice(keyvPrefix.length), value]);
      }
      if (records.length > 0) yield records;
      const last = rows.at(-1);
      if (rows.length < limit || last === undefined) return;
      limit = page;
      rows = await run(select('after'), [last.key, upper, page]);
    }
  };
}

/**
 * Claims in a table of their own beside keyv's: `INSERT … ON CONFLICT DO
 * UPDATE … WHERE expired`, which either inserts, takes over an expired
 * lease, or changes nothing.
 */
export function sqlClaims(sql: SqlTable, namespace: string, clock: () => number): DigestClaims {
  const table = sql.qualify(`${sql.name}_digest_claims`);
  const { run } = sql;
  const ensure = claimsTable(sql, table);
  const full = (key: string) => `${namespace}:${key}`;
  return {
    async claim(key, leaseMs): Promise<Claim> {
      await ensure();
      const now = clock();
      const rows = await run(
        `INSERT INTO ${table} (key, state, expires, taken) VALUES ($1, 'lease', $2, 0)
           ON CONFLICT (key) DO UPDATE SET state = 'lease', expires = excluded.expires, taken = 1
           WHERE ${table}.state = 'lease' AND ${table}.expires < $3
           RETURNING taken`,
        [full(key), now + leaseMs, now],
      );
      if (!Array.isArray(rows) || rows.length !== 1) return false;
      return Number((rows[0] as { taken: unknown }).taken) === 1 ? 'takeover' : 'new';
    },
    async finish(key, state, keepMs) {
      await ensure();
      // Parameters in the order they appear: SQLite binds the `?`s by position.
      await run(`UPDATE ${table} SET state = $1, expires = $2 WHERE key = $3`, [
        state,
        clock() + keepMs,
        full(key),
      ]);
    },
    async release(key) {
      await ensure();
      await run(`DELETE FROM ${table} WHERE key = $1 AND state = 'lease'`, [full(key)]);
    },
    async sweep() {
      await ensure();
      const now = clock();
      // A dead holder's lease is kept a week, as in Redis, so that whoever
      // takes it over still knows to look in the DM before sending.
      const rows = await run(
        `DELETE FROM ${table} WHERE expires < $1 AND (state <> 'lease' OR expires < $2) RETURNING key`,
        [now, now - KEEP_LEASE_KEY_MS],
      );
      return Array.isArray(rows) ? rows.length : 0;
    },
  };
}

/** Makes the claims table (and its index) once; asked again after a failure. */
function claimsTable(sql: SqlTable, table: string): () => Promise<void> {
  let ready: Promise<void> | undefined;
  return () => {
    ready ??= (async () => {
      const create = `CREATE TABLE IF NOT EXISTS ${table} (key TEXT PRIMARY KEY, state TEXT NOT NULL, expires BIGINT NOT NULL, taken INTEGER NOT NULL DEFAULT 0)`;
      // For the sweep: expired rows are found by the index, not a table scan.
      const index = `CREATE INDEX IF NOT EXISTS ${sql.name}_digest_claims_expires ON ${table} (expires)`;
      for (const statement of [create, index]) {
        try {
          await sql.run(statement, []);
        } catch {
          // Two processes creating it at once: Postgres may refuse one; it exists now.
          await sql.run(statement, []);
        }
      }
    })();
    ready.catch(() => {
      ready = undefined;
    });
    return ready;
  };
}
