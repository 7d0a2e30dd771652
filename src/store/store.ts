import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Keyv, { type KeyvStoreAdapter } from 'keyv';
import {
  postgresAdapter,
  redisAdapter,
  type StoreWarning,
  sqliteAdapter,
  withDeadlines,
} from './adapters.js';
import { withTimeout } from './deadline.js';
import { StoreError, StoreUnavailableError } from './errors.js';
import type { RecordType } from './records.js';
import { type Scope, scopedKey } from './scope.js';

export interface StoreOptions {
  /** `sqlite://<file>`, `redis://…`, `rediss://…`, `postgres://…`, `postgresql://…`. */
  url: string;
  /** Prefix of every key; tests use a unique one per run. */
  namespace?: string;
  /** Table for SQL stores (SQLite, Postgres). */
  table?: string;
}

export { StoreError, StoreUnavailableError };

/** Reports a record that failed validation (ids only, never content). */
export type InvalidRecordHandler = (key: string, issues: string) => void;

/**
 * Per-user records over keyv. Every read is validated with the record type's
 * zod schema; every key comes from `scopedKey`, so callers cannot address
 * another user's data by accident.
 */
export class Store {
  readonly #keyv: Keyv;
  readonly #onInvalid: InvalidRecordHandler;
  /** How it was opened, when by {@link createStore}: another thread can open the same one. */
  readonly options: StoreOptions | undefined;

  constructor(keyv: Keyv, onInvalid: InvalidRecordHandler = () => {}, options?: StoreOptions) {
    this.#keyv = keyv;
    this.#onInvalid = onInvalid;
    this.options = options;
  }

  async get<T>(scope: Scope, type: RecordType<T>): Promise<T | undefined> {
    const key = scopedKey(scope, type.kind);
    let raw: unknown;
    try {
      raw = await this.#keyv.get(key);
    } catch (cause) {
      if (cause instanceof StoreUnavailableError) throw cause;
      throw new StoreError(`could not read ${type.kind}`, { cause });
    }
    if (raw === undefined) return undefined;
    const parsed = type.schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    this.#onInvalid(key, parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', '));
    return undefined;
  }

  /** Validates before writing, so nothing malformed is ever stored. `ttlMs` for records that expire. */
  async set<T>(scope: Scope, type: RecordType<T>, value: T, ttlMs?: number): Promise<void> {
    const key = scopedKey(scope, type.kind);
    const checked = type.schema.parse(value);
    try {
      await this.#keyv.set(key, checked, ttlMs);
    } catch (cause) {
      if (cause instanceof StoreUnavailableError) throw cause;
      throw new StoreError(`could not write ${type.kind}`, { cause });
    }
  }

  async delete(scope: Scope, type: RecordType<unknown>): Promise<boolean> {
    return this.#keyv.delete(scopedKey(scope, type.kind));
  }

  /**
   * Resolves when the store answers a read within the deadline; throws
   * {@link StoreUnavailableError} when it cannot be reached or does not answer.
   */
  async ping(): Promise<void> {
    await this.#keyv.get('health/ping');
  }

  /** The raw keyv instance, for tests and migrations. */
  get keyv(): Keyv {
    return this.#keyv;
  }

  /** Closes the connection, or gives up after the deadline: a hung store cannot hold a shutdown. */
  async close(): Promise<void> {
    await withTimeout(this.#keyv.disconnect(), 'close').catch((error: unknown) => {
      if (!(error instanceof StoreUnavailableError)) throw error;
    });
  }
}

/** Which backend a URL selects, without connecting. */
export function storeKind(url: string): 'sqlite' | 'redis' | 'postgres' {
  if (url.startsWith('sqlite://')) return 'sqlite';
  if (/^rediss?:\/\//.test(url)) return 'redis';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres';
  throw new StoreError(
    'STORE_URL must start with sqlite://, redis://, rediss://, postgres:// or postgresql://',
  );
}

/**
 * Opens the store a URL names. Drivers are imported lazily so a SQLite user
 * never loads the Redis or Postgres clients. The SQLite file's folder is
 * created if needed. It does not wait for the store: one that is down at start
 * makes each call fail within its deadline with {@link StoreUnavailableError}
 * until it is back (see `ping`); `onWarning` hears of lost connections.
 */
export async function createStore(
  options: StoreOptions,
  onInvalid?: InvalidRecordHandler,
  onWarning: StoreWarning = () => {},
): Promise<Store> {
  const namespace = options.namespace ?? 'invite-coach';
  const table = options.table ?? 'invite_coach';
  let adapter: KeyvStoreAdapter;
  switch (storeKind(options.url)) {
    case 'sqlite': {
      const file = resolve(options.url.slice('sqlite://'.length));
      mkdirSync(dirname(file), { recursive: true });
      adapter = await sqliteAdapter(file, table);
      break;
    }
    case 'redis':
      adapter = await redisAdapter(options.url, onWarning);
      break;
    case 'postgres':
      adapter = await postgresAdapter(options.url, table, onWarning);
      break;
  }
  const keyv = new Keyv({ store: withDeadlines(adapter), namespace, throwOnErrors: true });
  // Connection errors surface on the first read or write as a StoreError;
  // keyv also emits them, and an unhandled 'error' event would kill the process.
  keyv.on('error', () => {});
  return new Store(keyv, onInvalid, { url: options.url, namespace, table });
}
