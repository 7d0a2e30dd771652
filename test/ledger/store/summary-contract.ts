/**
 * The stored summary on every store the ledger runs on: a small head written
 * with each send and outcome, its lists folded in now and then, and a head or
 * lists this version cannot use rebuilt from the entries.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { status } from '../../../src/ledger/policy/status.js';
import { SUMMARY_VERSION } from '../../../src/ledger/policy/summary.js';
import { summaryKey } from '../../../src/ledger/scope.js';
import { LedgerRepository, type LedgerScope } from '../../../src/ledger/store.js';
import { LOG_LIMIT, listsKey } from '../../../src/ledger/summary-record.js';
import type { SuiteStore } from './contract.js';

const NOW = new Date('2026-03-10T12:00:00.000Z');
const DAY = 86_400_000;

let users = 0;
function newUser(): LedgerScope {
  users += 1;
  return { teamId: 'TSUM', userId: `USUM${users}` };
}

export function summaryStoreSuite(name: string, open: () => Promise<SuiteStore>): void {
  // Many writes one after another on a real store: more than the default 5 s on a busy machine.
  describe(`the stored summary on ${name}`, { timeout: 30_000 }, () => {
    let store: SuiteStore;
    let repo: LedgerRepository;

    beforeAll(async () => {
      store = await open();
      repo = new LedgerRepository(store.kv, { clock: () => NOW });
    });
    afterAll(async () => {
      await store?.close();
    });

    /** `count` sends over the last weeks, every third with a note; the entries logged. */
    async function sendMany(me: LedgerScope, count: number) {
      const sent = [];
      for (let i = 0; i < count; i++) {
        sent.push(
          await repo.logSend(me, {
            recipient: { name: `Person ${i}` },
            noteLength: i % 3 === 0 ? 40 : 0,
            source: 'manual',
            sentAt: new Date(NOW.getTime() - ((i * 7) % 40) * DAY - i * 1000),
          }),
        );
      }
      return sent;
    }

    async function expectStatusOfEveryEntry(me: LedgerScope) {
      const fromSummary = await repo.status(me, NOW);
      const { entries, settings } = await repo.snapshot(me);
      expect(fromSummary).toEqual(status(entries, settings, NOW));
      return fromSummary;
    }

    it('gives the status of every entry across many more writes than the head logs', async () => {
      const me = newUser();
      const sent = await sendMany(me, 2 * LOG_LIMIT + 5);
      for (let i = 0; i < sent.length; i += 4) {
        await repo.setOutcome(me, sent[i]?.id ?? '', i % 8 === 0 ? 'accepted' : 'idk');
      }
      await repo.logNewSends(me, [
        {
          id: 'imported-old',
          recipient: { name: 'Imported' },
          noteLength: 0,
          source: 'import',
          sentAt: new Date(NOW.getTime() - 300 * DAY),
        },
      ]);
      const fromSummary = await expectStatusOfEveryEntry(me);
      expect(fromSummary.pending.count).toBe(sent.length + 1 - Math.ceil(sent.length / 4));
    });

    it('rebuilds a summary written by an older version', async () => {
      const me = newUser();
      await sendMany(me, 5);
      // The shape version 1 stored (one record, the lists in it), counting nothing.
      await store.kv.set(summaryKey(me), {
        version: 1,
        seq: 7,
        horizon: NOW.getTime() - 120 * DAY,
        sentAt: [],
        flags: [],
        pendingAt: [],
        pendingIds: [],
        idk: 0,
        byStatus: { pending: 0, accepted: 0, ignored: 0, withdrawn: 0, idk: 0 },
        entries: 0,
        changes: 0,
      });
      expect((await expectStatusOfEveryEntry(me)).pending.count).toBe(5);
      await sendMany(me, 1);
      expect((await expectStatusOfEveryEntry(me)).pending.count).toBe(6);
      const head = await store.kv.conditional?.getVersioned(summaryKey(me));
      expect(head?.value).toMatchObject({ version: SUMMARY_VERSION, entries: 6 });
    });

    it('rebuilds a summary whose lists were lost', async () => {
      const me = newUser();
      await sendMany(me, LOG_LIMIT + 3);
      await store.kv.delete(listsKey(summaryKey(me)));
      expect((await expectStatusOfEveryEntry(me)).pending.count).toBe(LOG_LIMIT + 3);
      await vi.waitFor(async () =>
        expect(await store.kv.conditional?.getVersioned(listsKey(summaryKey(me)))).toBeDefined(),
      );
      await sendMany(me, 1);
      expect((await expectStatusOfEveryEntry(me)).pending.count).toBe(LOG_LIMIT + 4);
    });

    it('counts every send when two instances on one store take turns', async () => {
      const me = newUser();
      // Each instance tries the head it wrote last: written since by the other, it reads again.
      const other = new LedgerRepository(store.kv, { clock: () => NOW });
      for (let i = 0; i < LOG_LIMIT + 6; i++) {
        await (i % 3 === 0 ? other : repo).logSend(me, {
          recipient: { name: `Turn ${i}` },
          noteLength: 0,
          source: 'manual',
        });
      }
      expect((await expectStatusOfEveryEntry(me)).pending.count).toBe(LOG_LIMIT + 6);
      expect((await other.status(me, NOW)).pending.count).toBe(LOG_LIMIT + 6);
    });

    it('forgets the summary with the user', async () => {
      const me = newUser();
      await sendMany(me, LOG_LIMIT + 1);
      expect(await repo.forgetUser(me)).toBe(LOG_LIMIT + 1);
      expect((await store.kv.get(summaryKey(me))) ?? undefined).toBeUndefined();
      expect((await store.kv.get(listsKey(summaryKey(me)))) ?? undefined).toBeUndefined();
      expect((await repo.status(me, NOW)).pending.count).toBe(0);
    });
  });
}
