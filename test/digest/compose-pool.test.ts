import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { composeFrom } from '../../src/digest/compose.js';
import {
  type ComposePool,
  ComposeWorkerError,
  composePool,
} from '../../src/digest/compose-pool.js';
import { COMPOSE_STORE_SETUP } from '../../src/digest/compose-store.js';
import { keyvLedgerKv, LedgerRepository } from '../../src/ledger/index.js';
import { createStore, type StoreOptions } from '../../src/store/store.js';
import { REPO_ROOT } from '../slack/harness/samples.js';

const NOW = new Date('2026-11-23T10:00:00Z');
const scripted = (data: object) => ({
  module: new URL('./fixtures/scripted-composer.ts', import.meta.url),
  data,
});

let pools: ComposePool[] = [];
afterEach(async () => {
  await Promise.all(pools.map((p) => p.close()));
  pools = [];
});
function open(...args: Parameters<typeof composePool>): ComposePool {
  const pool = composePool(...args);
  pools.push(pool);
  return pool;
}

describe('composePool', () => {
  /** Writes a ledger into a SQLite file here, composes it there with `makePool`, and compares. */
  async function sameOnAWorker(makePool: (options: StoreOptions) => ComposePool): Promise<void> {
    const dir = mkdtempSync(join(tmpdir(), 'invite-coach-pool-'));
    const store = await createStore({ url: `sqlite://${join(dir, 'ledger.sqlite')}` });
    try {
      let t = Date.parse('2026-11-02T09:00:00Z');
      const ledger = new LedgerRepository(keyvLedgerKv(store.keyv), { clock: () => new Date(t) });
      const scope = { teamId: 'T1', userId: 'U1' };
      for (const name of ['Jane Park', 'Tom Reyes', 'Ana Diaz']) {
        await ledger.logSend(scope, { recipient: { name }, noteLength: 120, source: 'manual' });
        t += 86_400_000;
      }
      const options = store.options;
      if (options === undefined) throw new Error('createStore keeps its options');
      const pool = makePool(options);
      pools.push(pool);
      const there = await pool.compose(scope, NOW);
      const here = await composeFrom(ledger)(scope, NOW);
      expect(there).toEqual(here);
      expect(there.text).toContain('3 pending');
      expect(JSON.parse(there.blocks)).toEqual(expect.any(Array));
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('composes on a worker thread the same digest as on this one, from the same SQLite file', async () => {
    await sameOnAWorker((options) => composePool({ module: COMPOSE_STORE_SETUP, data: options }));
  });

  it('does the same from the built package, where the worker starts without a TypeScript loader', async () => {
    // What `npm start` runs; `npm test` builds dist/ first.
    const built = (path: string) => pathToFileURL(resolve(REPO_ROOT, 'dist', path)).href;
    const pool = (await import(built('digest/compose-pool.js'))) as {
      composePool: typeof composePool;
    };
    const setup = (await import(built('digest/compose-store.js'))) as {
      COMPOSE_STORE_SETUP: URL;
    };
    expect(setup.COMPOSE_STORE_SETUP.pathname).toMatch(/dist\/digest\/compose-store\.js$/);
    await sameOnAWorker((options) =>
      pool.composePool({ module: setup.COMPOSE_STORE_SETUP, data: options }),
    );
  });

  it('fails only the request whose composing threw, by error name, and goes on', async () => {
    const pool = open(scripted({}));
    await expect(pool.compose({ teamId: 'T1', userId: 'UBROKEN' }, NOW)).rejects.toThrow(
      new ComposeWorkerError('composing a digest failed (TypeError)'),
    );
    await expect(pool.compose({ teamId: 'T1', userId: 'U2' }, NOW)).resolves.toEqual({
      text: `digest for U2 at ${NOW.toISOString()}`,
      blocks: '[]',
    });
  });

  it('rejects what a dying worker was doing and starts another for the next request', async () => {
    const pool = open(scripted({}));
    await expect(pool.compose({ teamId: 'T1', userId: 'UDIE' }, NOW)).rejects.toThrow(
      /a compose worker stopped \(exit code 3\)/,
    );
    await expect(pool.compose({ teamId: 'T1', userId: 'U3' }, NOW)).resolves.toMatchObject({
      text: `digest for U3 at ${NOW.toISOString()}`,
    });
  });

  it('rejects requests, instead of hanging, when its workers cannot start', async () => {
    const pool = open(scripted({ failSetup: true }));
    await expect(pool.compose({ teamId: 'T1', userId: 'U4' }, NOW)).rejects.toThrow(
      ComposeWorkerError,
    );
    await expect(pool.compose({ teamId: 'T1', userId: 'U5' }, NOW)).rejects.toThrow(
      ComposeWorkerError,
    );
  });

  it('refuses work once closed', async () => {
    const pool = open(scripted({}));
    await pool.compose({ teamId: 'T1', userId: 'U6' }, NOW);
    await pool.close();
    await expect(pool.compose({ teamId: 'T1', userId: 'U7' }, NOW)).rejects.toThrow(
      /the compose pool is closed/,
    );
  });
});
