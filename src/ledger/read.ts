import { z } from 'zod';
import { type LedgerKv, pagesOf, UnreadableValue } from '../store/kv.js';
import { LedgerRecordError } from './errors.js';
import { parseInstant } from './policy/time.js';
import {
  DEFAULT_SETTINGS,
  EntryId,
  LEDGER_SCHEMA_VERSION,
  type LedgerEntry,
  LedgerSettings,
  OUTCOMES,
  type StatusChange,
} from './records.js';
import { isStoredSend, SendRecord } from './send-record.js';

/**
 * One outcome of an entry, under a key of its own per outcome
 * (`outcome:<entryId>:<status>`), so that an entry's history is read with a
 * few gets and never needs a scan. Setting the same outcome again moves its
 * time; different outcomes set at the same moment are all kept.
 */
export const OutcomeRecord = z.object({
  schemaVersion: z.literal(LEDGER_SCHEMA_VERSION),
  entryId: EntryId,
  status: z.enum(OUTCOMES),
  at: z.iso.datetime(),
});
export type OutcomeRecord = z.infer<typeof OutcomeRecord>;

/** What a read does with a record it cannot read: see `LedgerRepositoryOptions.onSkipped`. */
export type OnSkipped = ((key: string, why: 'unreadable' | 'newer') => void) | undefined;

/** Records a read left out (see `LedgerRepositoryOptions.onSkipped`). */
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

/** The records under one prefix as a full read gathers them, before they are folded into entries. */
interface GatheredRecords {
  sends: Map<string, SendRecord>;
  /** Per entry id, its outcomes by status. */
  outcomes: Map<string, Map<string, OutcomeRecord>>;
  settings: LedgerSettings | undefined;
}

/** The entries and the settings under `prefix`, read in one pass over its keys. */
export async function readSnapshot(
  kv: LedgerKv,
  prefix: string,
  onSkipped: OnSkipped,
): Promise<LedgerSnapshot> {
  const gathered: GatheredRecords = { sends: new Map(), outcomes: new Map(), settings: undefined };
  const at = prefix.length;
  const skipped: SkippedRecords = { count: 0, newer: 0 };
  const skip = (key: string, value: unknown, error: unknown) => {
    if (onSkipped === undefined) throw error;
    const why = isNewer(value) ? 'newer' : 'unreadable';
    skipped.count += 1;
    if (why === 'newer') skipped.newer += 1;
    onSkipped(key, why);
  };
  for await (const page of pagesOf(kv, prefix))
    for (const [key, value] of page) {
      try {
        gatherRecord(gathered, key, value, at);
      } catch (error) {
        if (!(error instanceof LedgerRecordError)) throw error;
        skip(key, value, error);
      }
    }
  const entries = entriesInSendOrder(gathered, (error) =>
    skip(`${prefix}${error.key}`, undefined, error),
  );
  const snapshot: LedgerSnapshot = {
    entries,
    settings: gathered.settings ?? { ...DEFAULT_SETTINGS },
  };
  if (skipped.count > 0) snapshot.skipped = skipped;
  return snapshot;
}

/**
 * Adds the record under `key` (the user's prefix being its first `at`
 * characters) to `gathered`; a key the ledger does not know is ignored.
 * Throws {@link LedgerRecordError} for a record that cannot be read.
 */
function gatherRecord(gathered: GatheredRecords, key: string, value: unknown, at: number): void {
  if (key.startsWith('send:', at)) {
    const send = checkedSend(key, value, at);
    gathered.sends.set(send.id, send);
  } else if (key.startsWith('outcome:', at)) {
    const event = checkedOutcome(key, value, at);
    let forEntry = gathered.outcomes.get(event.entryId);
    if (forEntry === undefined) {
      forEntry = new Map();
      gathered.outcomes.set(event.entryId, forEntry);
    }
    forEntry.set(event.status, event);
  } else if (key.length === at + 8 && key.endsWith('settings')) {
    gathered.settings = parseRecord(LedgerSettings, key, value);
  }
}

