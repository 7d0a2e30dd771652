import type { Store } from '../store/store.js';
import { LedgerRepository, type LedgerRepositoryOptions } from './store.js';

/** The ledger repository over a store's keys: the one way the app, the digest and the CLI get one. */
export function storeLedger(store: Store, options?: LedgerRepositoryOptions): LedgerRepository {
  return new LedgerRepository(store.kv, options);
}
