import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { checkNote } from '../check.js';
import { isAccount } from '../limits.js';
import type { Account } from '../types.js';
import { type Colors, formatReport } from './format.js';
import { readAll, TooLargeError } from './io.js';

export interface CheckIo {
  stdin: Readable;
  stdinIsTTY: boolean;
  write(text: string): void;
  colors: Colors;
}

/** A note can be 300 characters; anything past this is not a note and is refused before it is analysed. */
export const MAX_INPUT_BYTES = 1024 * 1024;

export const EXIT = { ready: 0, notReady: 1, usage: 2 } as const;

export class UsageError extends Error {
  override name = 'UsageError';
}

export async function checkOne(
  positional: string[],
  account: Account,
  json: boolean,
  io: CheckIo,
): Promise<number> {
  let note: string;
  // A lone "-" is standard input, as for cat and most tools, not a one-character note.
  const fromStdin = positional.length === 1 && positional[0] === '-';
  if (positional.length > 0 && !fromStdin) {
    note = positional.join(' ');
  } else if (io.stdinIsTTY) {
    throw new UsageError('no note given: pass it as an argument or pipe it on standard input.');
  } else {
    try {
      note = await readAll(io.stdin, MAX_INPUT_BYTES);
    } catch (err) {
      if (err instanceof TooLargeError) {
        throw new UsageError(
          `the input is over ${MAX_INPUT_BYTES / 1024} KiB; a note is at most 300 characters.`,
        );
      }
      throw err;
    }
    // A trailing newline from `echo` or a file is not part of the note.
    note = note.replace(/\r?\n$/, '');
    // An empty pipe (an empty clipboard, a file with nothing in it) is no note, not a blank one to judge.
    if (note.trim() === '') {
      throw new UsageError(
        'no note given: standard input was empty. Pass the note as an argument or pipe it in.',
      );
    }
  }
  const report = checkNote(note, { account });
  io.write(json ? `${JSON.stringify(report)}\n` : formatReport(note, report, account, io.colors));
  return report.ready ? EXIT.ready : EXIT.notReady;
}

/** Batch mode: one JSON object a line in, one result a line out, in order; a bad line does not stop the batch. */
export async function checkLines(defaultAccount: Account, io: CheckIo): Promise<number> {
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let allReady = true;
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const result = checkLine(line, defaultAccount);
    if (!('ready' in result) || !result.ready) allReady = false;
    io.write(`${JSON.stringify(result)}\n`);
  }
  return allReady ? EXIT.ready : EXIT.notReady;
}

type LineResult = ({ id: unknown } & ReturnType<typeof checkNote>) | { id: unknown; error: string };

function checkLine(line: string, defaultAccount: Account): LineResult {
  if (line.length > MAX_INPUT_BYTES)
    return { id: null, error: 'line too long: a note is at most 300 characters' };
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return { id: null, error: 'not valid JSON' };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { id: null, error: 'expected a JSON object like {"id": 1, "note": "…"}' };
  }
  const record = input as Record<string, unknown>;
  const id = record.id ?? null;
  if (typeof record.note !== 'string') return { id, error: '"note" must be a string' };
  const account = record.account ?? defaultAccount;
  if (!isAccount(account)) return { id, error: '"account" must be "basic" or "premium"' };
  return { id, ...checkNote(record.note, { account }) };
}
