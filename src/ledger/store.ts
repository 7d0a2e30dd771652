import { randomUUID } from 'node:crypto';
import type { LedgerKv } from '../store/kv.js';
import type { LedgerInputError, LedgerRecordError } from './errors.js';
import { ledgerCsv } from './export.js';
import { type LedgerStatus, type status, statusFrom } from './policy/status.js';
import { type LedgerSummary, summaryCovers } from './policy/summary.js';
import { type LedgerSnapshot, type OnSkipped, readEntry, readSnapshot } from './read.js';
import { makeRecipient, type Recipient, sameRecipient } from './recipient.js';
import {
  currentStatus,
  EntryId,
  type LedgerEntry,
  type LedgerSettings,
  type OUTCOMES,
  type Outcome,
  type Status,
} from './records.js';
import { type LedgerScope, scopePrefix, summaryKey } from './scope.js';
import type { SendInput } from './send-input.js';
import { readSettings, updateSettings } from './settings-record.js';
import { type CachedSummaryRead, type SummaryCache, summaryCacheOf } from './summary-cache.js';
import { agreesWith, SummaryStore, summaryOfSnapshot } from './summary-store.js';
import { type LedgerWriter, logNewSends, logSend, setOutcome } from './writes.js';

export type { LedgerSnapshot, SkippedRecords } from './read.js';
export { type LedgerScope, scopePrefix } from './scope.js';
export type { SendInput } from './send-input.js';

export interface LedgerRepositoryOptions {
  /** The clock used when a send or an outcome comes without a time. */
  clock?: () => Date;
  /** Makes entry ids; random UUIDs by default. */
  newId?: () => string;
  /**
   * What a read does with a record it cannot read (undecodable, invalid, from
   * a newer version): by default it throws {@link LedgerRecordError}; given
   * this, the record is left out, reported here (its key only) and counted in
   * the snapshot's `skipped`, so one bad record never locks a user out.
   */
  onSkipped?: OnSkipped;
}

/** A stored summary as just read, with its token (see {@link LedgerRepository.snapshot}). */
export type StoredRead = NonNullable<Awaited<ReturnType<SummaryStore['read']>>>;

/** A full read, with the entries' summary where the store keeps summaries (see {@link LedgerRepository.snapshot}). */
export type SummarisedSnapshot = LedgerSnapshot & { summary?: LedgerSummary };

/** A user's summary and settings, as {@link LedgerRepository.summary} reads them. */
export type SummaryRead = CachedSummaryRead;

/**
 * A user's invitation ledger over a {@link LedgerKv}.
 *
 * Layout, under the user's {@link scopePrefix}:
 * - `send:<entryId>`: one record per invitation, written once;
 * - `outcome:<entryId>:<status>`: when the entry reached that outcome;
 * - `settings`: the user's settings, replaced whole;
 * and beside it ({@link summaryKey}) the user's summary, which the status
 * figures are read from.
 *
 * Each send and each outcome has a key of its own, so that a full read can
 * always rebuild the ledger from them. Where the store can compare and set
 * (`kv.conditional`), each is written in one conditional write together with
 * the summary that counts it: concurrent writers, in any process, are
 * ordered by the store, and one that lost the race writes nothing and tries
 * again, so nothing is lost and the summary never disagrees with the records.
 * A process killed mid-write leaves both written or neither.
 */
export class LedgerRepository {
  readonly #kv: LedgerKv;
  readonly #clock: () => Date;
  readonly #onSkipped: OnSkipped;
  readonly #summaries: SummaryStore | undefined;
  readonly #writer: LedgerWriter;
  readonly #cache: SummaryCache;

