/**
 * The dependency container: what handlers need besides Bolt's arguments,
 * made once per app. What is done with it lives in `services/`.
 */
import type { Logger } from '@slack/bolt';
import { LRUCache } from 'lru-cache';
import type { Drafter } from '../draft/index.js';
import { type LedgerRepository, storeLedger } from '../ledger/index.js';
import type { DigestClaims } from '../store/claims.js';
import type { Store } from '../store/store.js';
import type { Account } from '../types.js';

/**
 * How long a user's account type is trusted from memory. A change made through
 * this process is seen at once; one made through another instance (several
 * HTTP instances behind a load balancer) within this time.
 */
export const ACCOUNT_CACHE_TTL_MS = 60_000;

/** What handlers need besides Bolt's arguments. */
export interface Deps {
  store: Store;
  /**
   * Each user's invitations, in the same store (keys under the user's scope).
   * The budget line reads its summary through a cache (`SUMMARY_CACHE_TTL_MS`,
   * as long as {@link ACCOUNT_CACHE_TTL_MS}): a user's own writes show at once.
   */
  ledger: LedgerRepository;
  /** Templates always; an LLM on top when configured. */
  drafter: Drafter;
  /** The edge's clock: handlers pass `now` to the pure policy from here. */
  clock: () => Date;
  /** Account types by store key, so a check costs no store round trip. */
  accounts: LRUCache<string, Account>;
  /** Short locks in the store, so that two outcomes pressed at once on one invitation record one. */
  outcomeLocks: DigestClaims;
}

export function createDeps(
  store: Store,
  drafter: Drafter,
  clock: () => Date = () => new Date(),
  logger?: Pick<Logger, 'warn'>,
): Deps {
  return {
    store,
    drafter,
    // One unreadable record leaves that record out (logged by key, ids only), never the whole ledger.
    ledger: storeLedger(store, {
      clock,
      onSkipped: (key, why) =>
        (logger ?? console).warn(
          `ledger: left out ${why === 'newer' ? 'a newer' : 'an unreadable'} record at ${key}`,
        ),
    }),
    clock,
    accounts: new LRUCache({ max: 10_000, ttl: ACCOUNT_CACHE_TTL_MS }),
    // Real time, not the handlers' clock: a lock's expiry is the store's business, not policy.
    outcomeLocks: store.claims(),
  };
}
