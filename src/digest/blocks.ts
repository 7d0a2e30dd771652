import type { types } from '@slack/bolt';
import { escapeMrkdwn, pendingListBlocks, percent } from '../ledger/index.js';
import type { DigestContent } from './build.js';

/** Stale invites listed with their buttons; the rest are counted and left to App Home. */
export const DIGEST_STALE_SHOWN = 10;

const TREND: Record<DigestContent['acceptance']['trend'], string> = {
  up: ':arrow_upper_right: up',
  down: ':arrow_lower_right: down',
  flat: 'steady',
  unknown: 'not enough history yet',
};

/**
 * The weekly digest as a DM: last week against the cap and how evenly it was
 * spread, acceptance and its trend, pending against the threshold, the stale
 * invitations with outcome menus (capped, with "…and N more"), windows that
 * reopen this week, IDK risk, and one line of coaching. Within Block Kit's 50
 * blocks whatever the ledger holds.
 */
export function digestMessage(
  content: DigestContent,
  now: Date,
): { text: string; blocks: types.KnownBlock[] } {
  const { week, acceptance, pending, stale, reopening, idk } = content;
  const spread = week.spiky
    ? 'in spikes (spread them out: spikes look like spam)'
    : 'evenly spread';
  const blocks: types.KnownBlock[] = [
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
  ];
  if (stale.length > 0) {
    blocks.push(
      { type: 'divider' },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `*Pending for a week or more* (${stale.length}): follow up, or withdraw to keep your pending count healthy.`,
        },
      },
      ...(pendingListBlocks(stale, now, { limit: DIGEST_STALE_SHOWN }).slice(
        1,
      ) as types.KnownBlock[]),
    );
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
