/**
 * The summary the budget line reads (`cachedSummary`): a write through any
 * repository of this process over the same store shows at once; a write by
 * another process (here: a repository over another view of the same keys,
 * which shares no memory with this one) only within the cache's time.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type LedgerRepository, storeLedger } from '../../../src/ledger/index.js';
import { LedgerRepository as Repository } from '../../../src/ledger/store.js';
import { memoryStore, type Store } from '../../../src/store/store.js';

const NOW = new Date('2026-03-04T12:00:00Z');
const scope = { teamId: 'T1', userId: 'U1' };
const send = { recipient: { name: 'Jane Park' }, noteLength: 120, source: 'check' } as const;

describe('the budget line’s summary read', () => {
  let store: Store;
  let app: LedgerRepository;
  let elsewhere: LedgerRepository;

  beforeEach(() => {
    store = memoryStore();
    app = storeLedger(store, { clock: () => NOW });
    elsewhere = storeLedger(store, { clock: () => NOW });
  });
  afterEach(() => store.close());

  const entries = async () => (await app.cachedSummary(scope, NOW)).summary.entries;

  it('shows a send, an outcome, a setting and a forget made through this process at once', async () => {
    expect(await entries()).toBe(0);
    const entry = await elsewhere.logSend(scope, send);
    expect(await entries()).toBe(1);
    expect((await app.cachedSummary(scope, NOW)).summary.byStatus.pending).toBe(1);
    await elsewhere.setOutcome(scope, entry.id, 'accepted', NOW);
    expect((await app.cachedSummary(scope, NOW)).summary.byStatus.pending).toBe(0);
    await elsewhere.updateSettings(scope, { weeklyCap: 150 });
    expect((await app.cachedSummary(scope, NOW)).settings.weeklyCap).toBe(150);
    await elsewhere.forgetUser(scope);
    expect(await entries()).toBe(0);
  });

  it('does not keep a read that a write overtook', async () => {
    // One view of the keys for both repositories, whose next read can be held after it has read.
    let holdNext = false;
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    const kv = {
      ...store.kv,
      async get(key: string) {
        const value = await store.kv.get(key);
        if (holdNext && key.endsWith('-summary')) {
          holdNext = false;
          await held;
        }
        return value;
      },
    };
    const reader = new Repository(kv, { clock: () => NOW });
    const writer = new Repository(kv, { clock: () => NOW });
    await writer.logSend(scope, send);
    holdNext = true;
    const racing = reader.cachedSummary(scope, NOW);
    await writer.logSend(scope, { ...send, recipient: { name: 'Sam Lee' } });
    release();
    expect((await racing).summary.entries).toBe(1);
    expect((await reader.cachedSummary(scope, NOW)).summary.entries).toBe(2);
  });

  it('answers from memory until it is told of a write, and a plain read always asks the store', async () => {
    await app.logSend(scope, send);
    expect(await entries()).toBe(1);
    // Another process: the same keys, none of this process's memory.
    const otherProcess = new Repository({ ...store.kv }, { clock: () => NOW });
    await otherProcess.logSend(scope, { ...send, recipient: { name: 'Sam Lee' } });
    expect(await entries()).toBe(1);
    expect((await app.summary(scope, NOW)).summary.entries).toBe(2);
    await app.logSend(scope, { ...send, recipient: { name: 'Ada Byron' } });
    expect(await entries()).toBe(3);
  });

  it('keeps each user’s read apart', async () => {
    const other = { teamId: 'T1', userId: 'U2' };
    await app.logSend(scope, send);
    expect(await entries()).toBe(1);
    expect((await app.cachedSummary(other, NOW)).summary.entries).toBe(0);
    await app.logSend(other, send);
    await app.logSend(other, { ...send, recipient: { name: 'Sam Lee' } });
    expect((await app.cachedSummary(other, NOW)).summary.entries).toBe(2);
    expect(await entries()).toBe(1);
  });
});
