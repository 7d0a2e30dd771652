import type { Keyv } from 'keyv';
import { withTimeout } from './deadline.js';

/**
 * Writes that depend on what a key holds, for a record many processes update
 * (a ledger's summary): read it with a token, then write it and other keys
 * together only if no one wrote it since. One statement or script per call,
 * so either every key is written or none is.
 */
export interface ConditionalWrites {
  /** The value under `key` and a token that changes whenever the key is written; `undefined` when absent. */
  getVersioned(key: string): Promise<{ value: unknown; token: string } | undefined>;
  /**
   * Writes `value` under `key` when the key is absent, and with it every one
   * of `others`; true when they were written (nothing is, otherwise).
   */
  createIfAbsent(
    key: string,
    value: unknown,
    others?: ReadonlyArray<[string, unknown]>,
  ): Promise<boolean>;
  /**
   * When `guard` still holds what `token` was read with, writes every entry
   * (the guard's new value among them) and answers the guard's token now (as
   * `getVersioned` would read it); otherwise writes nothing and answers
   * `undefined`. Throws when the store fails.
   */
  setIfUnchanged(
    guard: string,
    token: string,
    entries: ReadonlyArray<[string, unknown]>,
  ): Promise<string | undefined>;
}

interface SqlStore {
  opts: { dialect?: string; table?: string; schema?: string };
  query: (sql: string, ...params: unknown[]) => Promise<Array<Record<string, unknown>>>;
}

interface RedisStore {
  opts?: { dialect?: string };
  namespace?: string;
  keyPrefixSeparator?: string;
  isCluster(): boolean;
  getClient(): Promise<{
    get(key: string): Promise<string | null>;
    set(key: string, value: string, options: { NX: true }): Promise<string | null>;
    eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  }>;
}

/** keyv's stored form of a value (what `keyv.set` writes) and its reading back. */
function codec(keyv: Keyv) {
  const serialize = keyv.serialize;
  const deserialize = keyv.deserialize;
  if (serialize === undefined || deserialize === undefined || keyv.compression) return undefined;
  return {
    encode: async (value: unknown): Promise<string> => serialize({ value }),
    decode: async (raw: string): Promise<unknown> => {
      const data = (await deserialize(raw)) as { value?: unknown } | undefined;
      return data?.value;
    },
  };
}

function parts(keyv: Keyv) {
  const c = codec(keyv);
  if (c === undefined)
    throw new TypeError(
      'Conditional writes need keyv without compression or custom serialisation.',
    );
  // keyv's own key prefix (as `keyvPrefixOf` in kv.ts, which imports this file).
  return { c, prefix: keyv.useKeyPrefix && keyv.namespace ? `${keyv.namespace}:` : '' };
}

/** SQLite's conditional writes on keyv's own connection (behind its deadlines and write queue). */
export function sqliteConditional(keyv: Keyv): ConditionalWrites {
  const { c, prefix } = parts(keyv);
  return sqliteWrites(keyv.store as SqlStore, prefix, c);
}

/** Postgres's conditional writes on keyv's own pool. */
export function postgresConditional(keyv: Keyv): ConditionalWrites {
  const { c, prefix } = parts(keyv);
  return postgresWrites(keyv.store as SqlStore, prefix, c);
}

/**
 * Redis's conditional writes, a Lua script each; none on a cluster, where a
 * script's keys must share a slot (the ledger then reads every entry).
 */
export function redisConditional(keyv: Keyv): ConditionalWrites | undefined {
  const store = keyv.store as RedisStore;
  if (store.isCluster()) return undefined;
  const { c, prefix } = parts(keyv);
  return redisWrites(store, prefix, c);
}

type Codec = NonNullable<ReturnType<typeof codec>>;

async function encodeAll(
  prefix: string,
  c: Codec,
  entries: ReadonlyArray<[string, unknown]>,
): Promise<Array<[string, string]>> {
  return Promise.all(
    entries.map(
      async ([key, value]): Promise<[string, string]> => [`${prefix}${key}`, await c.encode(value)],
    ),
  );
}

/** The guard's token once `rows` (encoded, keys prefixed) are written over it. */
function tokenAfter(rows: ReadonlyArray<[string, string]>, guard: string, token: string): string {
  return rows.find((r) => r[0] === guard)?.[1] ?? token;
}

/**
 * SQLite: one INSERT … SELECT whose WHERE compares the guard's stored text.
 * An INSERT takes the write lock before it reads, so the comparison and the
 * writes are one step for every process on the file.
 */
function sqliteWrites(store: SqlStore, prefix: string, c: Codec): ConditionalWrites {
  const table = store.opts.table as string;
  const query = store.query.bind(store);
  const upsert = `INSERT INTO ${table} (key, value) SELECT json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]') FROM json_each(?) AS j WHERE (SELECT value FROM ${table} WHERE key = ?) IS ? ON CONFLICT(key) DO UPDATE SET value = excluded.value RETURNING key`;
  return {
    async getVersioned(key) {
      const rows = await query(`SELECT value FROM ${table} WHERE key = ?`, `${prefix}${key}`);
      const raw = rows[0]?.value;
      return typeof raw === 'string' ? { value: await c.decode(raw), token: raw } : undefined;
    },
    async createIfAbsent(key, value, others = []) {
      // The same statement, its guard compared with NULL: the key is absent.
      const rows = await encodeAll(prefix, c, [[key, value], ...others]);
      const written = await query(upsert, JSON.stringify(rows), `${prefix}${key}`, null);
      return written.length > 0;
    },
    async setIfUnchanged(guard, token, entries) {
      const rows = await encodeAll(prefix, c, entries);
      const written = await query(upsert, JSON.stringify(rows), `${prefix}${guard}`, token);
      return written.length > 0 ? tokenAfter(rows, `${prefix}${guard}`, token) : undefined;
    },
  };
}

