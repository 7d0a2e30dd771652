import { csvDocument, spreadsheetSafe } from './csv.js';
import type { LedgerEntry } from './records.js';

const HEADER = [
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

/**
 * The ledger as CSV (RFC 4180: CRLF line ends, fields quoted when needed).
 * Names are made safe to open in a spreadsheet. Holds no note text: the
 * ledger never had it; the last two columns are its traits (yes, no, or
 * blank when unknown).
 */
export function ledgerCsv(entries: readonly LedgerEntry[]): string {
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
  return csvDocument([HEADER, ...rows]);
}
