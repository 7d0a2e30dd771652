import { describe, it } from 'vitest';
import { createTarget, openStore, serviceGate } from './backends.js';
import { ledgerStoreSuite } from './contract.js';

const gate = await serviceGate('sqlite');

if (gate === 'run') {
  ledgerStoreSuite('sqlite', async () => {
    const target = await createTarget('sqlite');
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
