import type { ConditionalWrites } from '../store/conditional.js';
import { LedgerStoreError } from '../store/kv.js';
import { DAY_MS } from './policy/defaults.js';
import {
  type LedgerSummary,
  pruneSummary,
  SUMMARY_RETAIN_DAYS,
  SUMMARY_VERSION,
  summarise,
} from './policy/summary.js';
import type { LedgerSnapshot } from './read.js';
import { STATUSES } from './records.js';

/** The summary as stored: `seq` changes with every write, so no two writes leave the same text. */
export type StoredSummary = LedgerSummary & { seq: number };

/** What a write does to the ledger, planned against the summary it read. */
export interface SummaryPlan<T> {
  result: T;
  /** The records to write with the summary; none: nothing is written. */
  writes: Array<[string, unknown]>;
  /** Changes the summary (read just now, a copy) to count the writes. */
  change?: (summary: LedgerSummary) => void;
  /** Or replaces it whole. */
  replace?: LedgerSummary;
}

interface Waiting {
  plan: (summary: LedgerSummary) => Promise<SummaryPlan<unknown>>;
  batchable: boolean;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

// How long an empty read stands in for a rebuild.
const SEEN_MS = 5000;

// Writers that keep losing the race: each try waits a little longer, at random.
const MAX_TRIES = 60;

const isCount = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
const isTime = (n: unknown) => typeof n === 'number' && Number.isFinite(n);

/**
 * Where a new summary's write count starts: at random, so that a summary
 * built again (after the user was forgotten) never repeats the text of an
 * earlier one that a slow writer may still hold a token for.
 */
function firstSeq(): number {
  return Math.floor(Math.random() * 2 ** 31);
}

/** Whether `value` is a summary this version wrote (anything else is rebuilt, never trusted). */
export function isStoredSummary(value: unknown): value is StoredSummary {
  const s = value as Partial<StoredSummary> | null | undefined;
  if (typeof s !== 'object' || s === null || s.version !== SUMMARY_VERSION) return false;
  if (!isCount(s.seq) || !isCount(s.idk) || !isCount(s.entries) || !isCount(s.changes))
    return false;
  if (typeof s.horizon !== 'number' || Number.isNaN(s.horizon)) return false;
  const { sentAt, flags, pendingAt, pendingIds, byStatus } = s;
  if (!Array.isArray(sentAt) || !Array.isArray(flags) || sentAt.length !== flags.length)
    return false;
  if (!Array.isArray(pendingAt) || !Array.isArray(pendingIds)) return false;
  if (pendingAt.length !== pendingIds.length) return false;
  if (!sentAt.every(isTime) || !flags.every(isCount) || !pendingAt.every(isTime)) return false;
  if (!pendingIds.every((id) => typeof id === 'string')) return false;
  if (typeof byStatus !== 'object' || byStatus === null) return false;
  return STATUSES.every((st) => isCount(byStatus[st]));
}

/** The summary a full read gives, pruned as writes at `now` would prune it. */
export function summaryOfSnapshot(snapshot: LedgerSnapshot, now: number): LedgerSummary {
  return summarise(snapshot.entries, now - SUMMARY_RETAIN_DAYS * DAY_MS);
}

/** Whether a stored summary counts what a full read found (one that does not has drifted). */
export function agreesWith(stored: LedgerSummary, read: LedgerSummary): boolean {
  return (
    stored.entries === read.entries &&
    stored.changes === read.changes &&
    stored.idk === read.idk &&
    stored.pendingIds.length === read.pendingIds.length &&
    STATUSES.every((st) => stored.byStatus[st] === read.byStatus[st])
  );
}

/**
 * Keeps each user's summary beside the ledger with compare-and-set: every
 * write of a send or an outcome goes into the store in one conditional write
 * with the summary that counts it, so the two never disagree. A writer that
 * finds the summary changed since it read it writes nothing and tries again;
 * one that finds none builds it from the entries first. Within this process,
 * writers for one user queue, so that they do not race each other.
 */
export class SummaryStore {
  readonly #writes: ConditionalWrites;
  readonly #clock: () => Date;
  readonly #rebuild: (prefix: string) => Promise<LedgerSnapshot>;
  readonly #waiting = new Map<string, Waiting[]>();
  readonly #draining = new Set<string>();
  readonly #repairs = new Map<string, Promise<void>>();
  readonly #seenWithout = new Map<string, { summary: LedgerSummary; at: number }>();

  /**
   * A full read found no summary and an empty ledger: nothing is written (a
   * forgotten user keeps no keys), but a write right after needs no second read.
   */
  sawEmpty(key: string, snapshot: LedgerSnapshot): void {
    if (this.#seenWithout.size > 1000) this.#seenWithout.clear();
    this.#seenWithout.set(key, {
      summary: summaryOfSnapshot(snapshot, this.#clock().getTime()),
      at: Date.now(),
    });
  }

  constructor(
    writes: ConditionalWrites,
    clock: () => Date,
    rebuild: (prefix: string) => Promise<LedgerSnapshot>,
  ) {
    this.#writes = writes;
    this.#clock = clock;
    this.#rebuild = rebuild;
  }

  /** The stored summary and its token; `undefined` when missing or not one this version can read. */
  async read(key: string): Promise<{ summary: StoredSummary; token: string } | undefined> {
    const got = await this.#writes.getVersioned(key);
    if (got === undefined || !isStoredSummary(got.value)) return undefined;
    return { summary: got.value, token: got.token };
  }

