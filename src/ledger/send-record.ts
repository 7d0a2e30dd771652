import { z } from 'zod';
import { isoUtcMs } from './policy/time.js';
import {
  EntryId,
  LEDGER_SCHEMA_VERSION,
  NoteTraits,
  PLAIN_CANONICAL_PROFILE_URL,
  RecipientRecord,
  SOURCES,
} from './records.js';

/**
 * How a send is stored: the entry without its history. Outcomes are separate
 * records, so that no write ever reads, changes and rewrites a record
 * another process might be writing at the same moment.
 */
export const SendRecord = z.object({
  schemaVersion: z.literal(LEDGER_SCHEMA_VERSION),
  id: EntryId,
  recipient: RecipientRecord,
  sentAt: z.iso.datetime(),
  personalised: z.boolean(),
  noteLength: z.number().int().min(0).max(10_000),
  source: z.enum(SOURCES),
  // Optional, so records written before it existed stay valid as they are
  // (and an older reader drops it): no schema version bump.
  traits: NoteTraits.optional(),
});
export type SendRecord = z.infer<typeof SendRecord>;

const ENTRY_ID = /^[A-Za-z0-9_-]{1,64}$/;
const SEND_KEYS = new Set([
  'schemaVersion',
  'id',
  'recipient',
  'sentAt',
  'personalised',
  'noteLength',
  'source',
  'traits',
]);
const SOURCE_NAMES = new Set<string>(SOURCES);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function onlyKeys(record: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  for (const key in record) if (!allowed.has(key)) return false;
  return true;
}

const RECIPIENT_KEYS = new Set(['name', 'profileUrl']);
const TRAIT_KEYS = new Set(['context', 'nextStep']);

/**
 * Whether `value` is a send exactly as `logSend` writes it: every field one
 * that {@link SendRecord} accepts and returns unchanged, nothing more. Reading
 * a ledger checks every record; with zod alone that was most of the cost of a
 * digest's read. Whatever this does not recognise (older shapes, extra
 * fields, a profile URL with escapes, anything odd) goes through the schema,
 * which also words the error; a test holds the two to the same answers.
 */
export function isStoredSend(value: unknown): value is SendRecord {
  if (!isPlainObject(value) || !onlyKeys(value, SEND_KEYS)) return false;
  const { schemaVersion, id, recipient, sentAt, personalised, noteLength, source } = value;
  if (schemaVersion !== LEDGER_SCHEMA_VERSION) return false;
  if (typeof id !== 'string' || !ENTRY_ID.test(id)) return false;
  if (typeof sentAt !== 'string' || isoUtcMs(sentAt) === undefined) return false;
  if (typeof personalised !== 'boolean') return false;
  if (typeof noteLength !== 'number' || !Number.isInteger(noteLength)) return false;
  if (noteLength < 0 || noteLength > 10_000) return false;
  if (typeof source !== 'string' || !SOURCE_NAMES.has(source)) return false;
  if ('traits' in value) {
    const traits = value.traits;
    if (!isPlainObject(traits) || !onlyKeys(traits, TRAIT_KEYS)) return false;
    if (typeof traits.context !== 'boolean' || typeof traits.nextStep !== 'boolean') return false;
  }
  if (!isPlainObject(recipient) || !onlyKeys(recipient, RECIPIENT_KEYS)) return false;
  const hasName = 'name' in recipient;
  const hasUrl = 'profileUrl' in recipient;
  if (!hasName && !hasUrl) return false;
  if (hasName) {
    const name = recipient.name;
    if (typeof name !== 'string' || name.length < 1 || name.length > 200) return false;
    if (name.trim() !== name) return false;
  }
  if (hasUrl) {
    const url = recipient.profileUrl;
    if (typeof url !== 'string' || !PLAIN_CANONICAL_PROFILE_URL.test(url)) return false;
  }
  return true;
}
