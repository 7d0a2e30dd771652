import type { Keyv } from 'keyv';

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
}

/** The store failed (connection, disk): the operation may not have happened. */
export class LedgerStoreError extends Error {
  override name = 'LedgerStoreError';
}

/**
 * A {@link LedgerKv} over a keyv 5 instance. Needs an adapter that keyv can
 * iterate (SQLite, Postgres, Redis and Map all can).
 *
 * Create the instance with `throwOnErrors: true`: otherwise keyv reports a
 * failed read as a missing key, and a ledger would look empty while the
 * database is down. A failed `set` is turned into an error here either way.
 *
 * `scan` walks keyv's own iterator and keeps the keys under the prefix, so it
 * costs as much as the whole keyv namespace: keep other data out of the
 * namespace the ledger uses, or give it its own.
 */
export function keyvLedgerKv(keyv: Keyv): LedgerKv {
  if (typeof keyv.iterator !== 'function') {
    throw new TypeError(
      'The ledger needs a keyv store that can be iterated (SQLite, Postgres, Redis or Map).',
    );
  }
  return {
    get: (key) => keyv.get(key),
    async set(key, value) {
      const ok = await keyv.set(key, value);
      if (!ok) throw new LedgerStoreError(`The store did not write ${key}.`);
    },
    delete: (key) => keyv.delete(key),
    async *scan(prefix) {
      const iterate = keyv.iterator;
      if (iterate === undefined)
        throw new LedgerStoreError('The keyv store can no longer be iterated.');
      for await (const [key, value] of iterate(undefined)) {
        if (typeof key === 'string' && key.startsWith(prefix)) yield [key, value];
      }
    },
  };
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
  };
}
