import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ScopeError, scopedKey } from '../../src/store/scope.js';
import { StoreError, storeKind } from '../../src/store/store.js';
import { storeContract, uniqueNames } from './contract.js';
import { announceSkip, REQUIRE_SERVICES, reachable } from './services.js';

describe('scopedKey', () => {
  it('namespaces by team, or by enterprise on Grid, then user and record kind', () => {
    expect(scopedKey({ teamId: 'T1', userId: 'U1' }, 'settings')).toBe('t/T1/u/U1/settings');
    expect(scopedKey({ enterpriseId: 'E1', teamId: 'T1', userId: 'W1' }, 'settings')).toBe(
      'e/E1/u/W1/settings',
    );
    expect(scopedKey({ teamId: 'T1', userId: 'U1' }, 'invitation:abc-1')).toBe(
      't/T1/u/U1/invitation:abc-1',
    );
  });

  it.each([
    [{ teamId: 'T1', userId: 'U1/../U2' }, 'settings'],
    [{ teamId: 'T1/u/U2', userId: 'U1' }, 'settings'],
    [{ teamId: 'T1', userId: '' }, 'settings'],
    [{ userId: 'U1' }, 'settings'],
    [{ teamId: 'T1', userId: 'U1' }, 'settings/../x'],
  ])('refuses ids that could address someone else: %o %s', (scope, kind) => {
    expect(() => scopedKey(scope, kind)).toThrow(ScopeError);
  });
});

describe('storeKind', () => {
  it('selects the backend from the URL', () => {
    expect(storeKind('sqlite://./data/x.sqlite')).toBe('sqlite');
    expect(storeKind('redis://127.0.0.1:6379')).toBe('redis');
    expect(storeKind('rediss://h:6380')).toBe('redis');
    expect(storeKind('postgres://h/db')).toBe('postgres');
    expect(storeKind('postgresql://h/db')).toBe('postgres');
    expect(() => storeKind('mysql://h/db')).toThrow(StoreError);
  });
});

const dir = mkdtempSync(join(tmpdir(), 'invite-coach-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// A folder that does not exist yet: the store creates it.
storeContract('SQLite', () => ({ url: `sqlite://${join(dir, 'nested', 'store.sqlite')}` }));

const redisUp = await reachable(6379);
const pgUp = await reachable(5432);
if (!redisUp) announceSkip('Redis', '127.0.0.1:6379');
if (!pgUp) announceSkip('Postgres', '127.0.0.1:5432');

describe('services for store tests', () => {
  it.runIf(REQUIRE_SERVICES)('Redis and Postgres are reachable (REQUIRE_SERVICES=1)', () => {
    expect({ redis: redisUp, postgres: pgUp }).toEqual({ redis: true, postgres: true });
  });
});

if (redisUp) {
  const redis = uniqueNames();
  storeContract(
    'Redis',
    () => ({ url: 'redis://127.0.0.1:6379', namespace: redis.namespace }),
    (store) => store.keyv.clear(),
  );
}

if (pgUp) {
  const pg = uniqueNames();
  storeContract(
    'Postgres',
    () => ({
      url: 'postgresql://postgres@127.0.0.1:5432/test',
      namespace: pg.namespace,
      table: pg.table,
    }),
    async (store) => {
      const adapter = store.keyv.store as { query(sql: string): Promise<unknown> };
      await adapter.query(`DROP TABLE IF EXISTS ${pg.table}`);
    },
  );
}
