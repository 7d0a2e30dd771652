/**
 * Brings the invitations of LinkedIn's Invitations.csv (parsed by
 * `src/import/invitations-csv.ts`) into a user's ledger, as pending sends with
 * source `import`. The note's text is only measured and checked (for its
 * {@link noteTraits}), never stored.
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { checkNote } from '../check.js';
import {
  type ExportedInvitation,
  type ParsedExport,
  type ParseOptions,
  parseInvitationsCsv,
} from '../import/invitations-csv.js';
import { countGraphemes } from '../text/graphemes.js';
import { LedgerInputError } from './errors.js';
import { DAY_MS } from './policy/defaults.js';
import {
  canonicalProfileUrl,
  makeRecipient,
  normaliseName,
  profileSlug,
  type Recipient,
} from './recipient.js';
import type { LedgerEntry } from './records.js';
import type { LedgerRepository, LedgerScope, SendInput } from './store.js';
import { noteTraits } from './traits.js';

export interface ImportResult {
  /** Sends added to the ledger. */
  imported: number;
  /** Sends the ledger already had: from an earlier import, or logged by hand within a day and a half. */
  alreadyThere: number;
  /** Incoming invitations, which are not the user's sends. */
  incoming: number;
  /** Rows the ledger cannot hold (a name or a message too long), with their line in the file. */
  skipped: ParsedExport['skipped'];
}

/** Two logs of one invitation to one person this close together are the same send. */
const SAME_SEND_MS = 1.5 * DAY_MS;

/** The longest note the ledger measures (LinkedIn's own limit is far below). */
const MAX_NOTE = 10_000;

/** Sends written per store round trip: one statement, not one disk sync per row. */
const WRITE_BATCH = 500;

/** The longest the import computes (hashing, checking notes) before letting other users' requests run. */
const SLICE_MS = 10;

/**
 * A stable id per exported invitation, so that importing the same export
 * twice keeps one entry per invitation.
 */
export function importId(
  invitation: Pick<ExportedInvitation, 'to' | 'sentAt' | 'inviteeProfileUrl'>,
): string {
  const who =
    (invitation.inviteeProfileUrl && profileSlug(invitation.inviteeProfileUrl)) ??
    normaliseName(invitation.to);
  const digest = createHash('sha256')
    .update(`${who}\n${invitation.sentAt.toISOString()}`)
    .digest('hex');
  return `import-${digest.slice(0, 32)}`;
}

/**
 * The ledger's sends by recipient, built once per import so that each row is
 * matched in constant time, with the rule of `sameRecipient`: when both have a
 * profile URL the URL decides, otherwise the normalised names do.
 */
class SendsByRecipient {
  readonly #bySlug = new Map<string, number[]>();
  readonly #byName = new Map<string, number[]>();
  /** Sends whose recipient has a name and no URL: a row with a URL matches them by name. */
  readonly #byNameWithoutUrl = new Map<string, number[]>();

  /** Built a slice at a time: 50,000 entries take a while to normalise. */
  static async of(entries: readonly LedgerEntry[], pause: () => Promise<void>) {
    const index = new SendsByRecipient();
    for (const e of entries) {
      await pause();
      index.#add(e);
    }
    return index;
  }

