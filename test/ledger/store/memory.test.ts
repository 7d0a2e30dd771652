import { memoryLedgerKv } from '../../../src/store/kv.js';
import { memoryStore } from '../../../src/store/store.js';
import { ledgerStoreSuite } from './contract.js';
import { summaryStoreSuite } from './summary-contract.js';

ledgerStoreSuite('memory', async () => ({ kv: memoryLedgerKv(), close: async () => {} }));
summaryStoreSuite('memory', async () => ({ kv: memoryLedgerKv(), close: async () => {} }));

// The memory backend of the app's store (`memory://`), as tests and the bench open it.
ledgerStoreSuite('memory store', async () => {
  const store = memoryStore();
  return { kv: store.kv, close: () => store.close() };
});
