import type { Keyv } from 'keyv';
import { withTimeout } from '../store/deadline.js';
import { StoreUnavailableError } from '../store/errors.js';
import {
  type ConditionalWrites,
  keyvConditionalWrites,
  memoryConditionalWrites,
} from './kv-conditional.js';

/**
 * The little the ledger needs from a key-value store. Every write is one key,
 * and each backend writes one key atomically (an SQL upsert, a Redis SET), so
 * a record is either there whole or not at all.
 */
export interface LedgerKv {
  get(key: string): Promise<unknown>;
  /** Writes `value` (a JSON-safe object) under `key`. Throws when the store fails. */
  set(key: string, value: unknown): Promise<void>;
  /** Removes `key`; true when it existed. */
  delete(key: string): Promise<boolean>;
  /**
   * Every `[key, value]` whose key starts with `prefix`, in no given order. A
   * key written while this runs may or may not be seen, and may be seen twice.
   */
  scan(prefix: string): AsyncIterable<[string, unknown]>;
  /**
   * The same as {@link scan}, a page of records at a time (a query's rows, a
   * SCAN batch): for readers that take every record of a prefix, such as a
   * ledger snapshot, one await per page instead of one per record.
   */
  scanPages?(prefix: string): AsyncIterable<ReadonlyArray<[string, unknown]>>;
  /**
   * Writes many keys in one round trip (one SQL statement, one Redis
   * transaction): for bulk writers such as an import, where one write (and,
   * on SQLite, one disk sync) per key is what costs. Each key is still
   * written whole. Throws when the store fails.
   */
  setMany?(entries: ReadonlyArray<[string, unknown]>): Promise<void>;
  /**
   * Compare-and-set across processes (see {@link ConditionalWrites}), where
   * the backend has it: the ledger keeps its summary with it, and without it
   * reads every entry instead.
   */
  conditional?: ConditionalWrites;
}

/** Every record under `prefix` a page at a time, from `scanPages` when the kv has it. */
export async function* pagesOf(
  kv: LedgerKv,
  prefix: string,
): AsyncIterable<ReadonlyArray<[string, unknown]>> {
  if (kv.scanPages !== undefined) {
    yield* kv.scanPages(prefix);
    return;
  }
  for await (const record of kv.scan(prefix)) yield [record];
}

/**
 * What a scan or a get gives for a value that cannot be decoded (torn, not
 * JSON): the key is still listed, so the record can be skipped with a warning,
 * reported, and deleted, and never stops the scan it is in.
 */
export class UnreadableValue {
  readonly unreadable = true;
}
export const UNREADABLE = Object.freeze(new UnreadableValue());

/** The store failed (connection, disk): the operation may not have happened. */
export class LedgerStoreError extends Error {
  override name = 'LedgerStoreError';
}

export interface KeyvLedgerKvOptions {
  /**
   * How `scan` lists keys. `auto` (the default) asks the SQLite, Postgres or
   * Redis adapter for the prefix directly when it can tell which one it is
   * (see {@link nativeScanner}), else walks keyv's iterator; `iterator`
   * always walks keyv's iterator.
   */
  scan?: 'auto' | 'iterator';
  /** Page sizes of the SQL scans (tests use small ones). */
  pages?: ScanPages;
}

/**
 * A {@link LedgerKv} over a keyv 5 instance. Needs an adapter that keyv can
 * iterate (SQLite, Postgres, Redis and Map all can).
 *
 * Create the instance with `throwOnErrors: true`: otherwise keyv reports a
 * failed read as a missing key, and a ledger would look empty while the
 * database is down. A failed `set` is turned into an error here either way.
 *
 * keyv's iterator walks its whole namespace, every user's records, a few rows
 * a query; the native scans read only the prefix asked for, a page at a time
 * (SQLite and Postgres: a key range in key order, keyset-paginated; Redis:
 * SCAN MATCH with a large COUNT and one MGET per batch, yielded as it comes).
 */
export function keyvLedgerKv(keyv: Keyv, options: KeyvLedgerKvOptions = {}): LedgerKv {
  if (typeof keyv.iterator !== 'function') {
    throw new TypeError(
      'The ledger needs a keyv store that can be iterated (SQLite, Postgres, Redis or Map).',
    );
  }
  const native = options.scan === 'iterator' ? undefined : nativeScanner(keyv, options.pages);
  return {
    async get(key) {
      try {
        return await keyv.get(key);
      } catch (error) {
        // keyv decodes after the adapter answers: a SyntaxError is the value, not the store.
        if (error instanceof SyntaxError) return UNREADABLE;
        throw error;
      }
    },
    async set(key, value) {
      const ok = await keyv.set(key, value);
      if (!ok) throw new LedgerStoreError(`The store did not write ${key}.`);
    },
    delete: (key) => keyv.delete(key),
    async *scan(prefix) {
      if (native !== undefined) {
        for await (const page of native(prefix)) yield* page;
        return;
      }
      const iterate = keyv.iterator;
      if (iterate === undefined)
        throw new LedgerStoreError('The keyv store can no longer be iterated.');
      for await (const [key, value] of iterate(undefined)) {
        if (typeof key === 'string' && key.startsWith(prefix)) yield [key, value];
      }
    },
    ...(native === undefined ? {} : { scanPages: native }),
    setMany: bulkWriter(keyv),
    ...conditionalOf(keyv),
  };
}