// The key is compared with the one the record's own fields make,
// position by position rather than by building that key per record.

/** The send under `key` (`send:<id>` after `at` characters), checked against its key. */
function checkedSend(key: string, value: unknown, at: number): SendRecord {
  const send = isStoredSend(value) ? value : parseRecord(SendRecord, key, value);
  if (key.length !== at + 5 + send.id.length || !key.endsWith(send.id))
    throw new LedgerRecordError(`The ledger record ${key} holds another id.`, key);
  return send;
}

/** The outcome under `key` (`outcome:<entryId>:<status>` after `at` characters), checked against its key. */
function checkedOutcome(key: string, value: unknown, at: number): OutcomeRecord {
  const event = parseRecord(OutcomeRecord, key, value);
  const { entryId, status } = event;
  if (
    key.length !== at + 8 + entryId.length + 1 + status.length ||
    !key.startsWith(entryId, at + 8) ||
    key.charCodeAt(at + 8 + entryId.length) !== 58 /* : */ ||
    !key.endsWith(status)
  ) {
    throw new LedgerRecordError(`The ledger record ${key} holds another entry or outcome.`, key);
  }
  return event;
}

/** The gathered sends folded into entries, oldest send first; one that cannot be goes to `onBad`. */
function entriesInSendOrder(
  gathered: GatheredRecords,
  onBad: (error: LedgerRecordError) => void,
): LedgerEntry[] {
  // Each send's time read once, then sorted on the number (not parsed again per comparison).
  const timed: Array<{ sentAt: number; entry: LedgerEntry }> = [];
  for (const send of gathered.sends.values()) {
    const sentAt = parseInstant(send.sentAt);
    try {
      timed.push({
        sentAt,
        entry: toEntry(send, gathered.outcomes.get(send.id)?.values(), sentAt),
      });
    } catch (error) {
      if (!(error instanceof LedgerRecordError)) throw error;
      onBad(error);
    }
  }
  timed.sort(
    (a, b) =>
      a.sentAt - b.sentAt || (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0),
  );
  return timed.map((t) => t.entry);
}

/** The send and its outcomes under their known keys: five gets, no scan. */
export async function readEntry(
  kv: LedgerKv,
  prefix: string,
  entryId: string,
): Promise<LedgerEntry | undefined> {
  const send = await readSend(kv, `${prefix}send:${entryId}`);
  if (send === undefined) return undefined;
  const outcomes = await Promise.all(
    OUTCOMES.map(async (o) => {
      const key = `${prefix}outcome:${entryId}:${o}`;
      const value = await kv.get(key);
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

/** The send under `key`, checked; `undefined` when absent. */
export async function readSend(kv: LedgerKv, key: string): Promise<SendRecord | undefined> {
  const value = await kv.get(key);
  if (value === undefined || value === null) return undefined;
  const send = parseRecord(SendRecord, key, value);
  if (!key.endsWith(`send:${send.id}`)) {
    throw new LedgerRecordError(`The ledger record ${key} holds another id.`, key);
  }
  return send;
}

/** A record written by a newer version of the app: a schema version above ours. */
export function isNewer(value: unknown): boolean {
  const version = (value as { schemaVersion?: unknown } | null | undefined)?.schemaVersion;
  return typeof version === 'number' && version > LEDGER_SCHEMA_VERSION;
}

export function parseRecord<T>(schema: z.ZodType<T>, key: string, value: unknown): T {
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
export function toEntry(
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

/** The entry `before` with `event` recorded: its outcome of that status replaced. */
export function withOutcome(
  send: SendRecord,
  before: LedgerEntry,
  event: OutcomeRecord,
): LedgerEntry {
  const outcomes: OutcomeRecord[] = [];
  for (const h of before.history.slice(1)) {
    if (h.status === 'pending' || h.status === event.status) continue;
    outcomes.push({
      schemaVersion: LEDGER_SCHEMA_VERSION,
      entryId: before.id,
      status: h.status,
      at: h.at,
    });
  }
  outcomes.push(event);
  return toEntry(send, outcomes);
}
