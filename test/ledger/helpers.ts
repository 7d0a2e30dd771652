import { makeRecipient } from '../../src/ledger/recipient.js';
import {
  LEDGER_SCHEMA_VERSION,
  LedgerEntry,
  LedgerSettings,
  type NoteTraits,
  type Outcome,
  type Source,
} from '../../src/ledger/records.js';

let counter = 0;

export interface EntrySpec {
  sentAt: string;
  id?: string;
  name?: string;
  profileUrl?: string;
  noteLength?: number;
  source?: Source;
  traits?: NoteTraits;
  /** Status changes after `pending`, in order. */
  outcomes?: [Outcome, string][];
}

/** A valid ledger entry, parsed through the real schema so that tests never build impossible records. */
export function entry(spec: EntrySpec): LedgerEntry {
  counter += 1;
  const sentAt = new Date(spec.sentAt).toISOString();
  const noteLength = spec.noteLength ?? 0;
  return LedgerEntry.parse({
    schemaVersion: LEDGER_SCHEMA_VERSION,
    id: spec.id ?? `e${counter}`,
    // As stored: the name unchecked (ledgers written before names were checked
    // may hold markup, which every list must still escape), the address canonical.
    recipient: {
      name: spec.name ?? `Person ${counter}`,
      ...(spec.profileUrl
        ? { profileUrl: makeRecipient({ profileUrl: spec.profileUrl }).profileUrl }
        : {}),
    },
    sentAt,
    personalised: noteLength > 0,
    noteLength,
    source: spec.source ?? 'manual',
    ...(spec.traits ? { traits: spec.traits } : {}),
    history: [
      { status: 'pending', at: sentAt },
      ...(spec.outcomes ?? []).map(([status, at]) => ({ status, at: new Date(at).toISOString() })),
    ],
  });
}

/** `n` entries sent at the given instant. */
export function many(n: number, spec: EntrySpec): LedgerEntry[] {
  return Array.from({ length: n }, () => entry(spec));
}

export function settings(partial: Partial<LedgerSettings> = {}): LedgerSettings {
  return LedgerSettings.parse(partial);
}

/** An ISO instant `ms` milliseconds before or after `iso`. */
export function shift(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}

export const DAY = 24 * 60 * 60 * 1000;
