import { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { CsvError, parse } from 'csv-parse';

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
  /** The line of the file the row ends on (a quoted message may span several). */
  line: number;
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

/** How much of the file is parsed between two turns of the event loop. */
const SLICE_BYTES = 64 * 1024;

export interface ParseOptions {
  /** Bytes parsed per turn of the event loop (tests use small ones). */
  sliceBytes?: number;
}

/**
 * Reads Invitations.csv: RFC 4180 quoting (commas, quotes and newlines in
 * messages), a BOM, CRLF, and the date formats exports have used. Rows with a
 * bad date or direction are skipped and listed; a file that is not this
 * export at all is refused with a clear reason, and broken quoting with the
 * line it starts on. A 10 MB file takes seconds to parse: it is parsed a
 * slice at a time, letting the event loop answer other users in between.
 */
export async function parseInvitationsCsv(
  data: Buffer | string,
  options: ParseOptions = {},
): Promise<ParsedExport> {
  const size = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
  if (size > MAX_EXPORT_BYTES) {
    throw new ExportFormatError(
      `That file is ${(size / 1024 / 1024).toFixed(1)} MB; LinkedIn's Invitations.csv is far smaller. Upload the Invitations.csv from your LinkedIn data export.`,
    );
  }
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  if (bytes.includes(0))
    throw new ExportFormatError(
      'That is not a text file. Upload the Invitations.csv from your LinkedIn data export.',
    );

  const parser = Readable.from(slices(bytes, options.sliceBytes ?? SLICE_BYTES)).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }),
  );
  const lines = new LineCounter(bytes);
  let rows: RowReader | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<Parsed>) {
      if (rows === undefined) rows = new RowReader(record);
      else rows.read(record, lines.lastLineOf(info.bytes));
    }
  } catch (err) {
    if (err instanceof CsvError) throw unreadable(err, lines);
    throw err;
  }
  // A file with no line at all has no header: the same refusal as a wrong one.
  return (rows ?? new RowReader([])).result;
}

interface Parsed {
  record: string[];
  /** `bytes`: how far into the file the record ends, its line break included. */
  info: { bytes: number };
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Line numbers from byte offsets, counting forward once through the file.
 * (csv-parse's own count takes a CRLF inside a quoted message for two lines.)
 * A line break is LF, CRLF or a lone CR.
 */
class LineCounter {
  #at = 0;
  #breaks = 0;
  constructor(readonly bytes: Buffer) {}

  /** The line the byte at `offset` is on; offsets only grow from one call to the next. */
  lineAt(offset: number): number {
    const { bytes } = this;
    for (; this.#at < offset && this.#at < bytes.length; this.#at++) {
      const b = bytes[this.#at];
      if (b === LF || (b === CR && bytes[this.#at + 1] !== LF)) this.#breaks++;
    }
    return this.#breaks + 1;
  }

  /** The line a record ending at `end` (its line break included) ends on. */
  lastLineOf(end: number): number {
    let last = end;
    while (last > this.#at && (this.bytes[last - 1] === LF || this.bytes[last - 1] === CR)) last--;
    return this.lineAt(last - 1);
  }
}

/** The file in slices, one per turn of the event loop. */
async function* slices(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) {
    if (at > 0) await nextTurn();
    yield bytes.subarray(at, at + size);
  }
}

/**
 * Broken CSV, said with the line to fix: the one the record that cannot be
 * read starts on (csv-parse reports where that record began). Field values
 * are not repeated: they may be part of a note.
 */
function unreadable(err: CsvError, lines: LineCounter): ExportFormatError {
  const at = (err as CsvError & { bytes?: number }).bytes;
  const line = typeof at === 'number' ? lines.lineAt(at) : undefined;
  const where = line === undefined ? 'a line' : `line ${line}`;
  const fix = 'Fix that line, or upload the Invitations.csv from a fresh LinkedIn data export.';
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new ExportFormatError(
        `That file is not a readable CSV: a quoted field that starts on ${where} never closes. ${fix}`,
      );
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_CLOSING_QUOTE':
      return new ExportFormatError(
        `That file is not a readable CSV: ${where} has a stray quote (a " that neither opens nor closes a quoted field). ${fix}`,
      );
    default:
      return new ExportFormatError(
        `That file is not a readable CSV: ${where} cannot be read (${err.code}). ${fix}`,
      );
  }
}

/** Turns records into invitations, given the header's record. */
class RowReader {
  readonly result: ParsedExport = { invitations: [], skipped: [] };
  readonly #index: Map<string, number>;

  constructor(header: string[]) {
    const columns = header.map((c) => c.trim());
    this.#index = new Map(columns.map((c, i) => [c.toLowerCase(), i]));
    const missing = EXPECTED_HEADER.filter((c) => !this.#index.has(c.toLowerCase()));
    if (header.length === 0 || missing.length > 0) {
      throw new ExportFormatError(
        `That CSV is not LinkedIn's Invitations.csv: it lacks the column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}. Expected the header ${EXPECTED_HEADER.join(',')}.`,
      );
    }
  }

  #raw(row: string[], name: string): string {
    return row[this.#index.get(name.toLowerCase()) as number] ?? '';
  }

  #get(row: string[], name: string): string {
    return this.#raw(row, name).trim();
  }

  read(record: string[], line: number): void {
    const { invitations, skipped } = this.result;
    const direction = this.#get(record, 'Direction').toUpperCase();
    if (direction !== 'OUTGOING' && direction !== 'INCOMING') {
      skipped.push({ line, reason: `unknown direction "${this.#get(record, 'Direction')}"` });
      return;
    }
    const sentAt = parseExportDate(this.#get(record, 'Sent At'));
    if (sentAt === undefined) {
      skipped.push({ line, reason: `unreadable date "${this.#get(record, 'Sent At')}"` });
      return;
    }
    const to = this.#get(record, 'To');
    if (direction === 'OUTGOING' && to === '') {
      skipped.push({ line, reason: 'no recipient' });
      return;
    }
    invitations.push({
      to,
      from: this.#get(record, 'From'),
      sentAt,
      message: this.#raw(record, 'Message'),
      direction,
      inviteeProfileUrl: this.#get(record, 'inviteeProfileUrl') || undefined,
      inviterProfileUrl: this.#get(record, 'inviterProfileUrl') || undefined,
      line,
    });
  }
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