/**
 * Postgres: the guard row locked FOR UPDATE in the statement that writes.
 * A writer that waited for the lock sees the row as the other left it, so
 * its comparison fails and it writes nothing.
 */
function postgresWrites(store: SqlStore, prefix: string, c: Codec): ConditionalWrites {
  const table = `${store.opts.schema ?? 'public'}.${store.opts.table}`;
  const query = (sql: string, params: unknown[]) => store.query(sql, params);
  const upsert = `WITH guard AS (SELECT key FROM ${table} WHERE key = $1 AND value = $2 FOR UPDATE) INSERT INTO ${table} (key, value) SELECT w.k, w.v FROM unnest($3::text[], $4::text[]) AS w(k, v) WHERE EXISTS (SELECT 1 FROM guard) ON CONFLICT (key) DO UPDATE SET value = excluded.value RETURNING key`;
  // The key inserted (a writer that waited for another's insert of it inserts nothing), then the others if it was.
  const create = `WITH made AS (INSERT INTO ${table} (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key), others AS (INSERT INTO ${table} (key, value) SELECT w.k, w.v FROM unnest($3::text[], $4::text[]) AS w(k, v) WHERE EXISTS (SELECT 1 FROM made) ON CONFLICT (key) DO UPDATE SET value = excluded.value) SELECT key FROM made`;
  return {
    async getVersioned(key) {
      const rows = await query(`SELECT value FROM ${table} WHERE key = $1`, [`${prefix}${key}`]);
      const raw = rows[0]?.value;
      return typeof raw === 'string' ? { value: await c.decode(raw), token: raw } : undefined;
    },
    async createIfAbsent(key, value, others = []) {
      const rows = await encodeAll(prefix, c, others);
      const made = await query(create, [
        `${prefix}${key}`,
        await c.encode(value),
        rows.map((r) => r[0]),
        rows.map((r) => r[1]),
      ]);
      return made.length > 0;
    },
    async setIfUnchanged(guard, token, entries) {
      const rows = await encodeAll(prefix, c, entries);
      const written = await query(upsert, [
        `${prefix}${guard}`,
        token,
        rows.map((r) => r[0]),
        rows.map((r) => r[1]),
      ]);
      return written.length > 0 ? tokenAfter(rows, `${prefix}${guard}`, token) : undefined;
    },
  };
}

// KEYS[1] the guard, ARGV[1] its token; then KEYS[i] takes ARGV[i].
const REDIS_SET_IF_UNCHANGED = `if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
for i = 2, #KEYS do redis.call('SET', KEYS[i], ARGV[i]) end
return 1`;

// KEYS[1] the key to create; then KEYS[i] takes ARGV[i], KEYS[1] included.
const REDIS_CREATE_IF_ABSENT = `if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
for i = 1, #KEYS do redis.call('SET', KEYS[i], ARGV[i]) end
return 1`;

/** Redis: a Lua script, which Redis runs with nothing else in between. */
function redisWrites(store: RedisStore, keyvPrefix: string, c: Codec): ConditionalWrites {
  const adapterPrefix = store.namespace
    ? `${store.namespace}${store.keyPrefixSeparator ?? '::'}`
    : '';
  const prefix = `${adapterPrefix}${keyvPrefix}`;
  return {
    async getVersioned(key) {
      const client = await store.getClient();
      const raw = await withTimeout(client.get(`${prefix}${key}`), 'get');
      return typeof raw === 'string' ? { value: await c.decode(raw), token: raw } : undefined;
    },
    async createIfAbsent(key, value, others = []) {
      const client = await store.getClient();
      if (others.length === 0) {
        const encoded = await c.encode(value);
        return (
          (await withTimeout(client.set(`${prefix}${key}`, encoded, { NX: true }), 'set')) !== null
        );
      }
      const rows = await encodeAll(prefix, c, [[key, value], ...others]);
      const answer = await withTimeout(
        client.eval(REDIS_CREATE_IF_ABSENT, {
          keys: rows.map((r) => r[0]),
          arguments: rows.map((r) => r[1]),
        }),
        'eval',
        undefined,
        true,
      );
      return answer === 1;
    },
    async setIfUnchanged(guard, token, entries) {
      const client = await store.getClient();
      const rows = await encodeAll(prefix, c, entries);
      const answer = await withTimeout(
        client.eval(REDIS_SET_IF_UNCHANGED, {
          keys: [`${prefix}${guard}`, ...rows.map((r) => r[0])],
          arguments: [token, ...rows.map((r) => r[1])],
        }),
        'eval',
        undefined,
        true,
      );
      return answer === 1 ? tokenAfter(rows, `${prefix}${guard}`, token) : undefined;
    },
  };
}

/** Conditional writes over a map in this process (tests, running without a store). */
export function memoryConditionalWrites(map: Map<string, unknown>): ConditionalWrites {
  return {
    async getVersioned(key) {
      if (!map.has(key)) return undefined;
      const value = structuredClone(map.get(key));
      return { value, token: JSON.stringify(value) };
    },
    async createIfAbsent(key, value, others = []) {
      if (map.has(key)) return false;
      map.set(key, structuredClone(value));
      for (const [k, v] of others) map.set(k, structuredClone(v));
      return true;
    },
    async setIfUnchanged(guard, token, entries) {
      if (!map.has(guard) || JSON.stringify(map.get(guard)) !== token) return undefined;
      for (const [key, value] of entries) map.set(key, structuredClone(value));
      return JSON.stringify(map.get(guard));
    },
  };
}
