/**
 * The ledger in Block Kit: the status view (the budget, its figures and the
 * warnings) and the list of pending invitations with a menu to record each
 * outcome. Pure functions of what the ledger policy computed.
 *
 * Everything a person typed (recipient names) goes through {@link escapeMrkdwn}.
 */
import type { types } from '@slack/bolt';
import {
  budgetLine,
  DAY_MS,
  type LedgerEntry,
  type LedgerStatus,
  type LedgerWarning,
  OUTCOMES,
  type Outcome,
  pendingOldestFirst,
  type Severity,
} from '../../ledger/index.js';
import { escapeMrkdwn } from '../../text/mrkdwn.js';
import { OUTCOME_ACTION_ID } from '../ids.js';
import { outcomeValue } from '../payload.js';

/** Slack allows 50 blocks in a message. */
const MAX_BLOCKS = 50;

const mrkdwn = (text: string): types.MrkdwnElement => ({ type: 'mrkdwn', text });
const plain = (text: string): types.PlainTextElement => ({ type: 'plain_text', text, emoji: true });

const SEVERITY_ICON: Record<Severity, string> = {
  danger: ':red_circle:',
  warn: ':large_yellow_circle:',
  info: ':information_source:',
};

/** A date Slack shows in the reader's own time zone, with an ISO fallback. */
function slackDate(iso: string): string {
  const seconds = Math.floor(Date.parse(iso) / 1000);
  return `<!date^${seconds}^{date_short_pretty}|${iso.slice(0, 10)}>`;
}

/** A rate as a whole percentage, or a dash when there is nothing to rate. */
export function percent(rate: number | null): string {
  return rate === null ? '–' : `${Math.round(rate * 100)}%`;
}

/** One line per warning, the most severe first (as the policy sorts them). */
export function warningBlocks(warnings: readonly LedgerWarning[]): types.KnownBlock[] {
  if (warnings.length === 0) return [];
  return [
    {
      type: 'section',
      text: mrkdwn(
        warnings.map((w) => `${SEVERITY_ICON[w.severity]} ${escapeMrkdwn(w.message)}`).join('\n'),
      ),
    },
  ];
}

/** `/invite-coach status`: the budget line, the figures and the warnings. */
export function statusBlocks(summary: LedgerStatus): types.KnownBlock[] {
  const { week, today, pending, idk, notes, acceptance } = summary;
  const noteText =
    notes.left === null
      ? `${notes.used} this month (Premium: no limit)`
      : `${notes.left} of ${notes.limit} left this month`;
  const rates = acceptance.map(
    (a) => `${percent(a.rate)} over ${a.days} days (${a.accepted}/${a.sent})`,
  );
  return [
    { type: 'header', text: plain('Your invitation budget') },
    { type: 'context', elements: [mrkdwn(escapeMrkdwn(budgetLine(summary)))] },
    {
      type: 'section',
      fields: [
        mrkdwn(`*This week*\n${week.sent} of ${week.cap}`),
        mrkdwn(`*Today*\n${today.today} (spread out: at most ${today.limit} a day)`),
        mrkdwn(
          `*Pending*\n${pending.count} of ${pending.threshold} · ${pending.stale} over a week, ${pending.veryStale} over three`,
        ),
        mrkdwn(
          `*"I don't know this person"*\n${idk.count} (warning at ${idk.warnAt}, danger at ${idk.dangerAt})`,
        ),
        mrkdwn(`*Personalised notes*\n${noteText}`),
        mrkdwn(`*Accepted*\n${rates.join('\n')}`),
      ],
    },
    ...warningBlocks(summary.warnings),
  ];
}

const OUTCOME_LABEL: Record<Outcome, string> = {
  accepted: 'Accepted',
  ignored: 'Ignored',
  withdrawn: 'Withdrawn',
  idk: 'Answered "I don\'t know"',
};

function recipientText(entry: LedgerEntry): string {
  const name =
    entry.recipient.name === undefined ? undefined : `*${escapeMrkdwn(entry.recipient.name)}*`;
  const url = entry.recipient.profileUrl;
  // Canonical profile URLs hold no `|` or `>`: the normaliser percent-encodes the slug.
  if (url === undefined) return name ?? '';
  return name === undefined ? `<${url}>` : `${name} · <${url}|profile>`;
}

/**
 * One pending invitation in two lines: who (escaped name, profile link), when
 * it was sent (in the reader's time zone), how long ago, and whether it had a
 * note. Shared by the pending list and the weekly digest.
 */
export function pendingEntryText(entry: LedgerEntry, now: Date): string {
  const days = Math.floor((now.getTime() - Date.parse(entry.sentAt)) / DAY_MS);
  const note = entry.personalised
    ? `with a note (${entry.noteLength} characters)`
    : 'without a note';
  return `${recipientText(entry)}\nSent ${slackDate(entry.sentAt)} (${days} ${days === 1 ? 'day' : 'days'} ago), ${note}`;
}

export interface PendingListOptions {
  /** Most entries to show; the rest are counted. Capped so the message stays under Slack's 50 blocks. */
  limit?: number;
}

/**
 * The pending invitations, oldest first (those to withdraw come first), each
 * with its age and a menu to record what became of it. Entries that are not
 * pending are left out.
 */
export function pendingListBlocks(
  entries: readonly LedgerEntry[],
  now: Date,
  options: PendingListOptions = {},
): types.KnownBlock[] {
  const pending = pendingOldestFirst(entries);
  if (pending.length === 0) {
    return [{ type: 'section', text: mrkdwn('No pending invitations. :tada:') }];
  }
  const limit = Math.max(1, Math.min(options.limit ?? 20, MAX_BLOCKS - 3));
  const shown = pending.slice(0, limit);
  const blocks: types.KnownBlock[] = [
    { type: 'header', text: plain(`Pending invitations (${pending.length})`) },
  ];
  for (const entry of shown) {
    blocks.push({
      type: 'section',
      block_id: `ledger_pending_${entry.id}`,
      text: mrkdwn(pendingEntryText(entry, now)),
      accessory: {
        type: 'overflow',
        action_id: OUTCOME_ACTION_ID,
        options: OUTCOMES.map((o) => ({
          text: plain(OUTCOME_LABEL[o]),
          value: outcomeValue(o, entry.id),
        })),
      },
    });
  }
  if (pending.length > shown.length) {
    blocks.push({
      type: 'context',
      elements: [
        mrkdwn(`…and ${pending.length - shown.length} more. Export the ledger to see them all.`),
      ],
    });
  }
  return blocks;
}
