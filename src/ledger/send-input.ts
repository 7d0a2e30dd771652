import { z } from 'zod';
import { LedgerInputError } from './errors.js';
import { makeRecipient } from './recipient.js';
import { EntryId, LEDGER_SCHEMA_VERSION, NoteTraits, SOURCES } from './records.js';
import { SendRecord } from './send-record.js';

export const SendInput = z.object({
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

export function inputError(error: z.ZodError, what: string): LedgerInputError {
  return new LedgerInputError(`${what}: ${z.prettifyError(error).replace(/\n/g, ' ')}`);
}

export function validDate(value: Date, what: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new LedgerInputError(`${what} is not a valid date.`);
  }
  return value;
}

/** The record of a send, checked; {@link LedgerInputError} for bad input. */
export function sendRecord(input: SendInput, clock: () => Date, newId: () => string): SendRecord {
  const parsed = SendInput.safeParse(input);
  if (!parsed.success) throw inputError(parsed.error, 'Cannot log this send');
  const { recipient, noteLength, source, traits } = parsed.data;
  if (traits !== undefined && noteLength === 0) {
    throw new LedgerInputError('Cannot log this send: an invitation without a note has no traits.');
  }
  const sentAt = validDate(parsed.data.sentAt ?? clock(), 'The send time');
  const record: SendRecord = {
    schemaVersion: LEDGER_SCHEMA_VERSION,
    id: parsed.data.id ?? newId(),
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
