/**
 * The digest bench's ledgers: 50 entries over 60 days for each user (a third
 * accepted, some ignored), in an in-memory kv with one map per user, so that
 * a user's read touches only their keys and the figure is the digest's own
 * cost, not a database's. Built the same way on the main thread and, through
 * `setupPass`, inside the digest pass thread (which holds its own copy).
 */
import Keyv from 'keyv';
import type { PassStore } from '../src/digest/pass-worker.js';
import { RosterRecord, rosterKey } from '../src/digest/roster.js';
import type { Outcome } from '../src/ledger/records.js';
import { LedgerRepository, scopePrefix } from '../src/ledger/store.js';
import { digestMessage } from '../src/slack/blocks/digest-message.js';
import { memoryClaims } from '../src/store/claims.js';
import { keyvKv, type LedgerKv } from '../src/store/kv.js';

export const ENTRIES = 50;
export const NOW = new Date('2026-11-23T10:00:00Z'); // a Monday after 09:00 UTC
const DAY = 24 * 60 * 60 * 1000;

export type PerUserKv = LedgerKv & { users: Map<string, Map<string, unknown>> };

/** A LedgerKv with one map per user prefix, so a user's scan touches only their keys. */
export function perUserKv(): PerUserKv {
  const users = new Map<string, Map<string, unknown>>();
  const userOf = (key: string) => key.slice(0, key.indexOf('/ledger/') + '/ledger/'.length);
  return {
    users,
    get: async (key) => users.get(userOf(key))?.get(key),
    async set(key, value) {
      const user = userOf(key);
      const map = users.get(user) ?? new Map<string, unknown>();
      users.set(user, map);
      map.set(key, value);
    },
    delete: async (key) => users.get(userOf(key))?.delete(key) ?? false,
    async *scan(prefix) {
      const map = users.get(userOf(prefix));
      if (map) for (const entry of map) if (entry[0].startsWith(prefix)) yield entry;
    },
    // One page per user, as an SQL store answers a ledger's range in one query.
    async *scanPages(prefix) {
      const map = users.get(userOf(prefix));
      if (map) yield [...map].filter((entry) => entry[0].startsWith(prefix));
    },
  };
}

export function benchScope(u: number): { teamId: string; userId: string } {
  return { teamId: 'TBENCH', userId: `U${u.toString(36).toUpperCase().padStart(6, '0')}` };
}

/** Writes one ledger through the repository, then copies it to `users` users. */
export async function seedLedgers(kv: PerUserKv, users: number): Promise<void> {
  const templateScope = { teamId: 'TBENCH', userId: 'UTEMPLATE' };
  let t = NOW.getTime() - 60 * DAY;
  const repo = new LedgerRepository(kv, { clock: () => new Date(t) });
  const outcomes: (Outcome | undefined)[] = ['accepted', undefined, 'ignored', undefined];
  for (let i = 0; i < ENTRIES; i++) {
    t = NOW.getTime() - 60 * DAY + i * (60 / ENTRIES) * DAY;
    const entry = await repo.logSend(templateScope, {
      recipient: { name: `Person ${i}`, profileUrl: `https://www.linkedin.com/in/person-${i}` },
      noteLength: i % 3 === 0 ? 0 : 140,
      source: 'manual',
    });
    const outcome = outcomes[i % outcomes.length];
    if (outcome) await repo.setOutcome(templateScope, entry.id, outcome, new Date(t + DAY));
  }
  const templatePrefix = scopePrefix(templateScope);
  const template = kv.users.get(templatePrefix) ?? new Map();
  kv.users.delete(templatePrefix);
  for (let u = 0; u < users; u++) {
    const prefix = scopePrefix(benchScope(u));
    const map = new Map<string, unknown>();
    for (const [key, value] of template) map.set(prefix + key.slice(templatePrefix.length), value);
    kv.users.set(prefix, map);
  }
}

/**
 * The roster's kv in the bench: a Map-backed keyv, scanned by key prefix
 * before anything is deserialised, as the SQL and Redis stores' native scans
 * do (keyv's own iterator would parse every record in the map, the digest
 * state written during the pass included).
 */
export function rosterKv(keyv: Keyv): LedgerKv {
  const base = keyvKv(keyv);
  const map = keyv.store as Map<string, unknown>;
  const namespace = keyv.namespace ? `${keyv.namespace}:` : '';
  return {
    ...base,
    async *scan(prefix) {
      const full = namespace + prefix;
      for (const key of [...map.keys()]) {
        if (!key.startsWith(full)) continue;
        const value = await keyv.get(key.slice(namespace.length));
        if (value !== undefined) yield [key.slice(namespace.length), value];
      }
    },
  };
}

/**
 * The pass thread's setup in the bench: its own seeded copy of the ledgers,
 * every user on a Map-backed roster, and claims in memory.
 */
export async function setupPass(
  data: { users: number; concurrency: number },
  clock: () => Date,
): Promise<PassStore> {
  const kv = perUserKv();
  await seedLedgers(kv, data.users);
  const roster = new Keyv();
  for (let u = 0; u < data.users; u++) {
    const scope = benchScope(u);
    await roster.set(rosterKey(scope), RosterRecord.parse({ ...scope, timeZone: 'UTC' }));
  }
  return {
    deps: {
      kv: rosterKv(roster),
      ledger: new LedgerRepository(kv, { clock }),
      claims: memoryClaims(() => clock().getTime()),
      concurrency: data.concurrency,
      render: digestMessage,
    },
    close: async () => {},
  };
}
