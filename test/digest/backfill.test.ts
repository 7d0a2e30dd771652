/**
 * Users with a ledger and no roster record (from before the roster, or a
 * command-line import of an older version) join the roster at app start,
 * once per store, even with two instances starting together. Real stores.
 */
import KeyvPostgres from '@keyv/postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillRoster } from '../../src/digest/backfill.js';
import { enrollDigest, getRoster, leaveRoster, ROSTER_PREFIX } from '../../src/digest/roster.js';
import { LedgerRepository } from '../../src/ledger/index.js';
import {
  BACKEND_NAMES,
  type BackendTarget,
  createTarget,
  type OpenStore,
  openStore,
  POSTGRES_URL,
  serviceGate,
} from '../ledger/store/backends.js';

const send = { recipient: { name: 'Kai Berg' }, noteLength: 80, source: 'manual' as const };

for (const backend of BACKEND_NAMES) {
  const gate = await serviceGate(backend);
  describe.skipIf(gate === 'skip')(`roster backfill on ${backend}`, () => {
    let target: BackendTarget & { dispose(): Promise<void> };
    let a: OpenStore;
    let b: OpenStore;
    beforeAll(async () => {
      if (gate === 'fail') throw new Error(`REQUIRE_SERVICES=1 and ${backend} is not reachable.`);
      target = await createTarget(backend);
      a = await openStore(target);
      b = await openStore(target);
    });
    afterAll(async () => {
      await a?.close();
      // Postgres: both instances share the adapter's pool, already ended by the first.
      if (backend !== 'postgres') await b?.close();
      if (backend === 'postgres' && target) {
        const adapter = new KeyvPostgres({ uri: POSTGRES_URL, table: target.place });
        await adapter.query(`DROP TABLE IF EXISTS public.${target.place}_digest_claims`);
        await adapter.disconnect();
      }
      await target?.dispose();
    });

    it('enrols every user with a ledger once, leaves the others as they are', async () => {
      const ledger = new LedgerRepository(a.kv);
      for (let i = 0; i < 3; i++) await ledger.logSend({ teamId: 'T1', userId: 'U1' }, send);
      await ledger.logSend({ teamId: 'T1', userId: 'U2' }, send);
      await ledger.logSend({ enterpriseId: 'E1', teamId: 'T9', userId: 'U3' }, send);
      await enrollDigest(a.kv, { teamId: 'T1', userId: 'U2' }, { day: 5, hour: 8 });
      await enrollDigest(a.kv, { teamId: 'T1', userId: 'U4' }, { enabled: false }); // no ledger

      // Two instances starting at the same moment: one does the work.
      const results = await Promise.all(
        [a, b].map((s) => backfillRoster({ kv: s.kv, claims: s.store.claims() })),
      );
      expect(results.toSorted()).toEqual([2, undefined]);

      expect(await getRoster(a.kv, { teamId: 'T1', userId: 'U1' })).toMatchObject({
        enabled: true,
        day: 1,
        hour: 9,
      });
      expect(await getRoster(a.kv, { teamId: 'T1', userId: 'U2' })).toMatchObject({
        day: 5,
        hour: 8,
      });
      expect(await getRoster(a.kv, { enterpriseId: 'E1', userId: 'U3' })).toBeDefined();
      expect(await getRoster(a.kv, { teamId: 'T1', userId: 'U4' })).toMatchObject({
        enabled: false,
      });
      const roster: string[] = [];
      for await (const [key] of a.kv.scan(ROSTER_PREFIX)) roster.push(key);
      expect(roster.toSorted()).toEqual([
        `${ROSTER_PREFIX}e/E1/u/U3`,
        `${ROSTER_PREFIX}t/T1/u/U1`,
        `${ROSTER_PREFIX}t/T1/u/U2`,
        `${ROSTER_PREFIX}t/T1/u/U4`,
      ]);

      // Once per store: a user who left the roster since is not put back at the next start.
      await leaveRoster(a.kv, { teamId: 'T1', userId: 'U1' });
      expect(await backfillRoster({ kv: b.kv, claims: b.store.claims() })).toBe(undefined);
      expect(await getRoster(a.kv, { teamId: 'T1', userId: 'U1' })).toBeUndefined();
    });
  });
}
