/**
 * The ledger's write path: a send, many imported sends, an outcome. Each is
 * written, where the store can compare and set, in one conditional write
 * with the summary that counts it (see {@link LedgerRepository}).
 */
import type { LedgerKv } from '../store/kv.js';
import { LedgerInputError } from './errors.js';
import { contributionOf } from './policy/summary.js';
import { parseInstant } from './policy/time.js';
import { type OutcomeRecord, readEntry, readSend, toEntry, withOutcome } from './read.js';
import {
  EntryId,
  LEDGER_SCHEMA_VERSION,
  type LedgerEntry,
  OUTCOMES,
  type Outcome,
} from './records.js';
import { type LedgerScope, scopePrefix, summaryKey } from './scope.js';
import { type SendInput, sendRecord, validDate } from './send-input.js';
import type { SendRecord } from './send-record.js';
import type { SummaryStore } from './summary-store.js';

/** What the writes need of a repository: its store, clock, id maker and summaries (if the store can keep them). */
export interface LedgerWriter {
  kv: LedgerKv;
  clock: () => Date;
  newId: () => string;
  summaries: SummaryStore | undefined;
}

/** See `LedgerRepository.logSend`. */
export async function logSend(
  writer: LedgerWriter,
  scope: LedgerScope,
  input: SendInput,
): Promise<LedgerEntry> {
  const { kv, summaries } = writer;
  const prefix = scopePrefix(scope);
  const record = sendRecord(input, writer.clock, writer.newId);
  const key = `${prefix}send:${record.id}`;
  const entry = toEntry(record, undefined);
  if (summaries === undefined) {
    if (input.id !== undefined) {
      const existing = await readEntry(kv, prefix, record.id);
      if (existing !== undefined) return existing;
    }
    await kv.set(key, record);
    return entry;
  }
  return summaries.update(
    summaryKey(scope),
    prefix,
    async () => {
      if (input.id !== undefined) {
        // An idempotency key seen before: the first log stands, nothing is written.
        const existing = await readEntry(kv, prefix, record.id);
        if (existing !== undefined) return { result: existing, writes: [] };
      }
      return { result: entry, writes: [[key, record]], changes: [[contributionOf(entry), 1]] };
    },
    // A send with an id of its own making shares it with no other write: it can go with others.
    { batchable: input.id === undefined },
  );
}

/** See `LedgerRepository.logNewSends`. */
export async function logNewSends(
  writer: LedgerWriter,
  scope: LedgerScope,
  inputs: ReadonlyArray<SendInput & { id: string }>,
): Promise<void> {
  const { kv, summaries } = writer;
  const prefix = scopePrefix(scope);
  const entries = inputs.map((input): [string, SendRecord] => {
    const record = sendRecord(input, writer.clock, writer.newId);
    return [`${prefix}send:${record.id}`, record];
  });
  if (summaries === undefined) {
    if (kv.setMany !== undefined) await kv.setMany(entries);
    else await Promise.all(entries.map(([key, record]) => kv.set(key, record)));
    return;
  }
  await summaries.update(
    summaryKey(scope),
    prefix,
    async (summary) => {
      // Imported sends are pending: one already written (the same file imported twice at once) is there.
      const there = new Set(summary?.pendingIds);
      const writes = entries.filter(([, r]) => !there.has(r.id));
      return {
        result: undefined,
        writes,
        changes: writes.map(([, r]) => [contributionOf(toEntry(r, undefined)), 1]),
      };
    },
    { lists: true },
  );
}

/** The outcome record for `entryId`, or {@link LedgerInputError} for input the ledger refuses. */
async function outcomeEvent(
  writer: LedgerWriter,
  prefix: string,
  entryId: string,
  outcome: Outcome,
  at: Date | undefined,
): Promise<{ send: SendRecord; event: OutcomeRecord }> {
  if (!EntryId.safeParse(entryId).success)
    throw new LedgerInputError('That is not a ledger entry id.');
  if (!(OUTCOMES as readonly string[]).includes(outcome)) {
    throw new LedgerInputError(`The outcome must be one of ${OUTCOMES.join(', ')}.`);
  }
  const when = validDate(at ?? writer.clock(), 'The outcome time');
  const send = await readSend(writer.kv, `${prefix}send:${entryId}`);
  if (send === undefined) throw new LedgerInputError('There is no such invitation in your ledger.');
  if (when.getTime() < parseInstant(send.sentAt)) {
    throw new LedgerInputError('An outcome cannot come before the invitation was sent.');
  }
  const event: OutcomeRecord = {
    schemaVersion: LEDGER_SCHEMA_VERSION,
    entryId,
    status: outcome,
    at: when.toISOString(),
  };
  return { send, event };
}

/** See `LedgerRepository.setOutcome`. */
export async function setOutcome(
  writer: LedgerWriter,
  scope: LedgerScope,
  entryId: string,
  outcome: Outcome,
  at?: Date,
): Promise<LedgerEntry> {
  const { kv, summaries } = writer;
  const prefix = scopePrefix(scope);
  const { send, event } = await outcomeEvent(writer, prefix, entryId, outcome, at);
  const key = `${prefix}outcome:${entryId}:${outcome}`;
  if (summaries === undefined) {
    await kv.set(key, event);
    return (await readEntry(kv, prefix, entryId)) ?? toEntry(send, [event]);
  }
  return summaries.update(summaryKey(scope), prefix, async () => {
    // Read under the summary's token: what this outcome replaces is what the summary counts.
    const before = await readEntry(kv, prefix, entryId);
    if (before === undefined)
      throw new LedgerInputError('There is no such invitation in your ledger.');
    const after = withOutcome(send, before, event);
    return {
      result: after,
      writes: [[key, event]],
      changes: [
        [contributionOf(before), -1],
        [contributionOf(after), 1],
      ],
    };
  });
}
