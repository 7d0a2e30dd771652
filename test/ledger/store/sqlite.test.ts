import { describe, it } from 'vitest';
import { nativeScanner } from '../../../src/ledger/kv.js';
import { createTarget, openStore, serviceGate } from './backends.js';
import { ledgerStoreSuite } from './contract.js';

const gate = await serviceGate('sqlite');

if (gate === 'run') {
  ledgerStoreSuite('sqlite', async () => {
    const target = await createTarget('sqlite');
    const store = await openStore(target);
    // The ledger must use the adapter's own prefix scan here, not keyv's iterator.
    if (nativeScanner(store.keyv) === undefined) throw new Error('no native scan for sqlite');
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
  describe('ledger store on sqlite', () => {
    it('needs sqlite (REQUIRE_SERVICES=1) but nothing answers', () => {
      throw new Error(
        'REQUIRE_SERVICES=1 and sqlite is not reachable: the sqlite ledger suite cannot run.',
      );
    });
  });
} else {
  describe.skip('ledger store on sqlite (service not running: SKIPPED)', () => {
    it('needs sqlite', () => {});
  });
}
