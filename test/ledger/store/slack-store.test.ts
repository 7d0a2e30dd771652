/**
 * The ledger over the app's own store (src/store, createStore), on each
 * backend: the repository gets its keyv from there, keeps its keys beside the
 * Slack store's records, and scans them with the adapter's native scan.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyvLedgerKv, nativeScanner } from '../../../src/ledger/kv.js';
import { LedgerRepository } from '../../../src/ledger/store.js';
import { createStore, getAccount, type Store, setAccount } from '../../../src/store/index.js';
import { type BackendName, POSTGRES_URL, REDIS_URL, runId, serviceGate } from './backends.js';

/** The app's store on `backend`, in a place of its own; `dispose` removes the place and closes. */
async function open(backend: BackendName): Promise<{ store: Store; dispose(): Promise<void> }> {
  const id = runId();
  if (backend === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'invite-coach-ledger-'));
    const store = await createStore({ url: `sqlite://${join(dir, 'app.sqlite')}` });
    return {
      store,
      async dispose() {
        await store.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  if (backend === 'redis') {
    const store = await createStore({ url: REDIS_URL, namespace: `ictest${id}` });
    return {
      store,
      async dispose() {
        await store.keyv.clear();
        await store.close();
      },
    };
  }
  const table = `ledger_test_${id}`;
  const store = await createStore({ url: POSTGRES_URL, namespace: `ictest${id}`, table });
  return {
    store,
    async dispose() {
      const adapter = store.keyv.store as { query(sql: string): Promise<unknown> };
      await adapter.query(`DROP TABLE IF EXISTS public.${table}`);
      await store.close();
    },
  };
}

for (const backend of ['sqlite', 'redis', 'postgres'] as const) {
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
        expect(nativeScanner(store.keyv)).toBeDefined();
        const repo = new LedgerRepository(keyvLedgerKv(store.keyv));
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
