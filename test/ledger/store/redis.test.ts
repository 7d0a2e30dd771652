import { describe, it } from 'vitest';
import { createTarget, openStore, serviceGate } from './backends.js';
import { ledgerStoreSuite } from './contract.js';

const gate = await serviceGate('redis');

if (gate === 'run') {
  ledgerStoreSuite('redis', async () => {
    const target = await createTarget('redis');
    const store = await openStore(target);
    return {
      kv: store.kv,
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
