import { describe, it } from 'vitest';
import { nativeScanner } from '../../../src/ledger/kv.js';
import { createTarget, openStore, serviceGate } from './backends.js';
import { ledgerStoreSuite } from './contract.js';

const gate = await serviceGate('redis');

if (gate === 'run') {
  ledgerStoreSuite('redis', async () => {
    const target = await createTarget('redis');
    const store = await openStore(target);
    // The ledger must use the adapter's own prefix scan here, not keyv's iterator.
    if (nativeScanner(store.keyv) === undefined) throw new Error('no native scan for redis');
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
  describe('ledger store on redis', () => {
    it('needs redis (REQUIRE_SERVICES=1) but nothing answers', () => {
      throw new Error(
        'REQUIRE_SERVICES=1 and redis is not reachable: the redis ledger suite cannot run.',
      );
    });
  });
} else {
  describe.skip('ledger store on redis (service not running: SKIPPED)', () => {
    it('needs redis', () => {});
  });
}
