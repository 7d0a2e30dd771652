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

/** One section of the digest: its blocks, none when it has nothing to say. */
type DigestSection = (content: DigestContent, now: Date) => types.KnownBlock[];

/** Last week against the cap and how evenly it was spread, acceptance, pending, IDK risk. */
const weekFigures: DigestSection = ({ week, acceptance, pending, idk }) => {
  const spread = week.spiky
    ? 'in spikes (spread them out: spikes look like spam)'
    : 'evenly spread';
  return [
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
};

/** The oldest stale invitations with a button per outcome; the rest counted and left to App Home. */
const staleInvites: DigestSection = ({ stale }, now) => {
  if (stale.length === 0) return [];
  const blocks: types.KnownBlock[] = [
    { type: 'divider' },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*Pending a week or more* (${stale.length}): follow up, or withdraw to keep pending low.`,
      },
    },
    ...stale.slice(0, DIGEST_STALE_SHOWN).flatMap((entry) => outcomeButtonBlocks(entry, now)),
  ];
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
  return blocks;
};

/** Re-invite windows that open this week. */
const reopeningWindows: DigestSection = ({ reopening }) => {
  if (reopening.length === 0) return [];
  const lines = reopening
    .slice(0, 10)
    .map(
      ({ entry, opensOn }) =>
        `• ${escapeMrkdwn(entry.recipient.name ?? entry.recipient.profileUrl ?? 'someone')} — from ${opensOn.slice(0, 10)}`,
    );
  if (reopening.length > 10) lines.push(`…and ${reopening.length - 10} more`);
  return [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: `*You can invite again this week*\n${lines.join('\n')}` },
    },
  ];
};

/** One line of coaching. */
const coachingLine: DigestSection = ({ coaching }) => [
  {
    type: 'context',
    elements: [{ type: 'mrkdwn', text: `:bulb: ${escapeMrkdwn(coaching)}` }],
  },
];

/** The digest's sections, in the order shown: a new one is a builder above and its place here. */
const DIGEST_SECTIONS: readonly DigestSection[] = [
  weekFigures,
  staleInvites,
  reopeningWindows,
  coachingLine,
];

/**
 * The weekly digest as a DM, section by section ({@link DIGEST_SECTIONS}).
 * `notice` (mrkdwn, already escaped) heads a digest redrawn after a button
 * was pressed. Within Block Kit's 50 blocks whatever the ledger holds.
 */
export function digestMessage(
  content: DigestContent,
  now: Date,
  notice?: string,
): { text: string; blocks: types.KnownBlock[] } {
  const { week, pending, stale } = content;
  const blocks: types.KnownBlock[] = [];
  if (notice !== undefined)
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: notice } });
  for (const section of DIGEST_SECTIONS) blocks.push(...section(content, now));
  return {
    text: `Your week: ${week.sent}/${week.cap} invitations, ${pending.count} pending, ${stale.length} to follow up.`,
    blocks,
  };
}
