import { keyvLedgerKv, LedgerRepository } from '../ledger/index.js';
import { createStore, type StoreOptions } from '../store/store.js';
import { storeClaims } from './claims.js';
import { siblingModule } from './pass-thread.js';
import type { PassStore } from './pass-worker.js';

/** The pass thread's setup in the app: its own connection to the app's store. */
export async function setupPass(options: StoreOptions, clock: () => Date): Promise<PassStore> {
  const store = await createStore(options);
  const claims = storeClaims(store.keyv, () => clock().getTime());
  return {
    deps: {
      keyv: store.keyv,
      // A bad record is left out of the digest (and logged), not a reason to retry it every minute.
      ledger: new LedgerRepository(keyvLedgerKv(store.keyv), {
        clock,
        onSkipped: (key, why) =>
          console.warn(
            `digest: left out ${why === 'newer' ? 'a newer' : 'an unreadable'} ledger record at ${key}`,
          ),
      }),
      claims,
    },
    async close() {
      await claims.close?.();
      await store.close();
    },
  };
}

export const PASS_STORE_SETUP = siblingModule('pass-store', import.meta.url);
