import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { type LedgerKv, pagesOf, UnreadableValue } from '../store/kv.js';
import { ledgerPrefix, ScopeError } from '../store/scope.js';
import { csvDocument, spreadsheetSafe } from './csv.js';
import { LedgerInputError, LedgerRecordError } from './errors.js';
import { type LedgerStatus, status } from './policy/status.js';
import { parseInstant } from './policy/time.js';
import { makeRecipient, type Recipient, sameRecipient } from './recipient.js';
import {
  currentStatus,
  DEFAULT_SETTINGS,
  EntryId,
  LEDGER_SCHEMA_VERSION,
  type LedgerEntry,
  LedgerSettings,
  NoteTraits,
  OUTCOMES,
  type Outcome,
  SOURCES,
  type Status,
  type StatusChange,
} from './records.js';
import { isStoredSend, SendRecord } from './send-record.js';

/**
 * Whose ledger. The same rule as the Slack store's `scopedKey` (slack
 * branch, src/store/scope.ts): on Enterprise Grid the enterprise id
 * namespaces the user (the same person in two workspaces of the org is one
 * user, and org-wide installs send `team_id: null` on some events), and the
 * team id is then not used; elsewhere the team id does. Every key the ledger
 * writes starts with the scope, so no operation on one user can read or
 * change another's entries.
 */
export interface LedgerScope {
  enterpriseId?: string | undefined;
  teamId?: string | undefined;
  userId: string;
}

/**
 * The key prefix of a user's ledger (see the store's `ledgerPrefix`), with a
 * bad id refused as the user's input error.
 */
export function scopePrefix(scope: LedgerScope): string {
  try {
    return ledgerPrefix(scope);
  } catch (error) {
    if (error instanceof ScopeError) throw new LedgerInputError(error.message);
    throw error;
  }
}

/**
 * One outcome of an entry, under a key of its own per outcome
 * (`outcome:<entryId>:<status>`), so that an entry's history is read with a
 * few gets and never needs a scan. Setting the same outcome again moves its
 * time; different outcomes set at the same moment are all kept.
 */
const OutcomeRecord = z.object({
  schemaVersion: z.literal(LEDGER_SCHEMA_VERSION),
  entryId: EntryId,
  status: z.enum(OUTCOMES),
  at: z.iso.datetime(),
});
type OutcomeRecord = z.infer<typeof OutcomeRecord>;

const SendInput = z.object({
  recipient: z.object({ name: z.string().optional(), profileUrl: z.string().optional() }),
  /** Characters in the note as a person sees them; 0 when none went. The text itself is never stored. */
  noteLength: z.number().int().min(0).max(10_000),
  source: z.enum(SOURCES),
  /** Whether the note gave context and a next step, when it was checked; only with a note. */
  traits: NoteTraits.optional(),
  sentAt: z.date().optional(),
  /** An idempotency key: logging the same id twice keeps one entry (Slack retries, double clicks). */
  id: EntryId.optional(),
});
export type SendInput = z.input<typeof SendInput>;

function inputError(error: z.ZodError, what: string): LedgerInputError {
  return new LedgerInputError(`${what}: ${z.prettifyError(error).replace(/\n/g, ' ')}`);
}

function validDate(value: Date, what: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new LedgerInputError(`${what} is not a valid date.`);
  }
  return value;
}

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
  onSkipped?: (key: string, why: 'unreadable' | 'newer') => void;
}

/** Records a read left out (see {@link LedgerRepositoryOptions.onSkipped}). */
export interface SkippedRecords {
  /** How many records were left out. */
  count: number;
  /** How many of them come from a newer version of the app (not corrupt). */
  newer: number;
}

/** The entries of one user together with everything needed to judge them. */
export interface LedgerSnapshot {
  entries: LedgerEntry[];
  settings: LedgerSettings;
  /** Present when records were left out. */
  skipped?: SkippedRecords;
}

/**
 * A user's invitation ledger over a {@link LedgerKv}.
 *
 * Layout, under the user's {@link scopePrefix}:
 * - `send:<entryId>`: one record per invitation, written once;
 * - `outcome:<entryId>:<status>`: when the entry reached that outcome;
 * - `settings`: the user's settings, replaced whole.
 *
 * No write reads, changes and rewrites a record another process may be
 * writing: each send and each outcome of a send has a key of its own, so sends
 * and outcomes logged at the same moment by several processes are all kept,
 * without locks. The list is rebuilt from the keys on every read (one scan of
 * the prefix); a single entry is read with gets alone. A process killed
 * mid-write leaves the key written or absent, never half of it.
 */
export class LedgerRepository {
  readonly #kv: LedgerKv;
  readonly #clock: () => Date;
  readonly #newId: () => string;
  readonly #onSkipped: LedgerRepositoryOptions['onSkipped'];

