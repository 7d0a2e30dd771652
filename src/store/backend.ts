import Keyv, { type KeyvStoreAdapter } from 'keyv';
import type { DigestClaims } from './claims.js';
import { withDeadlines } from './deadline.js';
import type { LedgerKv, ScanPages } from './kv.js';

/** What the adapters may say about their connection (never a key or a value). */
export type StoreWarning = (line: string) => void;

/** How a backend is asked to open a store. */
export interface BackendOptions {
  url: string;
  /** Prefix of every key. */
  namespace: string;
  /** Table for SQL stores. */
  table: string;
  warn: StoreWarning;
  /** Page sizes of the SQL scans (tests use small ones). */
  scanPages: ScanPages;
  /** How long one store call may take (see `STORE_DEADLINE_MS`). */
  deadlineMs: number;
}

/** One store, open: keyv for the records, the ledger's view, and the digest's claims. */
export interface OpenBackend {
  /** Behind {@link withDeadlines}, with `throwOnErrors` (see {@link openKeyv}). */
  keyv: Keyv;
  /** Keys and values with this backend's own prefix scan (never keyv's walk of every key). */
  kv: LedgerKv;
  /** Atomic claims in the store itself, so that two processes never both take one. */
  claims(clock: () => number): DigestClaims;
}

/**
 * A kind of store. Each lives in a file of its own under `backends/` and is
 * listed once in `backends/index.ts`; `createStore` picks it by URL scheme,
 * and a URL no backend takes is an error.
 */
export interface StoreBackend {
  name: string;
  /** The URL schemes it opens, with their colon: `sqlite:`. */
  schemes: readonly string[];
  /** Seen by this process only (memory): another thread opening the URL gets a store of its own. */
  local?: boolean;
  /** What follows `<scheme>//` in the help for STORE_URL (`…` when unset). */
  place?: string;
  open(options: BackendOptions): Promise<OpenBackend>;
}

/**
 * keyv over `adapter`, every call bounded by the deadline. Connection errors
 * surface on the first read or write as an error; keyv also emits them, and
 * an unhandled 'error' event would kill the process.
 */
export function openKeyv(
  adapter: KeyvStoreAdapter | Map<unknown, unknown>,
  options: Pick<BackendOptions, 'namespace' | 'deadlineMs'>,
): Keyv {
  const { namespace, deadlineMs } = options;
  const store = adapter instanceof Map ? adapter : withDeadlines(adapter, deadlineMs);
  const keyv = new Keyv({ store, namespace, throwOnErrors: true });
  keyv.on('error', () => {});
  return keyv;
}
