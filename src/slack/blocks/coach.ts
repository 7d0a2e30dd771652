import type { LedgerEntry, LedgerStatus } from '../../ledger/index.js';
import { ACTION_FORGET_CANCEL, ACTION_FORGET_CONFIRM } from '../ids.js';
import { pendingListBlocks, statusBlocks } from './budget.js';
import { context, type Message, section } from './message.js';

/** Pending invites listed under the status; more go to the export. */
const PENDING_SHOWN = 10;

/** `/invite-coach status`: the budget and its figures, then the oldest pending invites with outcome menus. */
export function statusMessage(
  summary: LedgerStatus,
  entries: readonly LedgerEntry[],
  now: Date,
): Message {
  const blocks = [...statusBlocks(summary)];
  if (entries.length > 0) {
    blocks.push({ type: 'divider' }, ...pendingListBlocks(entries, now, { limit: PENDING_SHOWN }));
  } else {
    blocks.push(
      context(
        'No invitations logged yet: use “I sent it” under a check, or `/invite-log sent <name>`.',
      ),
    );
  }
  return { text: 'Your invitation budget', blocks };
}

export function forgetConfirmMessage(): Message {
  return {
    text: 'Delete everything I hold about you?',
    blocks: [
      section(
        '*Delete everything I hold about you?* Your invitation ledger and your settings will be gone for good; this cannot be undone. Export it first if you want a copy.',
      ),
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            style: 'danger',
            text: { type: 'plain_text', text: 'Delete everything' },
            action_id: ACTION_FORGET_CONFIRM,
            value: 'forget',
            confirm: {
              title: { type: 'plain_text', text: 'Delete everything?' },
              text: { type: 'plain_text', text: 'Your ledger and settings will be deleted.' },
              confirm: { type: 'plain_text', text: 'Delete' },
              deny: { type: 'plain_text', text: 'Keep them' },
            },
          },
          {
            type: 'button',
            text: { type: 'plain_text', text: 'Cancel' },
            action_id: ACTION_FORGET_CANCEL,
            value: 'cancel',
          },
        ],
      },
    ],
  };
}

/** "Cancel" on the forget question. */
export function keptMessage(): Message {
  return { text: 'Kept.', blocks: [section('Kept: nothing was deleted.')] };
}

export function forgottenMessage(records: number): Message {
  return {
    text: 'Deleted.',
    blocks: [
      section(
        `Deleted: ${records} ${records === 1 ? 'record' : 'records'}. I hold nothing about you now.`,
      ),
    ],
  };
}

export function exportSentMessage(entries: number): Message {
  return {
    text: 'Your ledger is in our direct messages.',
    blocks: [
      section(
        `Your ledger (${entries} ${entries === 1 ? 'invitation' : 'invitations'}) is in our direct messages as a CSV file.`,
      ),
    ],
  };
}
