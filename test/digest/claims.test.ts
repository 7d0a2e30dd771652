/**
 * The SQL claims table does not grow for ever: a pass removes finished weeks
 * past their keep time, and leases whose holder died more than a week ago,
 * while what is still live keeps doing its job. Real SQLite file and Postgres.
 */
import KeyvPostgres from '@keyv/postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DigestClaims, memoryClaims } from '../../src/store/claims.js';
import {
  type BackendName,
  type BackendTarget,
  createTarget,
  type OpenStore,
  openStore,
  POSTGRES_URL,
  serviceGate,
} from '../ledger/store/backends.js';

const DAY = 24 * 60 * 60_000;

function expiryContract(make: (clock: () => number) => DigestClaims, rows?: () => Promise<number>) {
  it('removes finished weeks past their keep time and long-dead leases, keeps the rest', async () => {
    let now = Date.parse('2026-11-23T10:00:00Z');
    const claims = make(() => now);
    expect(await claims.claim('2026-W40:t/T1/u/U1', 60_000)).toBe('new');
    await claims.finish('2026-W40:t/T1/u/U1', 'sent', DAY); // kept a day
    expect(await claims.claim('2026-W48:t/T1/u/U1', 60_000)).toBe('new');
    await claims.finish('2026-W48:t/T1/u/U1', 'failed', 60 * DAY);
    expect(await claims.claim('2026-W48:t/T1/u/U2', 60_000)).toBe('new'); // holder dies
    expect(await claims.sweep?.()).toBe(0);

    now += 2 * DAY;
    expect(await claims.sweep?.()).toBe(1);
    if (rows) expect(await rows()).toBe(2);
    // The finished week is gone; the other still stops a second digest; the
    // dead lease can still be taken over (and so checked against the DM).
    expect(await claims.claim('2026-W48:t/T1/u/U1', 60_000)).toBe(false);
    expect(await claims.claim('2026-W48:t/T1/u/U2', 60_000)).toBe('takeover');
    await claims.release('2026-W48:t/T1/u/U2');
    expect(await claims.claim('2026-W48:t/T1/u/U2', 60_000)).toBe('new');

    now += 9 * DAY; // the lease has been dead for more than a week
    expect(await claims.sweep?.()).toBe(1);
    if (rows) expect(await rows()).toBe(1);
  });
}

describe('claims in memory', () => {
  expiryContract((clock) => memoryClaims(clock));
});

for (const backend of ['sqlite', 'postgres'] as BackendName[]) {
  const gate = await serviceGate(backend);
  describe.skipIf(gate === 'skip')(`claims on ${backend}`, () => {
    let target: BackendTarget & { dispose(): Promise<void> };
    let store: OpenStore;
    beforeAll(async () => {
      if (gate === 'fail') throw new Error(`REQUIRE_SERVICES=1 and ${backend} is not reachable.`);
      target = await createTarget(backend);
      store = await openStore(target);
    });
    afterAll(async () => {
      await store?.close();
      if (backend === 'postgres' && target) {
        const adapter = new KeyvPostgres({ uri: POSTGRES_URL, table: target.place });
        await adapter.query(`DROP TABLE IF EXISTS public.${target.place}_digest_claims`);
        await adapter.disconnect();
      }
      await target?.dispose();
    });

    expiryContract(
      (clock) => store.store.claims(clock),
      async () => {
        const adapter = store.keyv.store as {
          query(sql: string, ...params: unknown[]): Promise<Array<{ n: unknown }>>;
        };
        const table =
          backend === 'postgres'
            ? `public.${target.place}_digest_claims`
            : 'invite_coach_digest_claims';
        const [row] = await adapter.query(`SELECT count(*) AS n FROM ${table}`);
        return Number(row?.n);
      },
    );
  });
}
