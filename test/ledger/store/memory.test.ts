import { memoryLedgerKv } from '../../../src/ledger/kv.js';
import { ledgerStoreSuite } from './contract.js';

ledgerStoreSuite('memory', async () => ({ kv: memoryLedgerKv(), close: async () => {} }));
