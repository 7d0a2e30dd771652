import type { types } from '@slack/bolt';
import type { LedgerEntry, LedgerWarning, Outcome, Recipient } from '../../ledger/index.js';
import { StoreUnavailableError } from '../../store/errors.js';
import {
  ACTION_I_SENT_IT,
  ACTION_LOG_ANYWAY,
  COMMAND_LOG,
  OUTCOME_ACTION_ID,
  VIEW_LOG_RECIPIENT,
} from '../ids.js';
import { MAX_RECIPIENT_INPUT } from '../input.js';
import { encodeRecipient, encodeSent, outcomeValue, type SentState } from '../payload.js';
import { warningBlocks } from './budget.js';
import { context, type Message, section } from './message.js';
import { truncate, userText } from './text.js';

/** The "I sent it" button, carrying the source, length and traits of the note (well under 2,000 characters). */
export function sentButton(state: SentState): types.Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: 'I sent it' },
    action_id: ACTION_I_SENT_IT,
    value: encodeSent(state),
  };
}

/** A recipient as shown back: the name (escaped) or else the profile address. */
export function recipientLabel(recipient: Recipient): string {
  if (recipient.name !== undefined) return `*${userText(truncate(recipient.name, 200))}*`;
  return recipient.profileUrl === undefined ? 'them' : userText(recipient.profileUrl);
}

export const OUTCOME_WORDS: Record<Outcome, string> = {
  accepted: 'accepted',
  ignored: 'ignored',
  withdrawn: 'withdrawn',
  idk: 'answered "I don\'t know this person"',
};

export function inputErrorMessage(error: string): Message {
  return { text: error, blocks: [section(`:warning: ${userText(error)}`)] };
}

/**
 * Why a ledger command could not be done, as truly as we know it: a store that
 * refused the call changed nothing; one that did not answer in time may have
 * taken a write (the user can look); anything else is a failure of ours.
 */
export function ledgerFailureMessage(error?: unknown): Message {
  if (error instanceof StoreUnavailableError && error.mayHaveWritten) {
    const line =
      'Sorry, I could not reach your ledger in time. If you were logging something, it may still have been recorded: `/invite-log pending` shows your list.';
    return { text: line, blocks: [section(`:warning: ${line}`)] };
  }
  if (error instanceof StoreUnavailableError) {
    const line =
      'Sorry, I could not reach your ledger just now. Nothing was changed. Please try again in a minute.';
    return { text: line, blocks: [section(`:warning: ${line}`)] };
  }
  return {
    text: 'Sorry, I could not reach your ledger. Please try again.',
    blocks: [
      section(
        ':warning: Sorry, I could not reach your ledger. Nothing was changed. Please try again.',
      ),
    ],
  };
}

/** The message with a line saying which records were left out, when some were. */
export function withSkipped(
  message: Message,
  skipped: { count: number; newer: number } | undefined,
): Message {
  const line = skippedLine(skipped);
  if (line === undefined) return message;
  return {
    text: `${message.text} ${line}`,
    blocks: [...message.blocks, context(`:warning: ${line}`)],
  };
}

/** A line for answers built from a ledger with records left out (see `LedgerSnapshot.skipped`). */
export function skippedLine(
  skipped: { count: number; newer: number } | undefined,
): string | undefined {
  if (skipped === undefined || skipped.count === 0) return undefined;
  const { count, newer } = skipped;
  const records = count === 1 ? '1 record' : `${count} records`;
  if (newer === count)
    return `${records} of your ledger ${count === 1 ? 'was' : 'were'} written by a newer version of the app and ${count === 1 ? 'was' : 'were'} left out.`;
  return `${records} of your ledger could not be read and ${count === 1 ? 'was' : 'were'} left out${newer > 0 ? ` (${newer} from a newer version of the app)` : ''}.`;
}

function budgetContext(budget: string | undefined): types.KnownBlock[] {
  return budget === undefined ? [] : [context(userText(budget))];
}

/** A send logged: the warnings LinkedIn would have given (if any), then the budget line. */
export function loggedBlocks(
  entry: LedgerEntry,
  warnings: readonly LedgerWarning[],
  budget: string | undefined,
): types.KnownBlock[] {
  const note = entry.personalised
    ? ` with a note of ${entry.noteLength} characters`
    : ' without a note';
  return [
    section(`:memo: Logged your invitation to ${recipientLabel(entry.recipient)}${note}.`),
    ...warningBlocks(warnings),
    ...budgetContext(budget),
  ];
}

export function loggedMessage(
  entry: LedgerEntry,
  warnings: readonly LedgerWarning[],
  budget: string | undefined,
): Message {
  return { text: 'Logged your invitation.', blocks: loggedBlocks(entry, warnings, budget) };
}

/** Before logging: what LinkedIn would do, and a button to log it all the same. */
export function preSendMessage(recipient: Recipient, warnings: readonly LedgerWarning[]): Message {
  return {
    text: 'Before I log this invitation: LinkedIn may mind.',
    blocks: [
      section(`Before I log your invitation to ${recipientLabel(recipient)}:`),
      ...warningBlocks(warnings),
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            text: { type: 'plain_text', text: 'Log it anyway' },
            action_id: ACTION_LOG_ANYWAY,
            value: encodeRecipient(recipient),
          },
        ],
      },
      context('Not sent yet? Then nothing needs logging: just leave this.'),
    ],
  };
}