  constructor(kv: LedgerKv, options: LedgerRepositoryOptions = {}) {
    this.#kv = kv;
    this.#clock = options.clock ?? (() => new Date());
    this.#onSkipped = options.onSkipped;
    this.#cache = summaryCacheOf(kv);
    this.#summaries =
      kv.conditional === undefined
        ? undefined
        : new SummaryStore(kv.conditional, this.#clock, (prefix) =>
            // A rebuild counts what can be read; a bad record is the reader's to report.
            readSnapshot(kv, prefix, () => {}),
          );
    this.#writer = {
      kv,
      clock: this.#clock,
      newId: options.newId ?? (() => randomUUID()),
      summaries: this.#summaries,
    };
  }

  /** Records that an invitation was sent. Bad input throws {@link LedgerInputError} and writes nothing. */
  logSend(scope: LedgerScope, input: SendInput): Promise<LedgerEntry> {
    return this.#cache.around(scope, () => logSend(this.#writer, scope, input));
  }

  /**
   * Records many sends whose ids the caller has just checked are not in the
   * ledger (an import): no read per send, and one write for them all where
   * the store can. All are checked first: bad input throws
   * {@link LedgerInputError} and writes nothing. An id written again (two
   * imports of one file at once) still makes one entry, counted once.
   */
  logNewSends(
    scope: LedgerScope,
    inputs: ReadonlyArray<SendInput & { id: string }>,
  ): Promise<void> {
    return this.#cache.around(scope, () => logNewSends(this.#writer, scope, inputs));
  }

  /** One entry by id, or `undefined`; read with gets alone. */
  async get(scope: LedgerScope, entryId: string): Promise<LedgerEntry | undefined> {
    if (!EntryId.safeParse(entryId).success) return undefined;
    return readEntry(this.#kv, scopePrefix(scope), entryId);
  }

  /**
   * Records what became of an invitation. Throws {@link LedgerInputError} for
   * an unknown entry, an outcome that is not one of {@link OUTCOMES}, or a
   * time before the invitation was sent.
   */
  setOutcome(
    scope: LedgerScope,
    entryId: string,
    outcome: Outcome,
    at?: Date,
  ): Promise<LedgerEntry> {
    return this.#cache.around(scope, () => setOutcome(this.#writer, scope, entryId, outcome, at));
  }

  /** Every entry of the user, oldest send first. */
  async list(scope: LedgerScope): Promise<LedgerEntry[]> {
    return (await this.snapshot(scope)).entries;
  }

  /** Entries still pending, oldest first. */
  async pending(scope: LedgerScope): Promise<LedgerEntry[]> {
    return (await this.list(scope)).filter((e) => currentStatus(e) === 'pending');
  }

  /**
   * Every entry sent to `recipient` (by normalised name or profile URL), newest
   * first, optionally only those whose current status is `status`. Several
   * matches are all returned, so that the caller can ask which one was meant.
   */
  async findByRecipient(
    scope: LedgerScope,
    recipient: Recipient,
    options: { status?: Status } = {},
  ): Promise<LedgerEntry[]> {
    const target = makeRecipient(recipient);
    return (await this.list(scope))
      .filter((e) => sameRecipient(e.recipient, target))
      .filter((e) => options.status === undefined || currentStatus(e) === options.status)
      .reverse();
  }

  /**
   * The entries and the settings, read in one pass over the user's keys. A
   * stored summary that does not count what was read (written around, by an
   * older version or by hand) is rebuilt from it. `summaryRead`: the
   * stored summary, or `null` for none, when the caller has just read it.
   * Where the store keeps summaries, `summary` is the one of the entries
   * read (the check against the stored one needs it), so a caller that
   * summarises them need not again.
   */
  async snapshot(scope: LedgerScope, summaryRead?: StoredRead | null): Promise<SummarisedSnapshot> {
    const prefix = scopePrefix(scope);
    if (this.#summaries === undefined) return readSnapshot(this.#kv, prefix, this.#onSkipped);
    // Read before the records: a write between the two changes its token, and the repair is refused.
    const stored =
      summaryRead === undefined ? await this.#summaries.read(summaryKey(scope)) : summaryRead;
    return this.#readAndRepair(scope, stored ?? undefined);
  }

  /** A full read, putting right the summary `stored` (read just before) when it counts otherwise. */
  async #readAndRepair(
    scope: LedgerScope,
    stored: StoredRead | undefined,
  ): Promise<SummarisedSnapshot> {
    const snapshot = await readSnapshot(this.#kv, scopePrefix(scope), this.#onSkipped);
    const summaries = this.#summaries;
    if (summaries === undefined) return snapshot;
    const read = summaryOfSnapshot(snapshot, this.#clock().getTime());
    // An empty ledger needs no summary: a read never leaves one behind for a forgotten user.
    if (stored === undefined && read.entries === 0) summaries.sawEmpty(summaryKey(scope), snapshot);
    const missing = stored === undefined && read.entries > 0;
    if (missing || (stored !== undefined && !agreesWith(stored.summary, read)))
      // Not waited on: a read must not wait for a write (a locked SQLite file, a slow store).
      void this.#cache
        .around(scope, () => summaries.repair(summaryKey(scope), stored, snapshot))
        .catch(() => {});
    return { ...snapshot, summary: read };
  }

  /**
   * The user's summary and settings at `now`: the stored summary when it
   * covers `now`, else one built from a full read.
   */
  async summary(scope: LedgerScope, now: Date = this.#clock()): Promise<SummaryRead> {
    const prefix = scopePrefix(scope);
    let stored: StoredRead | null | undefined;
    if (this.#summaries !== undefined) {
      const [read, settings] = await Promise.all([
        this.#summaries.read(summaryKey(scope)),
        this.#settingsOrDefault(prefix),
      ]);
      if (read !== undefined && summaryCovers(read.summary, now))
        return { summary: read.summary, settings };
      stored = read ?? null;
    }
    const snapshot = await this.snapshot(scope, stored);
    return {
      summary: summaryOfSnapshot(snapshot, Number.NEGATIVE_INFINITY),
      settings: snapshot.settings,
    };
  }

  /**
   * {@link summary} for the budget line under a check: a read made within
   * `SUMMARY_CACHE_TTL_MS` is used again unless a repository of this
   * process wrote to the ledger since (another process's write is seen
   * within that time). Never for a write's decisions: those read the store.
   */
  async cachedSummary(scope: LedgerScope, now: Date = this.#clock()): Promise<SummaryRead> {
    const hit = this.peekSummary(scope, now);
    if (hit !== undefined) return hit;
    const mark = this.#cache.mark();
    const read = await this.summary(scope, now);
    this.#cache.remember(scopePrefix(scope), read, mark);
    return read;
  }

  /** What {@link cachedSummary} would answer from memory alone, or `undefined`. */
  peekSummary(scope: LedgerScope, now: Date = this.#clock()): SummaryRead | undefined {
    const hit = this.#cache.get(scopePrefix(scope));
    // A summary kept past the window it covers (a check near a week's end) is read again.
    return hit !== undefined && summaryCovers(hit.summary, now) ? hit : undefined;
  }

  /** The status summary of {@link status} for this user at `now`. */
  async status(scope: LedgerScope, now: Date = this.#clock()): Promise<LedgerStatus> {
    const { summary, settings } = await this.summary(scope, now);
    return statusFrom(summary, settings, now);
  }

  /** The settings, or the defaults when the record cannot be read and reads may skip. */
  #settingsOrDefault(prefix: string): Promise<LedgerSettings> {
    return readSettings(this.#kv, prefix, this.#onSkipped ?? 'throw');
  }

  getSettings(scope: LedgerScope): Promise<LedgerSettings> {
    return readSettings(this.#kv, scopePrefix(scope), 'throw');
  }

  /** Changes some settings; invalid values throw {@link LedgerInputError} and change nothing. */
  updateSettings(scope: LedgerScope, patch: Partial<LedgerSettings>): Promise<LedgerSettings> {
    return this.#cache.around(scope, () => updateSettings(this.#kv, scopePrefix(scope), patch));
  }

  /** The ledger as CSV: see {@link ledgerCsv}. */
  async exportCsv(scope: LedgerScope): Promise<string> {
    return ledgerCsv(await this.list(scope));
  }

  /**
   * Deletes every record the ledger holds for this user; returns how many
   * (the summary beside them is deleted too, and not counted). Passes over
   * the keys until one finds nothing, so that a send logged by another
   * process during the first pass is deleted too.
   */
  forgetUser(scope: LedgerScope): Promise<number> {
    return this.#cache.around(scope, () => this.#forget(scope));
  }

  async #forget(scope: LedgerScope): Promise<number> {
    const prefix = scopePrefix(scope);
    let deleted = 0;
    for (let pass = 0; pass < 10; pass++) {
      const keys: string[] = [];
      for await (const [key] of this.#kv.scan(prefix)) keys.push(key);
      for (const key of this.#summaries?.keysOf(summaryKey(scope)) ?? [summaryKey(scope)])
        await this.#kv.delete(key);
      if (keys.length === 0) return deleted;
      for (const key of keys) if (await this.#kv.delete(key)) deleted += 1;
    }
    return deleted;
  }
}
