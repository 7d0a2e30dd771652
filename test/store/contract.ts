import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETTINGS, SETTINGS_VERSION } from '../../src/store/records.js';
import { getAccount, setAccount } from '../../src/store/settings.js';
import { createStore, type Store, type StoreOptions } from '../../src/store/store.js';

/** The behaviour every backend must have; `options` opens the same store again (a "restart"). */
export function storeContract(
  name: string,
  options: () => StoreOptions,
  cleanup?: (store: Store) => Promise<void>,
) {
  describe(`${name} store`, () => {
    let store: Store;
    const invalid: string[] = [];
    beforeAll(async () => {
      store = await createStore(options(), (key) => invalid.push(key));
    });
    afterAll(async () => {
      if (cleanup) await cleanup(store);
      await store?.close();
    });

    const alice = { teamId: 'T1', userId: 'UALICE' };
    const bob = { teamId: 'T1', userId: 'UBOB' };

    it('defaults to basic and keeps a chosen account type across a restart', async () => {
      expect(await getAccount(store, alice)).toBe('basic');
      await setAccount(store, alice, 'premium', new Date('2026-11-23T12:00:00Z'));
      expect(await getAccount(store, alice)).toBe('premium');
      // A restart: close, then open again. (Postgres shares one pool per URL, so
      // the old store must be closed before the new one is used.)
      await store.close();
      store = await createStore(options(), (key) => invalid.push(key));
      expect(await getAccount(store, alice)).toBe('premium');
    });

    it("keeps users apart: one user's choice never shows for another, in another team or enterprise", async () => {
      await setAccount(store, alice, 'premium');
      expect(await getAccount(store, bob)).toBe('basic');
      expect(await getAccount(store, { teamId: 'T2', userId: 'UALICE' })).toBe('basic');
      expect(await getAccount(store, { enterpriseId: 'E1', teamId: 'T1', userId: 'UALICE' })).toBe(
        'basic',
      );
    });

    it('reads a record that fails validation (old version, corrupt) as absent, and reports its key', async () => {
      const carol = { teamId: 'T1', userId: 'UCAROL' };
      await store.keyv.set('t/T1/u/UCAROL/settings', {
        v: SETTINGS_VERSION + 1,
        account: 'premium',
      });
      expect(await store.get(carol, SETTINGS)).toBeUndefined();
      expect(await getAccount(store, carol)).toBe('basic');
      expect(invalid).toContain('t/T1/u/UCAROL/settings');
    });

    it('refuses to write an invalid record', async () => {
      await expect(
        store.set(alice, SETTINGS, {
          v: SETTINGS_VERSION,
          account: 'gold' as 'basic',
          updatedAt: 'now',
        }),
      ).rejects.toThrow();
    });
  });
}
