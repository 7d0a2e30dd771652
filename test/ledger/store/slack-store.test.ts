/**
 * The ledger over the app's own store (src/store, createStore), on each
 * backend: the repository gets its keys from there, keeps its keys beside the
 * Slack store's records, and scans them with the backend's native scan.
 */
import { describe, expect, it } from 'vitest';
import { storeLedger } from '../../../src/ledger/index.js';
import { getAccount, type Store, setAccount } from '../../../src/store/index.js';
import {
  BACKEND_NAMES,
  type BackendName,
  createTarget,
  openStore,
  serviceGate,
} from './backends.js';

/** The app's store on `backend`, in a place of its own; `dispose` closes it and removes the place. */
async function open(backend: BackendName): Promise<{ store: Store; dispose(): Promise<void> }> {
  const target = await createTarget(backend);
  const { store } = await openStore(target);
  return {
    store,
    async dispose() {
      await store.close();
      await target.dispose();
    },
  };
}

for (const backend of BACKEND_NAMES) {
  const gate = await serviceGate(backend);
  if (gate === 'skip') {
    describe.skip(`ledger over the app store on ${backend} (service not running: SKIPPED)`, () => {
      it('needs the service', () => {});
    });
    continue;
  }
  describe(`ledger over the app store on ${backend}`, () => {
    it('shares the store with the Slack records and scans only the ledger', async () => {
      if (gate === 'fail') throw new Error(`REQUIRE_SERVICES=1 and ${backend} is not reachable.`);
      const { store, dispose } = await open(backend);
      try {
        expect(store.kv.scanPages).toBeDefined();
        const repo = storeLedger(store);
        const scope = { teamId: 'T1', userId: 'U1' };
        await setAccount(store, scope, 'premium');
        const e = await repo.logSend(scope, {
          recipient: { name: 'Ana' },
          noteLength: 10,
          source: 'check',
        });
        await repo.setOutcome(scope, e.id, 'accepted');
        await repo.logSend(
          { teamId: 'T1', userId: 'U2' },
          { recipient: { name: 'Bo' }, noteLength: 0, source: 'check' },
        );
        expect((await repo.list(scope)).map((x) => x.history.map((h) => h.status))).toEqual([
          ['pending', 'accepted'],
        ]);
        expect(await getAccount(store, scope)).toBe('premium');
        expect(await repo.forgetUser(scope)).toBe(2);
        expect(await getAccount(store, scope)).toBe('premium');
        expect(await repo.list({ teamId: 'T1', userId: 'U2' })).toHaveLength(1);
      } finally {
        await dispose();
      }
    });
  });
}
