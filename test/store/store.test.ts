import { afterAll, describe, expect, it } from 'vitest';
import { ScopeError, scopedKey } from '../../src/store/scope.js';
import { StoreError, storeKind } from '../../src/store/store.js';
import { BACKEND_NAMES, BACKENDS, createTarget, serviceGate } from '../ledger/store/backends.js';
import { storeContract } from './contract.js';

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

// Every backend of the test list, each in a place of its own that is removed afterwards.
for (const backend of BACKEND_NAMES) {
  const gate = await serviceGate(backend);
  if (gate === 'skip') continue;
  if (gate === 'fail') {
    describe(`${backend} store`, () => {
      it(`needs ${backend} (REQUIRE_SERVICES=1) but nothing answers`, () => {
        throw new Error(`REQUIRE_SERVICES=1 and ${backend} is not reachable.`);
      });
    });
    continue;
  }
  const target = await createTarget(backend);
  afterAll(() => target.dispose());
  storeContract(backend, () => BACKENDS[backend].options(target.place));
}