  /**
   * Replaces the summary with one built from `snapshot`, when it is still
   * what was read as `token` (nothing was written since): a drifted or
   * missing summary is put right by any full read.
   */
  async repair(
    key: string,
    read: { summary: StoredSummary; token: string } | undefined,
    snapshot: LedgerSnapshot,
  ): Promise<void> {
    // Remembered while under way: a write for this user waits for it rather than building it again.
    const running = this.#repair(key, read, snapshot).finally(() => {
      if (this.#repairs.get(key) === running) this.#repairs.delete(key);
    });
    this.#repairs.set(key, running);
    return running;
  }

  async #repair(
    key: string,
    read: { summary: StoredSummary; token: string } | undefined,
    snapshot: LedgerSnapshot,
  ): Promise<void> {
    const summary = summaryOfSnapshot(snapshot, this.#clock().getTime());
    if (read === undefined) {
      await this.#writes.createIfAbsent(key, { ...summary, seq: firstSeq() });
      return;
    }
    await this.#writes.setIfUnchanged(key, read.token, [
      [key, { ...summary, seq: read.summary.seq + 1 }],
    ]);
  }

  /**
   * Runs `plan` against the current summary and writes what it plans with it,
   * atomically. Plans marked `batchable` (new sends, whose ids no other plan
   * can share) that wait behind a write for the same user go together in the
   * next conditional write: many sends at once cost a few writes, not one each.
   */
  update<T>(
    key: string,
    prefix: string,
    plan: (summary: LedgerSummary) => Promise<SummaryPlan<T>>,
    batchable = false,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let waiting = this.#waiting.get(key);
      if (waiting === undefined) {
        waiting = [];
        this.#waiting.set(key, waiting);
      }
      waiting.push({ plan, batchable, resolve: resolve as (v: unknown) => void, reject });
      if (!this.#draining.has(key)) void this.#drain(key, prefix);
    });
  }

  async #drain(key: string, prefix: string): Promise<void> {
    this.#draining.add(key);
    try {
      for (;;) {
        const waiting = this.#waiting.get(key);
        if (waiting === undefined || waiting.length === 0) break;
        // A run of batchable plans together, or one plan alone.
        let n = 1;
        if (waiting[0]?.batchable) while (n < waiting.length && waiting[n]?.batchable) n++;
        const batch = waiting.splice(0, n);
        try {
          const results = await this.#updateMany(
            key,
            prefix,
            batch.map((w) => w.plan),
          );
          batch.forEach((w, i) => {
            const r = results[i];
            if (r === undefined || 'error' in r) w.reject(r?.error);
            else w.resolve(r.value);
          });
        } catch (error) {
          for (const w of batch) w.reject(error);
        }
      }
    } finally {
      this.#draining.delete(key);
      if (this.#waiting.get(key)?.length === 0) this.#waiting.delete(key);
    }
  }

  async #updateMany(
    key: string,
    prefix: string,
    plans: ReadonlyArray<(summary: LedgerSummary) => Promise<SummaryPlan<unknown>>>,
  ): Promise<Array<{ value: unknown } | { error: unknown }>> {
    await this.#repairs.get(key)?.catch(() => {});
    for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
      const got = await this.read(key);
      if (got === undefined) {
        // Built from the entries as they are now (or as a read found them a moment ago, while
        // there was no summary: every writer creates one before writing, so none was missed);
        // whoever creates it first wins, and the write is tried again.
        const seen = this.#seenWithout.get(key);
        this.#seenWithout.delete(key);
        const built =
          seen !== undefined && Date.now() - seen.at < SEEN_MS
            ? seen.summary
            : summaryOfSnapshot(await this.#rebuild(prefix), this.#clock().getTime());
        const fresh = { ...built, seq: firstSeq() };
        // One this version cannot read (older, damaged) is replaced, unless someone just did.
        const existing = await this.#writes.getVersioned(key);
        // (A valid one that appeared meanwhile was made by another writer: it stands.)
        if (existing === undefined) await this.#writes.createIfAbsent(key, fresh);
        else if (!isStoredSummary(existing.value))
          await this.#writes.setIfUnchanged(key, existing.token, [[key, fresh]]);
        continue;
      }
      const seq = got.summary.seq + 1;
      let next: StoredSummary = got.summary;
      const writes: Array<[string, unknown]> = [];
      const results: Array<{ value: unknown } | { error: unknown }> = [];
      for (const plan of plans) {
        try {
          const planned = await plan(next);
          results.push({ value: planned.result });
          if (planned.writes.length === 0) continue;
          writes.push(...planned.writes);
          if (planned.replace) next = { ...planned.replace, seq };
          planned.change?.(next);
        } catch (error) {
          results.push({ error });
        }
      }
      if (writes.length === 0) return results;
      pruneSummary(next, this.#clock().getTime());
      next.seq = seq;
      if (await this.#writes.setIfUnchanged(key, got.token, [...writes, [key, next]]))
        return results;
      await new Promise((resolve) =>
        setTimeout(resolve, Math.random() * Math.min(50, 2 + attempt * 3)),
      );
    }
    throw new LedgerStoreError(
      'The ledger is being written by too many processes at once: try again.',
    );
  }
}
