/**
 * The digest bench's ledgers: 50 entries over 60 days for each user (a third
 * accepted, some ignored), in an in-memory kv with one map per user, so that
 * a user's read touches only their keys and the figure is the digest's own
 * cost, not a database's. With conditional writes, as the SQLite, Redis and
 * Postgres stores have: each user's ledger summary is kept beside it, and a
 * digest's read checks the entries against it, as in production. Built the
 * same way on the main thread and, through `setupPass`, inside the digest
 * pass thread (which holds its own copy).
 */
import Keyv from 'keyv';
import type { PassStore } from '../src/digest/pass-worker.js';
import { RosterRecord, rosterKey } from '../src/digest/roster.js';
import type { Outcome } from '../src/ledger/records.js';
import { summaryKey } from '../src/ledger/scope.js';
import { LedgerRepository, scopePrefix } from '../src/ledger/store.js';
import { digestMessage } from '../src/slack/blocks/digest-message.js';
import { memoryClaims } from '../src/store/claims.js';
import { type ConditionalWrites, memoryConditionalWrites } from '../src/store/conditional.js';
import { keyvKv, type LedgerKv } from '../src/store/kv.js';

export const ENTRIES = 50;
export const NOW = new Date('2026-11-23T10:00:00Z'); // a Monday after 09:00 UTC
const DAY = 24 * 60 * 60 * 1000;

export type PerUserKv = LedgerKv & { users: Map<string, Map<string, unknown>> };

const LEDGER = '/ledger/';
const SUMMARY = '/ledger-summary';

/**
 * The map a key lives in: its user's, the summary beside the ledger included
 * (its head `…/ledger-summary` and its lists `…/ledger-summary:lists`, which a
 * real store keeps in the user's range too: missing them, every read of the
 * summary found it unreadable and rewrote it, a cost no user pays).
 */
function userOf(key: string): string {
  const summary = key.lastIndexOf(SUMMARY);
  if (summary >= 0 && !key.includes(LEDGER, summary)) return key.slice(0, summary) + LEDGER;
  return key.slice(0, key.indexOf(LEDGER) + LEDGER.length);
}

/** Compare-and-set on the user's own map: a summary and the records it counts are one user's. */
function perUserConditional(users: Map<string, Map<string, unknown>>): ConditionalWrites {
  const mapOf = (key: string) => {
    const user = userOf(key);
    const map = users.get(user) ?? new Map<string, unknown>();
    users.set(user, map);
    return memoryConditionalWrites(map);
  };
  return {
    getVersioned: (key) => mapOf(key).getVersioned(key),
    createIfAbsent: (key, value) => mapOf(key).createIfAbsent(key, value),
    setIfUnchanged: (guard, token, entries) => mapOf(guard).setIfUnchanged(guard, token, entries),
  };
}

/** A LedgerKv with one map per user prefix, so a user's scan touches only their keys. */
export function perUserKv(): PerUserKv {
  const users = new Map<string, Map<string, unknown>>();
  return {
    users,
    conditional: perUserConditional(users),
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

/** One user's ledger as the bench seeds it: its records and summary, as kept under `prefix`. */
export type TemplateLedger = { prefix: string; summary: string; records: Map<string, unknown> };

/**
 * Writes one ledger through the repository, on a kv with conditional writes,
 * so that its summary is written with its records as in production.
 */
export async function templateLedger(): Promise<TemplateLedger> {
  const scope = { teamId: 'TBENCH', userId: 'UTEMPLATE' };
  const kv = perUserKv();
  let t = NOW.getTime() - 60 * DAY;
  const repo = new LedgerRepository(kv, { clock: () => new Date(t) });
  const outcomes: (Outcome | undefined)[] = ['accepted', undefined, 'ignored', undefined];
  for (let i = 0; i < ENTRIES; i++) {
    t = NOW.getTime() - 60 * DAY + i * (60 / ENTRIES) * DAY;
    const entry = await repo.logSend(scope, {
      recipient: { name: `Person ${i}`, profileUrl: `https://www.linkedin.com/in/person-${i}` },
      noteLength: i % 3 === 0 ? 0 : 140,
      source: 'manual',
    });
    const outcome = outcomes[i % outcomes.length];
    if (outcome) await repo.setOutcome(scope, entry.id, outcome, new Date(t + DAY));
  }
  const prefix = scopePrefix(scope);
  const records = kv.users.get(prefix) ?? new Map<string, unknown>();
  if (!records.has(summaryKey(scope))) throw new Error('bench ledger: no summary was written');
  return { prefix, summary: summaryKey(scope), records };
}

/** Gives user `u` a copy of the template's records and summary. */
export function copyLedger(kv: PerUserKv, template: TemplateLedger, u: number): void {
  const scope = benchScope(u);
  const prefix = scopePrefix(scope);
  const map = new Map<string, unknown>();
  for (const [key, value] of template.records) {
    // The summary's head and lists keys follow the user's summary key; the records, their prefix.
    const copied = key.startsWith(template.summary)
      ? summaryKey(scope) + key.slice(template.summary.length)
      : prefix + key.slice(template.prefix.length);
    map.set(copied, value);
  }
  kv.users.set(prefix, map);
}

/** The template ledger copied to each of `users` users. */
export async function seedLedgers(kv: PerUserKv, users: number): Promise<void> {
  const template = await templateLedger();
  for (let u = 0; u < users; u++) copyLedger(kv, template, u);
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
