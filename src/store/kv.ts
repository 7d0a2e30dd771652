import type { Keyv } from 'keyv';
import { type ConditionalWrites, memoryConditionalWrites } from './conditional.js';

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

/** What a backend gives {@link keyvKv} beyond keyv's own calls. */
export interface NativeCalls {
  /** A scan of one prefix a page at a time, reading only that prefix. */
  scanPages?: Scanner;
  /** Many keys in one round trip, where keyv's own `setMany` is not that. */
  setMany?: LedgerKv['setMany'];
  /** Compare-and-set across processes, where the backend has it. */
  conditional?: ConditionalWrites;
}

/**
 * A {@link LedgerKv} over a keyv 5 instance that a backend opened, with the
 * backend's native prefix scan and bulk write when it has them. Without a
 * native scan keyv's iterator walks its whole namespace, every user's
 * records: only the memory backend (one process's Map) and tests comparing
 * the two scans use that.
 *
 * The instance is created with `throwOnErrors: true` (see `openKeyv`):
 * otherwise keyv reports a failed read as a missing key, and a ledger would
 * look empty while the database is down. A failed `set` is turned into an
 * error here either way.
 */
export function keyvKv(keyv: Keyv, native: NativeCalls = {}): LedgerKv {
  if (typeof keyv.iterator !== 'function') {
    throw new TypeError(
      'The ledger needs a keyv store that can be iterated (SQLite, Postgres, Redis or Map).',
    );
  }
  const pages = native.scanPages;
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
      if (pages !== undefined) {
        for await (const page of pages(prefix)) yield* page;
        return;
      }
      const iterate = keyv.iterator;
      if (iterate === undefined)
        throw new LedgerStoreError('The keyv store can no longer be iterated.');
      for await (const [key, value] of iterate(undefined)) {
        if (typeof key === 'string' && key.startsWith(prefix)) yield [key, value];
      }
    },
    ...(pages === undefined ? {} : { scanPages: pages }),
    setMany: native.setMany ?? keyvSetMany(keyv),
    ...(native.conditional === undefined ? {} : { conditional: native.conditional }),
  };
}

/** `setMany` through keyv's own (one statement on Postgres, one MULTI on Redis). */
function keyvSetMany(keyv: Keyv): NonNullable<LedgerKv['setMany']> {
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

export type Scanner = (prefix: string) => AsyncIterable<Array<[string, unknown]>>;

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

/** The prefix keyv puts before every key of its namespace. */
export function keyvPrefixOf(keyv: Keyv): string {
  return keyv.useKeyPrefix && keyv.namespace ? `${keyv.namespace}:` : '';
}

/**
 * Decodes a raw stored value exactly as `keyv.get` would (expired reads as
 * absent, undecodable as {@link UNREADABLE}), for the native scans that read
 * rows beneath keyv. keyv's own deserializer is synchronous: then so is this,
 * and a page of rows costs no microtask per record.
 */
export function valueDecoder(keyv: Keyv): (raw: string | null | undefined) => unknown {
  const deserialize = keyv.deserialize;
  if (keyv.compression || deserialize === undefined)
    throw new TypeError('The store scans need keyv without compression or custom serialisation.');
  const unwrap = (data: { value?: unknown; expires?: number | null } | undefined): unknown => {
    if (data === undefined) return undefined;
    if (typeof data.expires === 'number' && data.expires < Date.now()) return undefined;
    return data.value;
  };
  return (raw) => {
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
