/**
 * The native prefix scans page through long prefixes (the digest roster holds
 * every user) and still read a short one (a user's ledger) in one query. Small
 * pages here stand in for the default ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LedgerKv, pagesOf } from '../../../src/store/kv.js';
import {
  BACKEND_NAMES,
  type BackendTarget,
  createTarget,
  type OpenStore,
  openStore,
  serviceGate,
} from './backends.js';

const PREFIX = 'digest/roster/t/T1/u/';
const INSIDE = Array.from({ length: 53 }, (_, i) => `${PREFIX}U${String(i).padStart(3, '0')}`);
// Neighbours on both sides of the prefix in key order, which must not be listed.
const OUTSIDE = ['digest/roster/t/T1/u', 'digest/roster/t/T1/v/U1', 'digest/roster/t/T0/u/U1'];

async function keysOf(kv: LedgerKv, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const [key, value] of kv.scan(prefix)) {
    expect(value).toEqual({ key });
    keys.push(key);
  }
  return keys;
}

for (const backend of BACKEND_NAMES) {
  const gate = await serviceGate(backend);
  describe.skipIf(gate === 'skip')(`paged prefix scans on ${backend}`, () => {
    let target: BackendTarget & { dispose(): Promise<void> };
    let store: OpenStore;
    /** The same store with the default page sizes. */
    let wide: OpenStore;
    let kv: LedgerKv;
    /** Rows each SELECT of the scan returned (SQL stores). */
    const pages: number[] = [];

    beforeAll(async () => {
      if (gate === 'fail') throw new Error(`REQUIRE_SERVICES=1 and ${backend} is not reachable.`);
      target = await createTarget(backend);
      store = await openStore(target, { scanPages: { firstPage: 7, page: 5 } });
      wide = await openStore(target);
      for (const opened of [store, wide]) {
        const adapter = opened.keyv.store as {
          query?: (...args: unknown[]) => Promise<unknown[]>;
        };
        if (adapter.query) {
          const query = adapter.query.bind(adapter);
          adapter.query = async (...args: unknown[]) => {
            const rows = await query(...args);
            if (String(args[0]).startsWith('SELECT key, value')) pages.push(rows.length);
            return rows;
          };
        }
      }
      kv = store.kv;
      await Promise.all([...INSIDE, ...OUTSIDE].map((key) => kv.set(key, { key })));
    });
    afterAll(async () => {
      await store?.close();
      await wide?.close();
      await target?.dispose();
    });

    it('returns every key under a prefix longer than a page exactly once', async () => {
      pages.length = 0;
      const keys = await keysOf(kv, PREFIX);
      if (backend === 'redis') {
        // SCAN has no order; each batch is yielded as it comes.
        expect(keys.toSorted()).toEqual(INSIDE);
        expect(keys).toHaveLength(INSIDE.length);
      } else {
        expect(keys).toEqual(INSIDE);
        // One page at a time: never more rows than a page in memory.
        expect(Math.max(...pages)).toBeLessThanOrEqual(7);
        expect(pages.length).toBeGreaterThanOrEqual(Math.ceil((INSIDE.length - 7) / 5) + 1);
      }
    });

    it('reads a prefix that fits the first page in one query, as a ledger snapshot does', async () => {
      pages.length = 0;
      expect((await keysOf(kv, `${PREFIX}U05`)).toSorted()).toEqual(INSIDE.slice(50));
      if (backend !== 'redis') expect(pages).toEqual([3]);
      pages.length = 0;
      expect(await keysOf(wide.kv, PREFIX)).toHaveLength(INSIDE.length);
      if (backend !== 'redis') expect(pages).toEqual([INSIDE.length]);
    });

    it('hands the same records over a page at a time, a page per query on SQL', async () => {
      expect(kv.scanPages).toBeDefined();
      pages.length = 0;
      const seen: number[] = [];
      const keys: string[] = [];
      for await (const page of pagesOf(kv, PREFIX)) {
        seen.push(page.length);
        for (const [key, value] of page) {
          expect(value).toEqual({ key });
          keys.push(key);
        }
      }
      expect(keys.toSorted()).toEqual(INSIDE);
      if (backend !== 'redis') expect(seen).toEqual(pages);
    });
  });
}
