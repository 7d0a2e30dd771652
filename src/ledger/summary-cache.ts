import { LRUCache } from 'lru-cache';
import type { LedgerKv } from '../store/kv.js';
import type { LedgerSummary } from './policy/summary.js';
import type { LedgerSettings } from './records.js';
import { type LedgerScope, scopePrefix } from './scope.js';

/**
 * How long a summary read for the budget line is trusted from memory. A write
 * through any ledger repository of this process over the same store is seen
 * at once; one made by another process (a second HTTP instance, the CLI, the
 * digest's pass thread) within this time.
 */
export const SUMMARY_CACHE_TTL_MS = 60_000;

/** A user's summary and settings as read together. */
export interface CachedSummaryRead {
  summary: LedgerSummary;
  settings: LedgerSettings;
}

/**
 * Summary reads remembered by ledger prefix, one cache per store in this
 * process, so that the budget line under every check costs no store round
 * trip. Every repository over the store reports its writes here, whether or
 * not it reads from the cache.
 */
export class SummaryCache {
  readonly #reads = new LRUCache<string, CachedSummaryRead>({
    max: 10_000,
    ttl: SUMMARY_CACHE_TTL_MS,
  });
  #writes = 0;

  /** Taken before a read; {@link remember} keeps the read only if nothing was written since. */
  mark(): number {
    return this.#writes;
  }

  get(prefix: string): CachedSummaryRead | undefined {
    return this.#reads.get(prefix);
  }

  /**
   * Keeps what a read begun at `mark` found, unless any write ended in
   * between: that read may have seen the ledger before the write (a write
   * for another user also stops it, which costs one more read at most).
   */
  remember(prefix: string, read: CachedSummaryRead, mark: number): void {
    if (mark === this.#writes) this.#reads.set(prefix, read);
  }

  /**
   * Runs a write to the user's ledger, then forgets the user's read, even
   * when the write failed (it may have written before failing).
   */
  async around<T>(scope: LedgerScope, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      this.#writes += 1;
      try {
        this.#reads.delete(scopePrefix(scope));
      } catch {
        // A scope with no prefix reaches no ledger: nothing was written, nothing kept.
      }
    }
  }
}

const caches = new WeakMap<LedgerKv, SummaryCache>();

/** The store's summary cache in this process, made on first use. */
export function summaryCacheOf(kv: LedgerKv): SummaryCache {
  let cache = caches.get(kv);
  if (cache === undefined) {
    cache = new SummaryCache();
    caches.set(kv, cache);
  }
  return cache;
}
