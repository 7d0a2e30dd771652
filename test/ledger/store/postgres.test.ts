import { describe, it } from 'vitest';
import { nativeScanner } from '../../../src/ledger/kv.js';
import { createTarget, openStore, serviceGate } from './backends.js';
import { ledgerStoreSuite } from './contract.js';

const gate = await serviceGate('postgres');

if (gate === 'run') {
  ledgerStoreSuite('postgres', async () => {
    const target = await createTarget('postgres');
    const store = await openStore(target);
    // The ledger must use the adapter's own prefix scan here, not keyv's iterator.
    if (nativeScanner(store.keyv) === undefined) throw new Error('no native scan for postgres');
    return {
      kv: store.kv,
      iteratorKv: store.iteratorKv,
      async close() {
        await store.close();
        await target.dispose();
      },
    };
  });
} else if (gate === 'fail') {
  describe('ledger store on postgres', () => {
    it('needs postgres (REQUIRE_SERVICES=1) but nothing answers', () => {
      throw new Error(
        'REQUIRE_SERVICES=1 and postgres is not reachable: the postgres ledger suite cannot run.',
      );
    });
  });
} else {
  describe.skip('ledger store on postgres (service not running: SKIPPED)', () => {
    it('needs postgres', () => {});
  });
}
