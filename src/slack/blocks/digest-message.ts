/**
 * The weekly digest in Block Kit, from what `digest/build.ts` computed. Names
 * go through {@link escapeMrkdwn}.
 */
import type { types } from '@slack/bolt';
import type { DigestContent } from '../../digest/build.js';
import type { LedgerEntry } from '../../ledger/index.js';
import { escapeMrkdwn } from '../../text/mrkdwn.js';
import { DIGEST_BUTTONS, STALE_BLOCK_PREFIX } from '../payload.js';
import { pendingEntryText, percent } from './budget.js';

/** Stale invites listed with their buttons; the rest are counted and left to App Home. */
export const DIGEST_STALE_SHOWN = 5;

/**
 * A pending invitation with a button per outcome: the digest's stale list
 * and the App Home's pending list show the same ones.
 */
export function outcomeButtonBlocks(entry: LedgerEntry, now: Date): types.KnownBlock[] {
  return [
    { type: 'section', text: { type: 'mrkdwn', text: pendingEntryText(entry, now) } },
    {
      type: 'actions',
      block_id: `${STALE_BLOCK_PREFIX}${entry.id}`,
      elements: DIGEST_BUTTONS.map((b) => ({
        type: 'button',
        text: { type: 'plain_text', text: b.label },
        action_id: b.actionId,
      })),
    },
  ];
}

const TREND: Record<DigestContent['acceptance']['trend'], string> = {
  up: ':arrow_upper_right: up',
  down: ':arrow_lower_right: down',
  flat: 'steady',
  unknown: 'not enough history yet',
};

/**
 * The weekly digest as a DM: last week against the cap and how evenly it was
 * spread, acceptance and its trend, pending against the threshold, the oldest
 * stale invitations with a button per outcome (the rest counted and left to
 * App Home), windows that reopen this week, IDK risk, and one line of
 * coaching. `notice` (mrkdwn, already escaped) heads a digest redrawn after a
 * button was pressed. Within Block Kit's 50 blocks whatever the ledger holds.
 */
export function digestMessage(
  content: DigestContent,
  now: Date,
  notice?: string,
): { text: string; blocks: types.KnownBlock[] } {
  const { week, acceptance, pending, stale, reopening, idk } = content;
  const spread = week.spiky
    ? 'in spikes (spread them out: spikes look like spam)'
    : 'evenly spread';
  const blocks: types.KnownBlock[] = [];
  if (notice !== undefined)
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: notice } });
  blocks.push(
    { type: 'header', text: { type: 'plain_text', text: 'Your week of invitations' } },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*Last 7 days*\n${week.sent} of ${week.cap}, ${spread}` },
        {
          type: 'mrkdwn',
          text: `*Accepted (30 days)*\n${percent(acceptance.rate)}, ${TREND[acceptance.trend]}`,
        },
        { type: 'mrkdwn', text: `*Pending*\n${pending.count} of ${pending.threshold}` },
        {
          type: 'mrkdwn',
          text: `*"I don't know this person"*\n${idk.count}${idk.count >= idk.dangerAt ? ' :rotating_light: restriction risk' : idk.count >= idk.warnAt ? ' :warning: close to the limit' : ''}`,
        },
      ],
    },
  );
  if (stale.length > 0) {
    blocks.push(
      { type: 'divider' },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `*Pending a week or more* (${stale.length}): follow up, or withdraw to keep pending low.`,
        },
      },
      ...stale.slice(0, DIGEST_STALE_SHOWN).flatMap((entry) => outcomeButtonBlocks(entry, now)),
    );
    if (stale.length > DIGEST_STALE_SHOWN) {
      blocks.push({
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: `…and ${stale.length - DIGEST_STALE_SHOWN} more on your App Home`,
          },
        ],
      });
    }
  }
  if (reopening.length > 0) {
    const lines = reopening
      .slice(0, 10)
      .map(
        ({ entry, opensOn }) =>
          `• ${escapeMrkdwn(entry.recipient.name ?? entry.recipient.profileUrl ?? 'someone')} — from ${opensOn.slice(0, 10)}`,
      );
    if (reopening.length > 10) lines.push(`…and ${reopening.length - 10} more`);
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `*You can invite again this week*\n${lines.join('\n')}` },
    });
  }
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: `:bulb: ${escapeMrkdwn(content.coaching)}` }],
  });
  return {
    text: `Your week: ${week.sent}/${week.cap} invitations, ${pending.count} pending, ${stale.length} to follow up.`,
    blocks,
  };
}
