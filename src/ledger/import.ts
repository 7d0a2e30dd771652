/**
 * Brings the invitations of LinkedIn's Invitations.csv (parsed by
 * `src/import/invitations-csv.ts`) into a user's ledger, as pending sends with
 * source `import`. The note's text is only measured and checked (for its
 * {@link noteTraits}), never stored.
 */
import { createHash } from 'node:crypto';
import { checkNote } from '../check.js';
import {
  type ExportedInvitation,
  type ParsedExport,
  parseInvitationsCsv,
} from '../import/invitations-csv.js';
import { countGraphemes } from '../text/graphemes.js';
import { DAY_MS } from './policy/defaults.js';
import { canonicalProfileUrl, normaliseName, profileSlug, sameRecipient } from './recipient.js';
import type { LedgerRepository, LedgerScope } from './store.js';
import { noteTraits } from './traits.js';

export interface ImportResult {
  /** Sends added to the ledger. */
  imported: number;
  /** Sends the ledger already had: from an earlier import, or logged by hand within a day and a half. */
  alreadyThere: number;
  /** Incoming invitations, which are not the user's sends. */
  incoming: number;
}

/** Two logs of one invitation to one person this close together are the same send. */
const SAME_SEND_MS = 1.5 * DAY_MS;

/**
 * A stable id per exported invitation, so that importing the same export
 * twice keeps one entry per invitation.
 */
export function importId(invitation: ExportedInvitation): string {
  const who =
    (invitation.inviteeProfileUrl && profileSlug(invitation.inviteeProfileUrl)) ??
    normaliseName(invitation.to);
  const digest = createHash('sha256')
    .update(`${who}\n${invitation.sentAt.toISOString()}`)
    .digest('hex');
  return `import-${digest.slice(0, 32)}`;
}

export async function importInvitations(
  repo: LedgerRepository,
  scope: LedgerScope,
  invitations: readonly ExportedInvitation[],
): Promise<ImportResult> {
  const existing = await repo.list(scope);
  const ids = new Set(existing.map((e) => e.id));
  const result: ImportResult = { imported: 0, alreadyThere: 0, incoming: 0 };
  for (const invitation of invitations) {
    if (invitation.direction !== 'OUTGOING') {
      result.incoming += 1;
      continue;
    }
    const profileUrl =
      invitation.inviteeProfileUrl && canonicalProfileUrl(invitation.inviteeProfileUrl);
    const recipient = { name: invitation.to, profileUrl: profileUrl || undefined };
    const id = importId(invitation);
    const sentAt = invitation.sentAt.getTime();
    const loggedByHand = existing.some(
      (e) =>
        sameRecipient(e.recipient, recipient) &&
        Math.abs(Date.parse(e.sentAt) - sentAt) <= SAME_SEND_MS,
    );
    if (ids.has(id) || loggedByHand) {
      result.alreadyThere += 1;
      continue;
    }
    const note = invitation.message.trim();
    const noteLength = countGraphemes(note);
    const traits = noteLength > 0 ? noteTraits(checkNote(note)) : undefined;
    await repo.logSend(scope, {
      id,
      recipient,
      noteLength,
      ...(traits ? { traits } : {}),
      source: 'import',
      sentAt: invitation.sentAt,
    });
    ids.add(id);
    result.imported += 1;
  }
  return result;
}

/** What an import of one file did, rows skipped included (line numbers of the file). */
export interface ImportSummary extends ImportResult {
  skipped: ParsedExport['skipped'];
}

/**
 * Reads an Invitations.csv and imports it: the one path for the CLI and the
 * Slack upload. A file that is not the export throws `ExportFormatError`.
 */
export async function importInvitationsCsv(
  repo: LedgerRepository,
  scope: LedgerScope,
  data: Buffer | string,
): Promise<ImportSummary> {
  const { invitations, skipped } = parseInvitationsCsv(data);
  const result = await importInvitations(repo, scope, invitations);
  return { ...result, skipped };
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
      `Skipped ${summary.skipped.length} unreadable row${summary.skipped.length === 1 ? '' : 's'}:`,
    );
    for (const s of summary.skipped.slice(0, SKIPPED_LISTED))
      lines.push(`  line ${s.line}: ${s.reason}`);
    if (summary.skipped.length > SKIPPED_LISTED)
      lines.push(`  …and ${summary.skipped.length - SKIPPED_LISTED} more`);
  }
  return lines;
}
