import type Keyv from 'keyv';
import type { OpenBackend, StoreWarning } from './backend.js';
import { backendFor } from './backends/index.js';
import { openMemory } from './backends/memory.js';
import type { DigestClaims } from './claims.js';
import { STORE_DEADLINE_MS, withTimeout } from './deadline.js';
import { StoreError, StoreUnavailableError } from './errors.js';
import { DEFAULT_SCAN_PAGES, type LedgerKv, type ScanPages } from './kv.js';
import type { RecordType } from './records.js';
import { type Scope, scopedKey } from './scope.js';

export interface StoreOptions {
  /** `sqlite://<file>`, `redis://…`, `rediss://…`, `postgres://…`, `postgresql://…`, `memory://`. */
  url: string;
  /** Prefix of every key; tests use a unique one per run. */
  namespace?: string;
  /** Table for SQL stores (SQLite, Postgres). */
  table?: string;
  /** Page sizes of the SQL scans (tests use small ones). */
  scanPages?: ScanPages;
  /**
   * How long one store call may take; {@link STORE_DEADLINE_MS} (within
   * Slack's 3 s) unless a caller that is not answering Slack needs longer.
   */
  deadlineMs?: number;
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
  readonly #backend: OpenBackend;
  readonly #onInvalid: InvalidRecordHandler;
  /** How it was opened, so that another thread can open the same one (not for a memory store). */
  readonly options: StoreOptions | undefined;

  constructor(
    backend: OpenBackend,
    options: StoreOptions | undefined,
    onInvalid: InvalidRecordHandler = () => {},
  ) {
    this.#backend = backend;
    this.#keyv = backend.keyv;
    this.#onInvalid = onInvalid;
    this.options = options;
  }

  /**
   * Keys and values as they are, with prefix scans in the store itself: what
   * the ledger repository and the digest roster are built on. Keys come from
   * `scope.ts`, so that one user's keys never reach another's.
   */
  get kv(): LedgerKv {
    return this.#backend.kv;
  }

  /** Atomic claims in this store (once-per-week digests, outcome locks); `clock` in ms. */
  claims(clock: () => number = Date.now): DigestClaims {
    return this.#backend.claims(clock);
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

  /** The raw keyv instance, for tests only: code outside `src/store/` goes through {@link kv}. */
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

/** Which backend a URL selects, without connecting; a URL none takes is a {@link StoreError}. */
export function storeKind(url: string): string {
  return backendFor(url).name;
}

/**
 * Opens the store a URL names, with the backend `backends/index.ts` lists
 * for its scheme. Drivers are imported lazily so a SQLite user never loads
 * the Redis or Postgres clients. It does not wait for the store: one that is
 * down at start makes each call fail within its deadline with
 * {@link StoreUnavailableError} until it is back (see `ping`); `onWarning`
 * hears of lost connections.
 */
export async function createStore(
  options: StoreOptions,
  onInvalid?: InvalidRecordHandler,
  onWarning: StoreWarning = () => {},
): Promise<Store> {
  const backend = backendFor(options.url);
  const namespace = options.namespace ?? 'invite-coach';
  const table = options.table ?? 'invite_coach';
  const opened = await backend.open({
    url: options.url,
    namespace,
    table,
    warn: onWarning,
    scanPages: options.scanPages ?? DEFAULT_SCAN_PAGES,
    deadlineMs: options.deadlineMs ?? STORE_DEADLINE_MS,
  });
  const shared = backend.local ? undefined : { ...options, namespace, table };
  return new Store(opened, shared, onInvalid);
}

/** A store in this process's memory (tests, the bench), like `createStore({ url: 'memory://' })`. */
export function memoryStore(onInvalid?: InvalidRecordHandler): Store {
  return new Store(openMemory('invite-coach'), undefined, onInvalid);
}
