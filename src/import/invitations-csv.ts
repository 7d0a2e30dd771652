import { CsvError, parse } from 'csv-parse/sync';

/** One row of LinkedIn's Invitations.csv (from the member's data export). */
export interface ExportedInvitation {
  to: string;
  from: string;
  sentAt: Date;
  /** Empty when no personal note was sent. */
  message: string;
  direction: 'OUTGOING' | 'INCOMING';
  inviteeProfileUrl?: string;
  inviterProfileUrl?: string;
}

export interface ParsedExport {
  invitations: ExportedInvitation[];
  /** Rows that could not be read, with the line of the file they end on and why. */
  skipped: Array<{ line: number; reason: string }>;
}

export const EXPECTED_HEADER = [
  'From',
  'To',
  'Sent At',
  'Message',
  'Direction',
  'inviterProfileUrl',
  'inviteeProfileUrl',
];

/** LinkedIn's exports are small; anything past this is not one. */
export const MAX_EXPORT_BYTES = 10 * 1024 * 1024;

/** The file is not an Invitations.csv this app can read; the message is for the user. */
export class ExportFormatError extends Error {
  override name = 'ExportFormatError';
}

/**
 * Reads Invitations.csv: RFC 4180 quoting (commas, quotes and newlines in
 * messages), a BOM, CRLF, and the date formats exports have used. Rows with a
 * bad date or direction are skipped and listed; a file that is not this
 * export at all is refused with a clear reason.
 */
export function parseInvitationsCsv(data: Buffer | string): ParsedExport {
  const size = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
  if (size > MAX_EXPORT_BYTES) {
    throw new ExportFormatError(
      `That file is ${(size / 1024 / 1024).toFixed(1)} MB; LinkedIn's Invitations.csv is far smaller. Upload the Invitations.csv from your LinkedIn data export.`,
    );
  }
  const text = typeof data === 'string' ? data : data.toString('utf8');
  if (text.includes('\u0000'))
    throw new ExportFormatError(
      'That is not a text file. Upload the Invitations.csv from your LinkedIn data export.',
    );

  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as typeof records;
  } catch (err) {
    if (err instanceof CsvError)
      throw new ExportFormatError(`That file is not a readable CSV (${err.message}).`);
    throw err;
  }
  const [header, ...rows] = records;
  const columns = header?.record.map((c) => c.trim()) ?? [];
  const index = new Map(columns.map((c, i) => [c.toLowerCase(), i]));
  const missing = EXPECTED_HEADER.filter((c) => !index.has(c.toLowerCase()));
  if (header === undefined || missing.length > 0) {
    throw new ExportFormatError(
      `That CSV is not LinkedIn's Invitations.csv: it lacks the column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}. Expected the header ${EXPECTED_HEADER.join(',')}.`,
    );
  }
  const get = (row: string[], name: string) =>
    (row[index.get(name.toLowerCase()) as number] ?? '').trim();

  const invitations: ExportedInvitation[] = [];
  const skipped: ParsedExport['skipped'] = [];
  for (const { record, info } of rows) {
    const line = info.lines;
    const direction = get(record, 'Direction').toUpperCase();
    if (direction !== 'OUTGOING' && direction !== 'INCOMING') {
      skipped.push({ line, reason: `unknown direction "${get(record, 'Direction')}"` });
      continue;
    }
    const sentAt = parseExportDate(get(record, 'Sent At'));
    if (sentAt === undefined) {
      skipped.push({ line, reason: `unreadable date "${get(record, 'Sent At')}"` });
      continue;
    }
    const to = get(record, 'To');
    if (direction === 'OUTGOING' && to === '') {
      skipped.push({ line, reason: 'no recipient' });
      continue;
    }
    invitations.push({
      to,
      from: get(record, 'From'),
      sentAt,
      message: record[index.get('message') as number] ?? '',
      direction,
      inviteeProfileUrl: get(record, 'inviteeProfileUrl') || undefined,
      inviterProfileUrl: get(record, 'inviterProfileUrl') || undefined,
    });
  }
  return { invitations, skipped };
}

const US_SHORT =
  /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])$/;
const ISO_LIKE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\s*(UTC|GMT|Z))?$/;

/** Dates as exports write them, read as UTC: "3/5/26, 1:45 AM", "2026-06-01 08:00 UTC". */
export function parseExportDate(value: string): Date | undefined {
  const us = US_SHORT.exec(value);
  if (us) {
    const [, month, day, year, hour, minute, second, half] = us;
    let h = Number(hour) % 12;
    if ((half as string).toUpperCase() === 'PM') h += 12;
    const y = (year as string).length === 2 ? 2000 + Number(year) : Number(year);
    return utc(y, Number(month), Number(day), h, Number(minute), Number(second ?? 0));
  }
  const iso = ISO_LIKE.exec(value);
  if (iso) {
    const [, year, month, day, hour, minute, second] = iso;
    return utc(
      Number(year),
      Number(month),
      Number(day),
      Number(hour),
      Number(minute),
      Number(second ?? 0),
    );
  }
  return undefined;
}

function utc(y: number, mo: number, d: number, h: number, mi: number, s: number): Date | undefined {
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Reject 2/31 and 25:00 rather than rolling them over.
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || s > 59)
    return undefined;
  return date;
}