/** Several pending invitations match: one button per entry, each carrying its id and the outcome. */
export function pickMessage(outcome: Outcome, entries: readonly LedgerEntry[], now: Date): Message {
  const shown = entries.slice(0, 20);
  const blocks: types.KnownBlock[] = [
    section(
      `${entries.length} pending invitations match. Which one was ${OUTCOME_WORDS[outcome]}?`,
    ),
  ];
  for (const entry of shown) {
    const days = Math.floor((now.getTime() - Date.parse(entry.sentAt)) / 86_400_000);
    const where = entry.recipient.profileUrl ? ` · ${userText(entry.recipient.profileUrl)}` : '';
    blocks.push({
      type: 'section',
      block_id: `ledger_pick_${entry.id}`,
      text: {
        type: 'mrkdwn',
        text: `${recipientLabel(entry.recipient)}${where}\nSent ${entry.sentAt.slice(0, 10)} (${days} ${days === 1 ? 'day' : 'days'} ago)`,
      },
      accessory: {
        type: 'button',
        text: { type: 'plain_text', text: 'This one' },
        action_id: OUTCOME_ACTION_ID,
        value: outcomeValue(outcome, entry.id),
      },
    });
  }
  if (entries.length > shown.length) {
    blocks.push(
      context(`…and ${entries.length - shown.length} more. Use the profile address to be exact.`),
    );
  }
  return { text: `${entries.length} pending invitations match; pick one.`, blocks };
}

/** An outcome pressed on an invitation that was deleted meanwhile. */
export function entryGoneMessage(): Message {
  return {
    text: 'That invitation is not in your ledger any more.',
    blocks: [
      section(
        'That invitation is not in your ledger any more (was it forgotten?). Nothing was changed.',
      ),
    ],
  };
}

export function noMatchMessage(recipient: Recipient): Message {
  return {
    text: 'No pending invitation to that person in your ledger.',
    blocks: [
      section(`I have no pending invitation to ${recipientLabel(recipient)} in your ledger.`),
      context(
        `\`${COMMAND_LOG} pending\` lists the pending ones; \`${COMMAND_LOG} sent <name>\` logs a new one.`,
      ),
    ],
  };
}

export function outcomeSetBlocks(entry: LedgerEntry, outcome: Outcome): types.KnownBlock[] {
  return [
    section(
      `:white_check_mark: Recorded: your invitation to ${recipientLabel(entry.recipient)} was ${OUTCOME_WORDS[outcome]}.`,
    ),
  ];
}

/**
 * A second outcome on an invitation that is no longer pending (two buttons
 * pressed at once, or an old message): what is recorded, and a button to
 * change it to the one just pressed.
 */
export function alreadyRecordedMessage(entry: LedgerEntry, wanted: Outcome): Message {
  const current = entry.history.at(-1);
  const status = current?.status ?? 'pending';
  const words = status === 'pending' ? 'being recorded' : OUTCOME_WORDS[status];
  const line = `Your invitation to ${recipientLabel(entry.recipient)} is already recorded as ${words}. Nothing was changed.`;
  const blocks: types.KnownBlock[] = [section(`:information_source: ${line}`)];
  if (status !== 'pending' && status !== wanted) {
    blocks.push({
      type: 'actions',
      block_id: `ledger_change_${entry.id}`.slice(0, 255),
      elements: [
        {
          type: 'button',
          action_id: OUTCOME_ACTION_ID,
          text: { type: 'plain_text', text: `Change to ${OUTCOME_WORDS[wanted]}` },
          value: outcomeValue(wanted, entry.id, true),
        },
      ],
    });
  }
  return { text: `Already recorded as ${words}.`, blocks };
}

export function outcomeSetMessage(
  entry: LedgerEntry,
  outcome: Outcome,
  budget: string | undefined,
): Message {
  return {
    text: `Recorded: ${OUTCOME_WORDS[outcome]}.`,
    blocks: [...outcomeSetBlocks(entry, outcome), ...budgetContext(budget)],
  };
}

/** The small modal "I sent it" opens: who was it for? */
export function recipientView(state: SentState): types.View {
  return {
    type: 'modal',
    callback_id: VIEW_LOG_RECIPIENT,
    private_metadata: encodeSent(state),
    title: { type: 'plain_text', text: 'Log this invitation' },
    submit: { type: 'plain_text', text: 'Log it' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: 'recipient',
        label: { type: 'plain_text', text: 'Who did you send it to?' },
        hint: { type: 'plain_text', text: 'Their name or LinkedIn profile address.' },
        element: {
          type: 'plain_text_input',
          action_id: 'value',
          max_length: MAX_RECIPIENT_INPUT,
          placeholder: { type: 'plain_text', text: 'Jane Park' },
          ...(state.n ? { initial_value: state.n } : {}),
        },
      },
      context(
        'I keep who, when, the note’s length and whether it said how you know them and a next step — never the note.',
      ),
    ],
  };
}

/** The modal after logging: what was logged, LinkedIn's warnings, the budget line. */
export function loggedView(
  entry: LedgerEntry,
  warnings: readonly LedgerWarning[],
  budget: string | undefined,
): types.View {
  return {
    type: 'modal',
    callback_id: VIEW_LOG_RECIPIENT,
    title: { type: 'plain_text', text: 'Logged' },
    close: { type: 'plain_text', text: 'Done' },
    blocks: loggedBlocks(entry, warnings, budget),
  };
}