  constructor(kv: LedgerKv, options: LedgerRepositoryOptions = {}) {
    this.#kv = kv;
    this.#clock = options.clock ?? (() => new Date());
    this.#newId = options.newId ?? (() => randomUUID());
    this.#onSkipped = options.onSkipped;
  }

  /** Records that an invitation was sent. Bad input throws {@link LedgerInputError} and writes nothing. */
  async logSend(scope: LedgerScope, input: SendInput): Promise<LedgerEntry> {
    const prefix = scopePrefix(scope);
    const record = this.#sendRecord(input);
    if (input.id !== undefined) {
      // An idempotency key seen before: the first log stands, nothing is written.
      const existing = await this.#readEntry(prefix, record.id);
      if (existing !== undefined) return existing;
    }
    await this.#kv.set(`${prefix}send:${record.id}`, record);
    return toEntry(record, undefined);
  }

  /**
   * Records many sends whose ids the caller has just checked are not in the
   * ledger (an import): no read per send, and one write for them all where
   * the store can. All are checked first: bad input throws
   * {@link LedgerInputError} and writes nothing. An id written again (two
   * imports of one file at once) still makes one entry.
   */
  async logNewSends(
    scope: LedgerScope,
    inputs: ReadonlyArray<SendInput & { id: string }>,
  ): Promise<void> {
    const prefix = scopePrefix(scope);
    const entries = inputs.map((input): [string, SendRecord] => {
      const record = this.#sendRecord(input);
      return [`${prefix}send:${record.id}`, record];
    });
    if (this.#kv.setMany !== undefined) await this.#kv.setMany(entries);
    else await Promise.all(entries.map(([key, record]) => this.#kv.set(key, record)));
  }

  /** The record of a send, checked; {@link LedgerInputError} for bad input. */
  #sendRecord(input: SendInput): SendRecord {
    const parsed = SendInput.safeParse(input);
    if (!parsed.success) throw inputError(parsed.error, 'Cannot log this send');
    const { recipient, noteLength, source, traits } = parsed.data;
    if (traits !== undefined && noteLength === 0) {
      throw new LedgerInputError(
        'Cannot log this send: an invitation without a note has no traits.',
      );
    }
    const sentAt = validDate(parsed.data.sentAt ?? this.#clock(), 'The send time');
    const record: SendRecord = {
      schemaVersion: LEDGER_SCHEMA_VERSION,
      id: parsed.data.id ?? this.#newId(),
      recipient: makeRecipient(recipient),
      sentAt: sentAt.toISOString(),
      personalised: noteLength > 0,
      noteLength,
      source,
      ...(traits ? { traits } : {}),
    };
    SendRecord.parse(record);
    return record;
  }

  /** One entry by id, or `undefined`; read with gets alone. */
  async get(scope: LedgerScope, entryId: string): Promise<LedgerEntry | undefined> {
    if (!EntryId.safeParse(entryId).success) return undefined;
    return this.#readEntry(scopePrefix(scope), entryId);
  }

  /**
   * Records what became of an invitation. Throws {@link LedgerInputError} for
   * an unknown entry, an outcome that is not one of {@link OUTCOMES}, or a
   * time before the invitation was sent.
   */
  async setOutcome(
    scope: LedgerScope,
    entryId: string,
    outcome: Outcome,
    at?: Date,
  ): Promise<LedgerEntry> {
    const prefix = scopePrefix(scope);
    if (!EntryId.safeParse(entryId).success)
      throw new LedgerInputError('That is not a ledger entry id.');
    if (!(OUTCOMES as readonly string[]).includes(outcome)) {
      throw new LedgerInputError(`The outcome must be one of ${OUTCOMES.join(', ')}.`);
    }
    const when = validDate(at ?? this.#clock(), 'The outcome time');
    const send = await this.#readSend(`${prefix}send:${entryId}`);
    if (send === undefined)
      throw new LedgerInputError('There is no such invitation in your ledger.');
    if (when.getTime() < parseInstant(send.sentAt)) {
      throw new LedgerInputError('An outcome cannot come before the invitation was sent.');
    }
    const event: OutcomeRecord = {
      schemaVersion: LEDGER_SCHEMA_VERSION,
      entryId,
      status: outcome,
      at: when.toISOString(),
    };
    await this.#kv.set(`${prefix}outcome:${entryId}:${outcome}`, event);
    return (await this.#readEntry(prefix, entryId)) ?? toEntry(send, [event]);
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

  /** The entries and the settings, read in one pass over the user's keys. */
  async snapshot(scope: LedgerScope): Promise<LedgerSnapshot> {
    const prefix = scopePrefix(scope);
    const sends = new Map<string, SendRecord>();
    const outcomes = new Map<string, Map<string, OutcomeRecord>>();
    let settings: LedgerSettings | undefined;
    const at = prefix.length;
    const skipped: SkippedRecords = { count: 0, newer: 0 };
    const skip = (key: string, value: unknown, error: unknown) => {
      if (this.#onSkipped === undefined) throw error;
      const why = isNewer(value) ? 'newer' : 'unreadable';
      skipped.count += 1;
      if (why === 'newer') skipped.newer += 1;
      this.#onSkipped(key, why);
    };
    for await (const page of pagesOf(this.#kv, prefix))
      for (const [key, value] of page) {
        try {
          // The key is compared with the one the record's own fields make,
          // position by position rather than by building that key per record.
          if (key.startsWith('send:', at)) {
            const send = isStoredSend(value) ? value : parseRecord(SendRecord, key, value);
            if (key.length !== at + 5 + send.id.length || !key.endsWith(send.id))
              throw new LedgerRecordError(`The ledger record ${key} holds another id.`, key);
            sends.set(send.id, send);
          } else if (key.startsWith('outcome:', at)) {
            const event = parseRecord(OutcomeRecord, key, value);
            const { entryId, status } = event;
            if (
              key.length !== at + 8 + entryId.length + 1 + status.length ||
              !key.startsWith(entryId, at + 8) ||
              key.charCodeAt(at + 8 + entryId.length) !== 58 /* : */ ||
              !key.endsWith(status)
            ) {
              throw new LedgerRecordError(
                `The ledger record ${key} holds another entry or outcome.`,
                key,
              );
            }
            let forEntry = outcomes.get(entryId);
            if (forEntry === undefined) {
              forEntry = new Map();
              outcomes.set(entryId, forEntry);
            }
            forEntry.set(status, event);
          } else if (key.length === at + 8 && key.endsWith('settings')) {
            settings = parseRecord(LedgerSettings, key, value);
          }
        } catch (error) {
          if (!(error instanceof LedgerRecordError)) throw error;
          skip(key, value, error);
        }
      }
    // Each send's time read once, then sorted on the number (not parsed again per comparison).
    const timed: Array<{ sentAt: number; entry: LedgerEntry }> = [];
    for (const send of sends.values()) {
      const sentAt = parseInstant(send.sentAt);
      try {
        timed.push({ sentAt, entry: toEntry(send, outcomes.get(send.id)?.values(), sentAt) });
      } catch (error) {
        if (!(error instanceof LedgerRecordError)) throw error;
        skip(`${prefix}${error.key}`, undefined, error);
      }
    }
    timed.sort(
      (a, b) =>
        a.sentAt - b.sentAt || (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0),
    );
    const entries = timed.map((t) => t.entry);
    const snapshot: LedgerSnapshot = { entries, settings: settings ?? { ...DEFAULT_SETTINGS } };
    if (skipped.count > 0) snapshot.skipped = skipped;
    return snapshot;
  }

  /** The status summary of {@link status} for this user at `now`. */
  async status(scope: LedgerScope, now: Date = this.#clock()): Promise<LedgerStatus> {
    const { entries, settings } = await this.snapshot(scope);
    return status(entries, settings, now);
  }

  async getSettings(scope: LedgerScope): Promise<LedgerSettings> {
    const key = `${scopePrefix(scope)}settings`;
    const value = await this.#kv.get(key);
    return value === undefined ? LedgerSettings.parse({}) : parseRecord(LedgerSettings, key, value);
  }

  /** Changes some settings; invalid values throw {@link LedgerInputError} and change nothing. */
  async updateSettings(
    scope: LedgerScope,
    patch: Partial<LedgerSettings>,
  ): Promise<LedgerSettings> {
    const current = await this.getSettings(scope);
    const parsed = LedgerSettings.safeParse({ ...current, ...patch });
    if (!parsed.success) throw inputError(parsed.error, 'Cannot save these settings');
    await this.#kv.set(`${scopePrefix(scope)}settings`, parsed.data);
    return parsed.data;
  }

  /**
   * The ledger as CSV (RFC 4180: CRLF line ends, fields quoted when needed).
   * Names are made safe to open in a spreadsheet. Holds no note text: the
   * ledger never had it; the last two columns are its traits (yes, no, or
   * blank when unknown).
   */
  async exportCsv(scope: LedgerScope): Promise<string> {
    const entries = await this.list(scope);
    const header = [
      'id',
      'recipient_name',
      'profile_url',
      'sent_at',
      'personalised',
      'note_length',
      'source',
      'status',
      'status_at',
      'history',
      'note_context',
      'note_next_step',
    ];
    const yesNo = (value: boolean | undefined) => (value === undefined ? '' : value ? 'yes' : 'no');
    const rows = entries.map((e) => {
      const last = e.history.at(-1);
      return [
        e.id,
        spreadsheetSafe(e.recipient.name),
        e.recipient.profileUrl ?? '',
        e.sentAt,
        e.personalised ? 'yes' : 'no',
        e.noteLength,
        e.source,
        last?.status,
        last?.at,
        e.history.map((h) => `${h.status} ${h.at}`).join('; '),
        yesNo(e.traits?.context),
        yesNo(e.traits?.nextStep),
      ];
    });
    return csvDocument([header, ...rows]);
  }

  /**
   * Deletes every record the ledger holds for this user; returns how many.
   * Passes over the keys until one finds nothing, so that a send logged by
   * another process during the first pass is deleted too.
   */
  async forgetUser(scope: LedgerScope): Promise<number> {
    const prefix = scopePrefix(scope);
    let deleted = 0;
    for (let pass = 0; pass < 10; pass++) {
      const keys: string[] = [];
      for await (const [key] of this.#kv.scan(prefix)) keys.push(key);
      if (keys.length === 0) return deleted;
      for (const key of keys) if (await this.#kv.delete(key)) deleted += 1;
    }
    return deleted;
  }

  /** The send and its outcomes under their known keys: five gets, no scan. */
  async #readEntry(prefix: string, entryId: string): Promise<LedgerEntry | undefined> {
    const send = await this.#readSend(`${prefix}send:${entryId}`);
    if (send === undefined) return undefined;
    const outcomes = await Promise.all(
      OUTCOMES.map(async (o) => {
        const key = `${prefix}outcome:${entryId}:${o}`;
        const value = await this.#kv.get(key);
        if (value === undefined || value === null) return undefined;
        const record = parseRecord(OutcomeRecord, key, value);
        if (record.entryId !== entryId || record.status !== o) {
          throw new LedgerRecordError(
            `The ledger record ${key} holds another entry or outcome.`,
            key,
          );
        }
        return record;
      }),
    );
    return toEntry(
      send,
      outcomes.filter((o): o is OutcomeRecord => o !== undefined),
    );
  }

  async #readSend(key: string): Promise<SendRecord | undefined> {
    const value = await this.#kv.get(key);
    if (value === undefined || value === null) return undefined;
    const send = parseRecord(SendRecord, key, value);
    if (!key.endsWith(`send:${send.id}`)) {
      throw new LedgerRecordError(`The ledger record ${key} holds another id.`, key);
    }
    return send;
  }
}

/** A record written by a newer version of the app: a schema version above ours. */
function isNewer(value: unknown): boolean {
  const version = (value as { schemaVersion?: unknown } | null | undefined)?.schemaVersion;
  return typeof version === 'number' && version > LEDGER_SCHEMA_VERSION;
}

function parseRecord<T>(schema: z.ZodType<T>, key: string, value: unknown): T {
  if (value instanceof UnreadableValue) {
    throw new LedgerRecordError(`The ledger record ${key} cannot be decoded.`, key);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new LedgerRecordError(
      `The ledger record ${key} is not valid: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}`,
      key,
      { cause: parsed.error },
    );
  }
  return parsed.data;
}

/**
 * Folds a send and its outcomes (in time order) into an entry. Both parts were
 * validated on read; what their schemas cannot see alone is checked here: an
 * outcome cannot come before the send (the shape of LedgerEntry holds by
 * construction, so it is not parsed again: that halves the cost of a read).
 * `sentAtMs` is `send.sentAt` already read, when the caller has it.
 */
function toEntry(
  send: SendRecord,
  outcomes: Iterable<OutcomeRecord> | undefined,
  sentAtMs: number = parseInstant(send.sentAt),
): LedgerEntry {
  const history: StatusChange[] = [{ status: 'pending', at: send.sentAt }];
  const ordered: Array<{ o: OutcomeRecord; t: number }> = [];
  if (outcomes !== undefined) for (const o of outcomes) ordered.push({ o, t: parseInstant(o.at) });
  if (ordered.length > 1) {
    ordered.sort(
      (a, b) => a.t - b.t || OUTCOMES.indexOf(a.o.status) - OUTCOMES.indexOf(b.o.status),
    );
  }
  for (const { o, t } of ordered) {
    if (t < sentAtMs) {
      throw new LedgerRecordError(
        `The ledger entry ${send.id} has an outcome before it was sent.`,
        `outcome:${send.id}:${o.status}`,
      );
    }
    if (history.at(-1)?.status === o.status) continue;
    history.push({ status: o.status, at: o.at });
  }
  // The send's fields in their schema order, as a spread would give them, without the spread's cost.
  const entry: LedgerEntry = {
    schemaVersion: send.schemaVersion,
    id: send.id,
    recipient: send.recipient,
    sentAt: send.sentAt,
    personalised: send.personalised,
    noteLength: send.noteLength,
    source: send.source,
    history,
  };
  if (send.traits !== undefined) entry.traits = send.traits;
  return entry;
}
