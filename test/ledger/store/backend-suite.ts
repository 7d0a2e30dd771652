import { describe, it } from 'vitest';
import { type BackendName, createTarget, openStore, serviceGate } from './backends.js';
import { ledgerStoreSuite, type SuiteStore } from './contract.js';
import { summaryStoreSuite } from './summary-contract.js';

/**
 * The ledger contract suite on one real backend, one test file per backend so
 * they run side by side. Without the service it skips loudly, or fails under
 * REQUIRE_SERVICES=1.
 */
export async function backendSuite(backend: BackendName): Promise<void> {
  const gate = await serviceGate(backend);
  if (gate === 'run') {
    const open = async (): Promise<SuiteStore> => {
      const target = await createTarget(backend);
      const store = await openStore(target);
      // The ledger must use the backend's own prefix scan here, not keyv's iterator.
      if (store.kv.scanPages === undefined) throw new Error(`no native scan for ${backend}`);
      return {
        kv: store.kv,
        iteratorKv: store.iteratorKv,
        async close() {
          await store.close();
          await target.dispose();
        },
      };
    };
    ledgerStoreSuite(backend, open);
    summaryStoreSuite(backend, open);
  } else if (gate === 'fail') {
    describe(`ledger store on ${backend}`, () => {
      it(`needs ${backend} (REQUIRE_SERVICES=1) but nothing answers`, () => {
        throw new Error(
          `REQUIRE_SERVICES=1 and ${backend} is not reachable: the ${backend} ledger suite cannot run.`,
        );
      });
    });
  } else {
    describe.skip(`ledger store on ${backend} (service not running: SKIPPED)`, () => {
      it(`needs ${backend}`, () => {});
    });
  }
}