// Whatever the scan: every writer of a ledger must keep its summary.
function conditionalOf(keyv: Keyv): Pick<LedgerKv, 'conditional'> {
  const conditional = keyvConditionalWrites(keyv);
  return conditional === undefined ? {} : { conditional };
}

/**
 * `setMany` over keyv. keyv's own sends one statement to Postgres and one
 * MULTI to Redis, but writes keys one by one to SQLite, each its own
 * transaction and disk sync; there, one upsert of all the rows is used
 * instead, with keyv's key prefix and serialisation.
 */
function bulkWriter(keyv: Keyv): NonNullable<LedgerKv['setMany']> {
  const store = keyv.store as Partial<SqlAdapter> | undefined;
  const table = store?.opts?.table;
  if (
    store?.opts?.dialect === 'sqlite' &&
    typeof store.query === 'function' &&
    table &&
    !keyv.compression &&
    typeof keyv.serialize === 'function'
  ) {
    const query = store.query.bind(store);
    const serialize = keyv.serialize;
    const keyvPrefix = keyv.useKeyPrefix && keyv.namespace ? `${keyv.namespace}:` : '';
    // `WHERE true` lets SQLite tell the upsert's ON CONFLICT from a join.
    const upsert = `INSERT INTO ${table} (key, value) SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?) WHERE true ON CONFLICT(key) DO UPDATE SET value = excluded.value`;
    return async (entries) => {
      if (entries.length === 0) return;
      const rows = await Promise.all(
        entries.map(async ([key, value]) => [`${keyvPrefix}${key}`, await serialize({ value })]),
      );
      await query(upsert, JSON.stringify(rows));
    };
  }
  return async (entries) => {
    if (entries.length === 0) return;
    // Adapters with a setMany of their own answer nothing and throw on failure;
    // keyv's fallback, and keyv without throwOnErrors, answer a boolean per key.
    const written: boolean[] | undefined = await keyv.setMany(
      entries.map(([key, value]) => ({ key, value })),
    );
    const failed = written === undefined ? [] : entries.filter((_, i) => written[i] !== true);
    if (failed.length > 0)
      throw new LedgerStoreError(
        `The store did not write ${failed.length} of ${entries.length} keys.`,
      );
  };
}

type Scanner = (prefix: string) => AsyncIterable<Array<[string, unknown]>>;

/**
 * Rows per query of an SQL scan: the first page holds a typical ledger whole
 * (one round trip for a snapshot); later pages keep a long scan (the digest
 * roster, every user) to one page in memory at a time.
 */
export interface ScanPages {
  firstPage: number;
  page: number;
}

export const DEFAULT_SCAN_PAGES: ScanPages = { firstPage: 2000, page: 1000 };
type RawRow = { key: string; value: string | null };

interface SqlAdapter {
  opts: { dialect?: string; table?: string; schema?: string };
  query: (sql: string, ...params: unknown[]) => Promise<RawRow[]>;
}

interface RedisAdapter {
  opts?: { dialect?: string };
  namespace?: string;
  keyPrefixSeparator?: string;
  isCluster(): boolean;
  getClient(): Promise<{
    scan(
      cursor: string,
      options: { MATCH: string; COUNT: number },
    ): Promise<{ cursor: string | number; keys: string[] }>;
    mGet(keys: string[]): Promise<(string | null)[]>;
  }>;
}

/**
 * A scan that asks the adapter under `keyv` for one prefix, or `undefined`
 * when the adapter is not one it knows for certain (another adapter, a Redis
 * cluster, compression, custom serialisation): the caller then uses keyv's
 * iterator. Keys and values come back exactly as `keyv.get` sees them.
 */