  #add(e: LedgerEntry): void {
    const sentAt = Date.parse(e.sentAt);
    const slug = e.recipient.profileUrl && profileSlug(e.recipient.profileUrl);
    if (slug) add(this.#bySlug, slug, sentAt);
    if (e.recipient.name !== undefined) {
      const name = normaliseName(e.recipient.name);
      add(this.#byName, name, sentAt);
      if (!slug) add(this.#byNameWithoutUrl, name, sentAt);
    }
  }

  /** Whether the ledger has a send to `recipient` within `SAME_SEND_MS` of `sentAt`. */
  hasNear(recipient: Recipient, sentAt: number): boolean {
    const slug = recipient.profileUrl && profileSlug(recipient.profileUrl);
    const name = recipient.name === undefined ? undefined : normaliseName(recipient.name);
    const near = (times: number[] | undefined) =>
      times?.some((t) => Math.abs(t - sentAt) <= SAME_SEND_MS) ?? false;
    if (slug)
      return (
        near(this.#bySlug.get(slug)) ||
        (name !== undefined && near(this.#byNameWithoutUrl.get(name)))
      );
    return name !== undefined && near(this.#byName.get(name));
  }
}

/** A pause that yields to the event loop once `SLICE_MS` of work has passed since the last one. */
function slicer(): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since <= SLICE_MS) return;
    await nextTurn();
    since = performance.now();
  };
}

function add(map: Map<string, number[]>, key: string, time: number): void {
  const times = map.get(key);
  if (times === undefined) map.set(key, [time]);
  else times.push(time);
}

/** A {@link LedgerInputError}'s sentence as a skipped row's reason: "the recipient name is …". */
function reasonOf(error: LedgerInputError): string {
  const text = error.message.replace(/\.$/, '');
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** A send an import adds, under the id {@link importId} gives it. */
type ImportedSend = SendInput & { id: string };

/** What one row of the export comes to: a send to add, or why it adds none. */
type RowVerdict =
  | { kind: 'send'; send: ImportedSend }
  | { kind: 'incoming' | 'alreadyThere' }
  | { kind: 'skipped'; reason: string };

/**
 * Judges one invitation against the ledger as read (`ids`, `byRecipient`):
 * an incoming one, one the ledger has, one it cannot hold, or a new send.
 */
function judgeRow(
  invitation: ExportedInvitation,
  ids: ReadonlySet<string>,
  byRecipient: SendsByRecipient,
): RowVerdict {
  if (invitation.direction !== 'OUTGOING') return { kind: 'incoming' };
  let recipient: Recipient;
  try {
    const profileUrl =
      invitation.inviteeProfileUrl && canonicalProfileUrl(invitation.inviteeProfileUrl);
    recipient = makeRecipient({ name: invitation.to, profileUrl: profileUrl || undefined });
  } catch (error) {
    if (!(error instanceof LedgerInputError)) throw error;
    return { kind: 'skipped', reason: reasonOf(error) };
  }
  const id = importId(invitation);
  if (ids.has(id) || byRecipient.hasNear(recipient, invitation.sentAt.getTime()))
    return { kind: 'alreadyThere' };
  const note = invitation.message.trim();
  const noteLength = countGraphemes(note);
  if (noteLength > MAX_NOTE) {
    return {
      kind: 'skipped',
      reason: `the message is longer than ${MAX_NOTE.toLocaleString('en-US')} characters`,
    };
  }
  const traits = noteLength > 0 ? noteTraits(checkNote(note)) : undefined;
  return {
    kind: 'send',
    send: {
      id,
      recipient,
      noteLength,
      ...(traits ? { traits } : {}),
      source: 'import',
      sentAt: invitation.sentAt,
    },
  };
}

/**
 * Adds the outgoing invitations the ledger does not have yet. The ledger is
 * read once and indexed, so the time grows with the rows, not their square;
 * the work is cut into short slices and the sends are written in batches,
 * so other users' requests are answered while a large file imports. A row
 * the ledger cannot hold is skipped and listed; a store failure throws (the
 * batches written stay, and importing again adds nothing twice).
 */
export async function importInvitations(
  repo: LedgerRepository,
  scope: LedgerScope,
  invitations: readonly ExportedInvitation[],
): Promise<ImportResult> {
  const existing = await repo.list(scope);
  const ids = new Set(existing.map((e) => e.id));
  const pause = slicer();
  const byRecipient = await SendsByRecipient.of(existing, pause);
  const result: ImportResult = { imported: 0, alreadyThere: 0, incoming: 0, skipped: [] };
  let batch: ImportedSend[] = [];
  for (const invitation of invitations) {
    await pause();
    const verdict = judgeRow(invitation, ids, byRecipient);
    if (verdict.kind === 'skipped') {
      result.skipped.push({ line: invitation.line, reason: verdict.reason });
    } else if (verdict.kind !== 'send') {
      result[verdict.kind] += 1;
    } else {
      ids.add(verdict.send.id);
      batch.push(verdict.send);
      if (batch.length >= WRITE_BATCH) {
        await write(batch);
        batch = [];
      }
    }
  }
  await write(batch);
  return result;

  // The ledger was just read: the ids are known to be new, so nothing is read before writing.
  async function write(sends: ImportedSend[]): Promise<void> {
    if (sends.length === 0) return;
    await repo.logNewSends(scope, sends);
    result.imported += sends.length;
  }
}

/** What an import of one file did (the rows skipped while reading it included). */
export type ImportSummary = ImportResult;

/**
 * Reads an Invitations.csv and imports it: the one path for the CLI and the
 * Slack upload. A file that is not the export throws `ExportFormatError`.
 */
export async function importInvitationsCsv(
  repo: LedgerRepository,
  scope: LedgerScope,
  data: Buffer | string,
  options: ParseOptions = {},
): Promise<ImportSummary> {
  const { invitations, skipped } = await parseInvitationsCsv(data, options);
  const result = await importInvitations(repo, scope, invitations);
  return {
    ...result,
    skipped: [...skipped, ...result.skipped].sort((a, b) => a.line - b.line),
  };
}

/** Most skipped rows listed one by one; the rest are counted. */
const SKIPPED_LISTED = 10;

/** The summary as plain lines, for a terminal or a Slack message. */
export function importSummaryLines(summary: ImportSummary): string[] {
  const lines = [
    `Added ${summary.imported} pending invitation${summary.imported === 1 ? '' : 's'} to your ledger.`,
    `Already in your ledger: ${summary.alreadyThere}.`,
  ];
  if (summary.incoming > 0) lines.push(`Incoming invitations ignored: ${summary.incoming}.`);
  if (summary.skipped.length > 0) {
    lines.push(
      `Skipped ${summary.skipped.length} row${summary.skipped.length === 1 ? '' : 's'} that could not be imported:`,
    );
    for (const s of summary.skipped.slice(0, SKIPPED_LISTED))
      lines.push(`  line ${s.line}: ${s.reason}`);
    if (summary.skipped.length > SKIPPED_LISTED)
      lines.push(`  …and ${summary.skipped.length - SKIPPED_LISTED} more`);
  }
  return lines;
}
