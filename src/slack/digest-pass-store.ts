import { siblingModule } from '../digest/pass-thread.js';
import type { PassStore } from '../digest/pass-worker.js';
import { storeLedger } from '../ledger/index.js';
import { createStore, type StoreOptions } from '../store/store.js';
import { digestMessage } from './blocks/digest-message.js';

/**
 * The pass thread's setup in the app: its own connection to the app's store,
 * and the digest's Block Kit builder (here, so that `digest/` imports none).
 */
export async function setupPass(options: StoreOptions, clock: () => Date): Promise<PassStore> {
  const store = await createStore(options);
  const claims = store.claims(() => clock().getTime());
  return {
    deps: {
      kv: store.kv,
      // A bad record is left out of the digest (and logged), not a reason to retry it every minute.
      ledger: storeLedger(store, {
        clock,
        onSkipped: (key, why) =>
          console.warn(
            `digest: left out ${why === 'newer' ? 'a newer' : 'an unreadable'} ledger record at ${key}`,
          ),
      }),
      claims,
      render: digestMessage,
    },
    async close() {
      await claims.close?.();
      await store.close();
    },
  };
}

export const PASS_STORE_SETUP = siblingModule('digest-pass-store', import.meta.url);
