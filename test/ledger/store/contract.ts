/**
 * One suite for every store the ledger runs on: memory, SQLite, Redis and
 * Postgres. `open` gives a fresh, empty place for each test file.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LedgerInputError, LedgerRecordError } from '../../../src/ledger/errors.js';
import { status } from '../../../src/ledger/policy/status.js';
import { currentStatus } from '../../../src/ledger/records.js';
import { summaryKey } from '../../../src/ledger/scope.js';
import { LedgerRepository, type LedgerScope, scopePrefix } from '../../../src/ledger/store.js';
import type { LedgerKv } from '../../../src/store/kv.js';

export interface SuiteStore {
  kv: LedgerKv;
  /** The same store listed another way (keyv's iterator), to check that `kv.scan` agrees with it. */
  iteratorKv?: LedgerKv;
  close(): Promise<void>;
}

let users = 0;
/** A user of its own for each test, so that tests do not depend on each other's data. */
function newUser(): LedgerScope {
  users += 1;
  return { enterpriseId: 'E1', teamId: 'T1', userId: `U${users}` };
}

const NOW = new Date('2026-03-10T12:00:00.000Z');

export function ledgerStoreSuite(name: string, open: () => Promise<SuiteStore>): void {
  describe(`ledger store on ${name}`, () => {
    let store: SuiteStore;
    let repo: LedgerRepository;

    beforeAll(async () => {
      store = await open();
      repo = new LedgerRepository(store.kv, { clock: () => NOW });
    });
    afterAll(async () => {
      await store?.close();
    });

    it('logs a send and lists it back, validated', async () => {
      const me = newUser();
      const logged = await repo.logSend(me, {
        recipient: { name: 'Jane Doe', profileUrl: 'linkedin.com/in/jane-doe' },
        noteLength: 142,
        source: 'check',
      });
      expect(logged).toMatchObject({
        recipient: { name: 'Jane Doe', profileUrl: 'https://www.linkedin.com/in/jane-doe/' },
        sentAt: NOW.toISOString(),
        personalised: true,
        noteLength: 142,
        source: 'check',
        history: [{ status: 'pending', at: NOW.toISOString() }],
      });
      expect(await repo.list(me)).toEqual([logged]);
      expect(await repo.pending(me)).toEqual([logged]);
    });

    it('logs many new sends at once (an import), read back like single ones, and checks them all first', async () => {
      const me = newUser();
      const sends = Array.from({ length: 120 }, (_, i) => ({
        id: `import-bulk${i}`,
        recipient: { name: `Bulk ${i}`, profileUrl: `linkedin.com/in/bulk-${i}` },
        noteLength: i % 2 === 0 ? 0 : 80,
        ...(i % 2 === 0 ? {} : { traits: { context: true, nextStep: i % 3 === 0 } }),
        source: 'import' as const,
        sentAt: new Date(NOW.getTime() - i * 60_000),
      }));
      await repo.logNewSends(me, sends);
      const listed = await repo.list(me);
      expect(listed).toHaveLength(120);
      expect(await repo.get(me, 'import-bulk7')).toEqual(
        listed.find((e) => e.id === 'import-bulk7'),
      );
      expect(listed.find((e) => e.id === 'import-bulk7')).toMatchObject({
        recipient: { name: 'Bulk 7', profileUrl: 'https://www.linkedin.com/in/bulk-7/' },
        noteLength: 80,
        traits: { context: true, nextStep: false },
        source: 'import',
      });
      // Written again (two imports at once), still one entry each.
      await repo.logNewSends(me, sends.slice(0, 10));
      expect(await repo.list(me)).toHaveLength(120);
      const other = newUser();
      await expect(
        repo.logNewSends(other, [
          { ...sends[0], id: 'import-ok' } as (typeof sends)[0],
          { ...sends[1], id: 'import-bad', noteLength: -1 } as (typeof sends)[0],
        ]),
      ).rejects.toThrow(LedgerInputError);
      expect(await repo.list(other)).toEqual([]);
    });

    it.each([
      ['no recipient', { recipient: {}, noteLength: 0, source: 'manual' }, /Say who/],
      [
        'a company page',
        { recipient: { profileUrl: 'linkedin.com/company/x' }, noteLength: 0, source: 'manual' },
        /profile/,
      ],
      [
        'a negative length',
        { recipient: { name: 'A' }, noteLength: -1, source: 'manual' },
        /noteLength/,
      ],
      ['an unknown source', { recipient: { name: 'A' }, noteLength: 0, source: 'fax' }, /source/],
      [
        'an invalid date',
        { recipient: { name: 'A' }, noteLength: 0, source: 'manual', sentAt: new Date('x') },
        /sentAt|date/i,
      ],
      [
        'an unsafe id',
        { recipient: { name: 'A' }, noteLength: 0, source: 'manual', id: 'a:b' },
        /id/,
      ],
      [
        'traits without a note',
        {
          recipient: { name: 'A' },
          noteLength: 0,
          source: 'check',
          traits: { context: true, nextStep: true },
        },
        /without a note has no traits/,
      ],
      [
        'traits that are not yes or no',
        { recipient: { name: 'A' }, noteLength: 9, source: 'check', traits: { context: 'yes' } },
        /traits/,
      ],
    ])('rejects %s and writes nothing', async (_label, input, message) => {
      const me = newUser();
      await expect(repo.logSend(me, input as never)).rejects.toThrow(LedgerInputError);
      await expect(repo.logSend(me, input as never)).rejects.toThrow(message);
      expect(await repo.list(me)).toEqual([]);
    });

    it.each([
      [{ teamId: 'T1', userId: 'U1:*' }, /user id/],
      [{ teamId: 'T1', userId: 'u1' }, /user id/],
      [{ teamId: 'T1/u/U2', userId: 'U1' }, /team or enterprise/],
      [{ teamId: '', userId: 'U1' }, /team or enterprise/],
      [{ userId: 'U1' }, /team or enterprise/],
      [{ enterpriseId: 'E1/', userId: 'U1' }, /enterprise id/],
    ])('rejects the scope %j before touching the store', async (scope, message) => {
      await expect(repo.list(scope)).rejects.toThrow(message);
      await expect(
        repo.logSend(scope, { recipient: { name: 'A' }, noteLength: 0, source: 'manual' }),
      ).rejects.toThrow(LedgerInputError);
    });

    it('keeps a note’s traits with its send; a send stored without them is still read', async () => {
      const me = newUser();
      const checked = await repo.logSend(me, {
        recipient: { name: 'Ana' },
        noteLength: 120,
        source: 'check',
        traits: { context: true, nextStep: false },
      });
      expect(checked.traits).toEqual({ context: true, nextStep: false });
      const raw = await store.kv.get(`${scopePrefix(me)}send:${checked.id}`);
      expect(raw).toMatchObject({ traits: { context: true, nextStep: false } });
      // As a release before traits wrote it: no field at all.
      const { traits: _traits, ...before } = raw as Record<string, unknown>;
      await store.kv.set(`${scopePrefix(me)}send:older`, { ...before, id: 'older' });
      const listed = await repo.list(me);
      expect(listed.find((e) => e.id === checked.id)?.traits).toEqual(checked.traits);
      expect(listed.find((e) => e.id === 'older')).not.toHaveProperty('traits');
      expect(await repo.get(me, checked.id)).toEqual(checked);
      expect((await repo.get(me, 'older'))?.noteLength).toBe(120);
    });

    it('keeps the same idempotency id once', async () => {
      const me = newUser();
      const input = {
        recipient: { name: 'Sam' },
        noteLength: 0,
        source: 'check' as const,
        id: 'slack-action-123',
      };
      const first = await repo.logSend(me, input);
      await repo.setOutcome(me, first.id, 'accepted');
      const again = await repo.logSend(me, { ...input, recipient: { name: 'Someone Else' } });
      expect(again.recipient).toEqual({ name: 'Sam' });
      expect(again.history.map((h) => h.status)).toEqual(['pending', 'accepted']);
      expect((await repo.list(me)).map((e) => e.id)).toEqual(['slack-action-123']);
      expect(await repo.get(me, 'slack-action-123')).toEqual(again);
      expect(await repo.get(me, 'missing')).toBeUndefined();
      expect(await repo.get(me, 'bad:id')).toBeUndefined();
    });

    it('refuses a send stored under another id', async () => {
      const me = newUser();
      const e = await repo.logSend(me, {
        recipient: { name: 'Ana' },
        noteLength: 0,
        source: 'manual',
      });
      const { history: _history, ...send } = e;
      const key = `${scopePrefix(me)}send:moved`;
      await store.kv.set(key, send);
      await expect(repo.list(me)).rejects.toThrow(/holds another id/);
      await expect(repo.get(me, 'moved')).rejects.toThrow(/holds another id/);
      await store.kv.delete(key);
    });

    it('refuses an outcome stored under another status', async () => {
      const me = newUser();
      const e = await repo.logSend(me, {
        recipient: { name: 'Ana' },
        noteLength: 0,
        source: 'manual',
      });
      const key = `${scopePrefix(me)}outcome:${e.id}:ignored`;
      await store.kv.set(key, {
        schemaVersion: 1,
        entryId: e.id,
        status: 'accepted',
        at: e.sentAt,
      });
      await expect(repo.list(me)).rejects.toThrow(/holds another entry or outcome/);
      await expect(repo.get(me, e.id)).rejects.toThrow(/holds another entry or outcome/);
      await store.kv.delete(key);
      expect(await repo.get(me, e.id)).toEqual(e);
    });

    it('records outcomes as history, the latest being the status', async () => {
      const me = newUser();
      const e = await repo.logSend(me, {
        recipient: { name: 'Ana' },
        noteLength: 0,
        source: 'manual',
      });
      const ignored = await repo.setOutcome(me, e.id, 'ignored', new Date('2026-03-20T00:00:00Z'));
      expect(currentStatus(ignored)).toBe('ignored');
      const accepted = await repo.setOutcome(
        me,
        e.id,
        'accepted',
        new Date('2026-03-25T00:00:00Z'),
      );
      expect(accepted.history.map((h) => h.status)).toEqual(['pending', 'ignored', 'accepted']);
      expect(await repo.list(me)).toEqual([accepted]);
      expect(await repo.pending(me)).toEqual([]);
    });

    it.each([
      ['an unknown entry', 'nope', 'accepted', NOW, /no such invitation/],
      ['pending as an outcome', undefined, 'pending', NOW, /outcome must be/],
      [
        'a time before the send',
        undefined,
        'accepted',
        new Date('2026-03-01T00:00:00Z'),
        /before the invitation/,
      ],
    ])('setOutcome rejects %s and writes nothing', async (_label, id, outcome, at, message) => {
      const me = newUser();
      const e = await repo.logSend(me, {
        recipient: { name: 'Ana' },
        noteLength: 0,
        source: 'manual',
      });
      await expect(repo.setOutcome(me, id ?? e.id, outcome as never, at)).rejects.toThrow(message);
      expect(await repo.list(me)).toEqual([e]);
    });

    it('finds every entry for a name, newest first, so the caller can ask which', async () => {
      const me = newUser();
      const first = await repo.logSend(me, {
        recipient: { name: 'José Silva' },
        noteLength: 0,
        source: 'manual',
        sentAt: new Date('2026-03-01T00:00:00Z'),
      });
      const second = await repo.logSend(me, {
        recipient: { name: 'JOSE SILVA', profileUrl: 'https://www.linkedin.com/in/jsilva/' },
        noteLength: 0,
        source: 'manual',
      });
      await repo.logSend(me, {
        recipient: { name: 'Josefa Silva' },
        noteLength: 0,
        source: 'manual',
      });
      const found = await repo.findByRecipient(me, { name: 'jose silva' });
      expect(found.map((e) => e.id)).toEqual([second.id, first.id]);
      expect(
        (await repo.findByRecipient(me, { profileUrl: 'linkedin.com/in/JSilva' })).map((e) => e.id),
      ).toEqual([second.id]);
      await repo.setOutcome(me, first.id, 'withdrawn');
      expect(
        (await repo.findByRecipient(me, { name: 'José Silva' }, { status: 'pending' })).map(
          (e) => e.id,
        ),
      ).toEqual([second.id]);
    });

    it('keeps users apart: same user id in another enterprise or team sees nothing', async () => {
      const me = newUser();
      await repo.logSend(me, { recipient: { name: 'Ana' }, noteLength: 0, source: 'manual' });
      expect(await repo.list({ ...me, enterpriseId: 'E2' })).toEqual([]);
      expect(await repo.list({ ...me, enterpriseId: undefined })).toEqual([]);
      expect(await repo.list({ ...me, userId: `${me.userId}0` })).toEqual([]);
      for (const other of [
        { ...me, enterpriseId: 'E2' },
        { ...me, enterpriseId: undefined },
      ]) {
        await repo.forgetUser(other);
      }
      expect(await repo.list(me)).toHaveLength(1);
      // On Enterprise Grid the user is one user across the org's workspaces.
      expect(await repo.list({ ...me, teamId: 'T2' })).toHaveLength(1);
      expect(await repo.list({ enterpriseId: me.enterpriseId, userId: me.userId })).toHaveLength(1);
    });

    it('keeps a team user apart from the same ids in another team', async () => {
      const me = { teamId: 'T7', userId: newUser().userId };
      await repo.logSend(me, { recipient: { name: 'Ana' }, noteLength: 0, source: 'manual' });
      expect(await repo.list({ ...me, teamId: 'T8' })).toEqual([]);
      expect(await repo.list(me)).toHaveLength(1);
    });

    it('keeps settings, validates them and uses them for status', async () => {
      const me = newUser();
      expect(await repo.getSettings(me)).toMatchObject({
        weeklyCap: 100,
        account: 'basic',
        timeZone: 'UTC',
      });
      await expect(repo.updateSettings(me, { weeklyCap: 500 })).rejects.toThrow(LedgerInputError);
      await expect(repo.updateSettings(me, { timeZone: 'Nowhere/Land' })).rejects.toThrow(
        /time zone/,
      );
      await repo.updateSettings(me, { weeklyCap: 150, timeZone: 'Europe/Paris' });
      expect(await repo.getSettings(me)).toMatchObject({
        weeklyCap: 150,
        timeZone: 'Europe/Paris',
      });
      await repo.logSend(me, { recipient: { name: 'Ana' }, noteLength: 30, source: 'draft' });
      const summary = await repo.status(me, NOW);
      expect(summary.week).toEqual({ sent: 1, cap: 150 });
      expect(summary.notes).toEqual({ used: 1, limit: 3, left: 2 });
    });

    it('exports RFC 4180 CSV with awkward names quoted and formulas defused', async () => {
      const me = newUser();
      const e = await repo.logSend(me, {
        recipient: { name: 'Doe, "JJ"' },
        noteLength: 12,
        source: 'check',
        traits: { context: true, nextStep: false },
      });
      await repo.logSend(me, {
        recipient: { name: '=HYPERLINK("x")' },
        noteLength: 0,
        source: 'import',
        sentAt: new Date('2026-03-11T00:00:00Z'),
      });
      const csv = await repo.exportCsv(me);
      const lines = csv.split('\r\n');
      expect(lines[0]).toBe(
        'id,recipient_name,profile_url,sent_at,personalised,note_length,source,status,status_at,history,note_context,note_next_step',
      );
      expect(lines[1]).toBe(
        `${e.id},"Doe, ""JJ""",,2026-03-10T12:00:00.000Z,yes,12,check,pending,2026-03-10T12:00:00.000Z,pending 2026-03-10T12:00:00.000Z,yes,no`,
      );
      expect(lines[2]).toContain(`,"'=HYPERLINK(""x"")",`);
      // No note, so no traits: blank, not "no".
      expect(lines[2]).toMatch(/,,$/);
      expect(lines).toHaveLength(4);
      expect(lines[3]).toBe('');
    });

    it('forgets a user: every record, and nothing of anyone else', async () => {
      const me = newUser();
      const neighbour = newUser();
      const e = await repo.logSend(me, {
        recipient: { name: 'Ana' },
        noteLength: 0,
        source: 'manual',
      });
      await repo.setOutcome(me, e.id, 'accepted');
      await repo.updateSettings(me, { weeklyCap: 120 });
      await repo.logSend(neighbour, { recipient: { name: 'Bo' }, noteLength: 0, source: 'manual' });
      expect(await repo.forgetUser(me)).toBe(3);
      expect(await repo.list(me)).toEqual([]);
      expect(await repo.getSettings(me)).toMatchObject({ weeklyCap: 100 });
      const left: string[] = [];
      for await (const [key] of store.kv.scan(scopePrefix(me))) left.push(key);
      expect(left).toEqual([]);
      expect(await repo.list(neighbour)).toHaveLength(1);
    });

    it('refuses a corrupted record on read, naming its key', async () => {
      const me = newUser();
      const key = `${scopePrefix(me)}send:broken`;
      await store.kv.set(key, { schemaVersion: 1, id: 'broken', recipient: {} });
      await expect(repo.list(me)).rejects.toThrow(LedgerRecordError);
      await expect(repo.list(me)).rejects.toThrow(key);
      expect(await repo.forgetUser(me)).toBe(1);
      expect(await repo.list(me)).toEqual([]);
    });

    it('refuses an outcome stored with a time before its send', async () => {
      const me = newUser();
      const e = await repo.logSend(me, {
        recipient: { name: 'Ana' },
        noteLength: 0,
        source: 'manual',
      });
      const key = `${scopePrefix(me)}outcome:${e.id}:accepted`;
      await store.kv.set(key, {
        schemaVersion: 1,
        entryId: e.id,
        status: 'accepted',
        at: '2020-01-01T00:00:00.000Z',
      });
      await expect(repo.list(me)).rejects.toThrow(/outcome before it was sent/);
      await store.kv.delete(key);
      expect(await repo.list(me)).toEqual([e]);
    });

    it('lists exactly the keys under a prefix, as keyv iterates them', async () => {
      const me = newUser();
      const neighbour = { ...me, userId: `${me.userId}0` };
      const e = await repo.logSend(me, {
        recipient: { name: 'Ana' },
        noteLength: 0,
        source: 'manual',
      });
      await repo.setOutcome(me, e.id, 'accepted');
      await repo.updateSettings(me, { weeklyCap: 110 });
      await repo.logSend(neighbour, { recipient: { name: 'Bo' }, noteLength: 0, source: 'manual' });
      const list = async (kv: LedgerKv) => {
        const found: [string, unknown][] = [];
        for await (const pair of kv.scan(scopePrefix(me))) found.push(pair);
        return found.sort(([a], [b]) => (a < b ? -1 : 1));
      };
      const scanned = await list(store.kv);
      expect(scanned.map(([key]) => key.slice(scopePrefix(me).length))).toEqual([
        `outcome:${e.id}:accepted`,
        `send:${e.id}`,
        'settings',
      ]);
      for (const [key, value] of scanned) expect(await store.kv.get(key)).toEqual(value);
      if (store.iteratorKv) expect(await list(store.iteratorKv)).toEqual(scanned);
    });

    it('keeps all 200 sends fired at once in one process', async () => {
      const me = newUser();
      await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          repo.logSend(me, { recipient: { name: `Person ${i}` }, noteLength: 0, source: 'manual' }),
        ),
      );
      const entries = await repo.list(me);
      expect(entries).toHaveLength(200);
      expect(new Set(entries.map((e) => e.recipient.name)).size).toBe(200);
    });

    it('reads status from the summary kept with each write, equal to judging every entry', async () => {
      const me = newUser();
      const sent = [];
      for (let i = 0; i < 12; i++) {
        sent.push(
          await repo.logSend(me, {
            recipient: { name: `Person ${i}` },
            noteLength: i % 3 === 0 ? 50 : 0,
            source: 'manual',
            sentAt: new Date(NOW.getTime() - i * 2.5 * 86_400_000),
          }),
        );
      }
      await repo.logNewSends(me, [
        {
          id: 'imported-1',
          recipient: { name: 'Imported' },
          noteLength: 0,
          source: 'import',
          sentAt: new Date('2026-01-02T00:00:00Z'),
        },
      ]);
      await repo.setOutcome(me, sent[1]?.id ?? '', 'accepted');
      await repo.setOutcome(me, sent[2]?.id ?? '', 'idk');
      await repo.setOutcome(me, sent[2]?.id ?? '', 'withdrawn');
      await repo.setOutcome(me, sent[1]?.id ?? '', 'accepted', new Date(NOW.getTime() + 1000));
      await repo.updateSettings(me, { timeZone: 'Asia/Kolkata', weeklyCap: 150 });
      const fromSummary = await repo.status(me, NOW);
      const { entries, settings } = await repo.snapshot(me);
      expect(entries).toHaveLength(13);
      expect(fromSummary).toEqual(status(entries, settings, NOW));
      expect(fromSummary.idk.count).toBe(1);
      expect(fromSummary.pending.count).toBe(11);
    });

    it('rebuilds a summary that was written around, or is missing, from the entries', async () => {
      const me = newUser();
      const first = await repo.logSend(me, {
        recipient: { name: 'Ana' },
        noteLength: 0,
        source: 'manual',
      });
      // A send written by something that does not keep the summary (an older version, by hand).
      const { history: _history, ...send } = { ...first, id: 'around', recipient: { name: 'Bo' } };
      await store.kv.set(`${scopePrefix(me)}send:around`, send);
      await repo.list(me); // a full read finds the summary counting one entry, and rebuilds it
      await vi.waitFor(async () => expect((await repo.status(me, NOW)).pending.count).toBe(2));
      await store.kv.delete(summaryKey(me));
      await repo.logSend(me, { recipient: { name: 'Cy' }, noteLength: 0, source: 'manual' });
      expect((await repo.status(me, NOW)).pending.count).toBe(3);
    });

    it('keeps outcomes set at the same moment on one entry', async () => {
      const me = newUser();
      const e = await repo.logSend(me, {
        recipient: { name: 'Ana' },
        noteLength: 0,
        source: 'manual',
      });
      await Promise.all([
        repo.setOutcome(me, e.id, 'withdrawn', new Date('2026-03-12T00:00:00Z')),
        repo.setOutcome(me, e.id, 'accepted', new Date('2026-03-11T00:00:00Z')),
      ]);
      const [after] = await repo.list(me);
      expect(after?.history.map((h) => h.status)).toEqual(['pending', 'accepted', 'withdrawn']);
    });
  });
}
