import type { ConditionalWrites } from '../store/conditional.js';
import { LedgerStoreError } from '../store/kv.js';
import type { LedgerSummary } from './policy/summary.js';
import type { LedgerSnapshot } from './read.js';
import { runPlans, type SummaryPlan, type Waiting } from './summary-plans.js';
import {
  type Found,
  firstSeq,
  foldSummary,
  isSummaryHead,
  isSummaryLists,
  joinSummary,
  LOG_LIMIT,
  listsKey,
  type StoredSummary,
  type SummaryHead,
  type SummaryLists,
  splitSummary,
  summaryOfSnapshot,
  withChanges,
} from './summary-record.js';

export type { SummaryPlan } from './summary-plans.js';
export { agreesWith, summaryOfSnapshot } from './summary-record.js';

// How long an empty read stands in for a rebuild.
const SEEN_MS = 5000;

// Writers that keep losing the race: each try waits a little longer, at random.
const MAX_TRIES = 60;

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
  readonly #rebuildFrom: (prefix: string) => Promise<LedgerSnapshot>;
  readonly #waiting = new Map<string, Waiting[]>();
  readonly #draining = new Set<string>();
  readonly #repairs = new Map<string, Promise<void>>();
  readonly #seenWithout = new Map<string, { summary: LedgerSummary; at: number }>();
  /** The head this process last wrote per user, and its token: the next write tries it unread. */
  readonly #written = new Map<string, { value: SummaryHead; token: string }>();

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
    this.#rebuildFrom = rebuild;
  }

  /** The keys the summary under `key` is stored in: what forgetting the user deletes. */
  keysOf(key: string): string[] {
    return [key, listsKey(key)];
  }

  /** The stored summary and its head's token; `undefined` when missing or not one this version can read. */
  async read(key: string): Promise<{ summary: StoredSummary; token: string } | undefined> {
    const found = await this.#find(key);
    return found.kind === 'found' ? found : undefined;
  }

  /** The head and the lists it names, read together; read again, in order, when a write came between. */
  async #find(key: string): Promise<Found> {
    const [got, lists] = await Promise.all([
      this.#writes.getVersioned(key),
      this.#writes.getVersioned(listsKey(key)),
    ]);
    if (got === undefined) return { kind: 'absent' };
    if (!isSummaryHead(got.value)) return { kind: 'unreadable', token: got.token };
    if (lists !== undefined && isSummaryLists(lists.value, got.value.lists))
      return { kind: 'found', summary: joinSummary(got.value, lists.value), token: got.token };
    for (let tries = 0; tries < 5; tries++) {
      const head = await this.#writes.getVersioned(key);
      if (head === undefined) return { kind: 'absent' };
      if (!isSummaryHead(head.value)) return { kind: 'unreadable', token: head.token };
      const named = await this.#listsOf(key, head.value);
      if (named !== undefined)
        return { kind: 'found', summary: joinSummary(head.value, named), token: head.token };
      if (await this.#unchanged(key, head.token)) return { kind: 'unreadable', token: head.token };
    }
    throw new LedgerStoreError(
      'The ledger is being written by too many processes at once: try again.',
    );
  }

  /** The lists `head` names, or `undefined` when the stored ones are another write's (or lost). */
  async #listsOf(key: string, head: SummaryHead): Promise<SummaryLists | undefined> {
    const got = await this.#writes.getVersioned(listsKey(key));
    return got !== undefined && isSummaryLists(got.value, head.lists) ? got.value : undefined;
  }

  /** Whether the head still holds what `token` was read with: its lists, not matching, are lost. */
  async #unchanged(key: string, token: string): Promise<boolean> {
    return (await this.#writes.getVersioned(key))?.token === token;
  }

  /** Writes `summary` whole at `seq`, if the head is still what `token` was read with (or absent, without one). */
  async #writeWhole(
    key: string,
    token: string | undefined,
    summary: LedgerSummary,
    seq: number,
  ): Promise<void> {
    const { head, lists } = splitSummary(summary, seq);
    this.#written.delete(key);
    const others: Array<[string, unknown]> = [[listsKey(key), lists]];
    if (token === undefined) await this.#writes.createIfAbsent(key, head, others);
    else await this.#writes.setIfUnchanged(key, token, [[key, head], ...others]);
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
    if (read !== undefined) return this.#writeWhole(key, read.token, summary, read.summary.seq + 1);
    // None was read: one this version cannot read (older, damaged) is replaced; one made meanwhile stands.
    const found = await this.#find(key);
    if (found.kind === 'absent') await this.#writeWhole(key, undefined, summary, firstSeq());
    else if (found.kind === 'unreadable')
      await this.#writeWhole(key, found.token, summary, firstSeq());
  }

  /**
   * Runs `plan` against the current summary and writes what it plans with it,
   * atomically. Plans marked `batchable` (new sends, whose ids no other plan
   * can share) that wait behind a write for the same user go together in the
   * next conditional write: many sends at once cost a few writes, not one each.
   * A plan that needs the summary's lists (`lists`) is given them; others get
   * `undefined`, and their write reads and rewrites only the small head.
   */
  update<T>(
    key: string,
    prefix: string,
    plan: (summary: LedgerSummary | undefined) => Promise<SummaryPlan<T>>,
    options: { batchable?: boolean; lists?: boolean } = {},
  ): Promise<T> {
    const { batchable = false, lists = false } = options;
    return new Promise<T>((resolve, reject) => {
      let waiting = this.#waiting.get(key);
      if (waiting === undefined) {
        waiting = [];
        this.#waiting.set(key, waiting);
      }
      // A plan given the summary goes alone: what the plan before it changed is not in its copy.
      waiting.push({
        plan,
        batchable: batchable && !lists,
        lists,
        resolve: resolve as (v: unknown) => void,
        reject,
      });
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
          const results = await this.#updateMany(key, prefix, batch);
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
    batch: readonly Waiting[],
  ): Promise<Array<{ value: unknown } | { error: unknown }>> {
    await this.#repairs.get(key)?.catch(() => {});
    const wantLists = batch.some((w) => w.lists);
    for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
      // Another process may have written since this one did: then the write is refused, and read again.
      const cached = attempt === 0 ? this.#written.get(key) : undefined;
      const got = cached ?? (await this.#writes.getVersioned(key));
      if (got === undefined || !isSummaryHead(got.value)) {
        await this.#rebuild(key, prefix, got?.token);
        continue;
      }
      const head = got.value;
      let lists = wantLists ? await this.#listsOf(key, head) : undefined;
      if (wantLists && lists === undefined) {
        await this.#listsLost(key, prefix, got.token);
        continue;
      }
      const planned = await runPlans(batch, lists && joinSummary(head, lists));
      if (planned.writes.length === 0) return planned.results;
      let next = withChanges(head, planned.changes, head.seq + 1);
      const writes = planned.writes;
      // A long log (or lists read anyway) is folded into the lists, written with the head.
      if (lists !== undefined || next.log.length > LOG_LIMIT) {
        lists ??= await this.#listsOf(key, head);
        if (lists === undefined) {
          await this.#listsLost(key, prefix, got.token);
          continue;
        }
        const folded = foldSummary(next, lists, this.#clock().getTime());
        next = folded.head;
        writes.push([listsKey(key), folded.lists]);
      }
      const token = await this.#writes.setIfUnchanged(key, got.token, [...writes, [key, next]]);
      if (token !== undefined) {
        if (this.#written.size >= 1000) this.#written.clear();
        this.#written.set(key, { value: next, token });
        return planned.results;
      }
      this.#written.delete(key);
      if (cached === undefined)
        await new Promise((resolve) =>
          setTimeout(resolve, Math.random() * Math.min(50, 2 + attempt * 3)),
        );
    }
    throw new LedgerStoreError(
      'The ledger is being written by too many processes at once: try again.',
    );
  }

  /** The head's lists were not there: another write's came between (try again), or they are lost (rebuilt). */
  async #listsLost(key: string, prefix: string, token: string): Promise<void> {
    if (await this.#unchanged(key, token)) await this.#rebuild(key, prefix, token);
  }

  /**
   * Builds the summary from the entries as they are now (or as a read found
   * them a moment ago, while there was no summary: every writer creates one
   * before writing, so none was missed), and writes it where there was none
   * (`token` undefined) or one this version cannot read; whoever writes first
   * wins, and the write is tried again.
   */
  async #rebuild(key: string, prefix: string, token: string | undefined): Promise<void> {
    const seen = this.#seenWithout.get(key);
    this.#seenWithout.delete(key);
    const built =
      seen !== undefined && Date.now() - seen.at < SEEN_MS
        ? seen.summary
        : summaryOfSnapshot(await this.#rebuildFrom(prefix), this.#clock().getTime());
    await this.#writeWhole(key, token, built, firstSeq());
  }
}