export function nativeScanner(
  keyv: Keyv,
  pages: ScanPages = DEFAULT_SCAN_PAGES,
): Scanner | undefined {
  const store = keyv.store as Partial<SqlAdapter & RedisAdapter> | undefined;
  const deserialize = keyv.deserialize;
  if (store === undefined || store instanceof Map || keyv.compression || deserialize === undefined)
    return undefined;
  const keyvPrefix = keyv.useKeyPrefix && keyv.namespace ? `${keyv.namespace}:` : '';
  // keyv's own deserializer is synchronous: then so is this, and a page of
  // rows costs no microtask per record.
  const unwrap = (data: { value?: unknown; expires?: number | null } | undefined): unknown => {
    if (data === undefined) return undefined;
    if (typeof data.expires === 'number' && data.expires < Date.now()) return undefined;
    return data.value;
  };
  const decode = (raw: string | null | undefined): unknown => {
    if (typeof raw !== 'string') return undefined;
    let read: unknown;
    try {
      read = deserialize(raw) as unknown;
    } catch {
      return UNREADABLE;
    }
    return read instanceof Promise
      ? read.then(unwrap, () => UNREADABLE)
      : unwrap(read as Parameters<typeof unwrap>[0]);
  };
  const dialect = store.opts?.dialect;

  if (
    (dialect === 'sqlite' || dialect === 'postgres') &&
    typeof store.query === 'function' &&
    store.opts?.table
  ) {
    const query = store.query.bind(store);
    const table =
      dialect === 'postgres'
        ? `${store.opts.schema ?? 'public'}.${store.opts.table}`
        : store.opts.table;
    const { firstPage, page } = pages;
    // Postgres compares in byte order under "C" whatever the database's
    // collation, so the range, the order and the keyset agree; an index on
    // that expression (made once, below) lets each page be a range read.
    const c = dialect === 'postgres' ? ' COLLATE "C"' : '';
    const sql = (from: 'first' | 'after') =>
      dialect === 'sqlite'
        ? `SELECT key, value FROM ${table} WHERE key ${from === 'first' ? '>=' : '>'} ? AND key < ? ORDER BY key LIMIT ?`
        : `SELECT key, value FROM ${table} WHERE key${c} ${from === 'first' ? '>=' : '>'} $1 AND key${c} < $2 ORDER BY key${c} LIMIT $3`;
    const run = (text: string, params: unknown[]) =>
      dialect === 'sqlite' ? query(text, ...params) : query(text, params);
    let indexed: Promise<void> | undefined;
    const ensureIndex = () => {
      if (dialect !== 'postgres') return Promise.resolve();
      indexed ??= run(
        `CREATE INDEX IF NOT EXISTS ${store.opts?.table}_key_c ON ${table} (key COLLATE "C")`,
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
      // Keyset pagination: each page starts after the last key of the one
      // before, so memory holds one page whatever the prefix holds. The first
      // page is large enough for a whole ledger in one round trip.
      let rows = await run(sql('first'), [full, upper, firstPage]);
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
        rows = await run(sql('after'), [last.key, upper, page]);
      }
    };
  }

  if (
    dialect === 'redis' &&
    typeof store.getClient === 'function' &&
    typeof store.isCluster === 'function' &&
    !store.isCluster()
  ) {
    const adapter = store as RedisAdapter;
    const adapterPrefix = adapter.namespace
      ? `${adapter.namespace}${adapter.keyPrefixSeparator ?? '::'}`
      : '';
    return async function* scanRedis(prefix) {
      const full = `${adapterPrefix}${keyvPrefix}${prefix}`;
      const pattern = `${full.replace(/[*?[\]\\]/g, '\\$&')}*`;
      const client = await adapter.getClient();
      let cursor = '0';
      do {
        // The raw client, not the adapter: the deadline (and the typed error) go on here.
        const result = await withTimeout(
          client.scan(cursor, { MATCH: pattern, COUNT: 1000 }),
          'scan',
        );
        cursor = String(result.cursor);
        const keys = result.keys.filter((k) => k.startsWith(full));
        if (keys.length === 0) continue;
        const values = await withTimeout(client.mGet(keys), 'mGet');
        const records: Array<[string, unknown]> = [];
        for (const [i, key] of keys.entries()) {
          let value = decode(values[i]);
          if (value instanceof Promise) value = await value;
          if (value !== undefined)
            records.push([key.slice(adapterPrefix.length + keyvPrefix.length), value]);
        }
        if (records.length > 0) yield records;
      } while (cursor !== '0');
    };
  }
  return undefined;
}

/** A {@link LedgerKv} in memory, for tests and for running without a store. */
export function memoryLedgerKv(map = new Map<string, unknown>()): LedgerKv {
  return {
    get: async (key) => structuredClone(map.get(key)),
    async set(key, value) {
      map.set(key, structuredClone(value));
    },
    delete: async (key) => map.delete(key),
    async *scan(prefix) {
      for (const [key, value] of [...map]) {
        if (key.startsWith(prefix)) yield [key, structuredClone(value)];
      }
    },
    async *scanPages(prefix) {
      const page: Array<[string, unknown]> = [];
      for (const [key, value] of map) {
        if (key.startsWith(prefix)) page.push([key, structuredClone(value)]);
      }
      if (page.length > 0) yield page;
    },
    conditional: memoryConditionalWrites(map),
  };
}
