import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { status } from '../../../src/ledger/policy/status.js';
import { pendingListBlocks, statusBlocks } from '../../../src/slack/blocks/budget.js';
import { OUTCOME_ACTION_ID } from '../../../src/slack/ids.js';
import { outcomeValue, parseOutcomeValue } from '../../../src/slack/payload.js';
import { escapeMrkdwn } from '../../../src/text/mrkdwn.js';
import { DAY, entry, many, settings, shift } from '../../ledger/helpers.js';

const NOW = '2026-03-10T12:00:00.000Z';

function allText(blocks: types.KnownBlock[]): string {
  return JSON.stringify(blocks);
}

describe('escapeMrkdwn', () => {
  it.each([
    ['<!channel> & co', '&lt;!channel&gt; &amp; co'],
    ['<@U123>', '&lt;@U123&gt;'],
    ['&amp;', '&amp;amp;'],
    ['plain', 'plain'],
  ])('%j → %j', (input, expected) => {
    expect(escapeMrkdwn(input)).toBe(expected);
  });
});

describe('statusBlocks', () => {
  it('shows the budget line, every figure and the warnings, most severe first', () => {
    const entries = [
      ...many(30, { sentAt: shift(NOW, -2 * DAY) }),
      ...many(5, { sentAt: shift(NOW, -30 * DAY), outcomes: [['idk', shift(NOW, -20 * DAY)]] }),
    ];
    const blocks = statusBlocks(status(entries, settings(), new Date(NOW)));
    expect(blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Your invitation budget', emoji: true },
    });
    expect(blocks[1]).toEqual({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: 'This week 30/100 · 30 pending · 3 personalised notes left this month',
        },
      ],
    });
    const fields = blocks[2]?.type === 'section' ? blocks[2].fields?.map((f) => f.text) : [];
    expect(fields).toEqual([
      '*This week*\n30 of 100',
      '*Today*\n0 (spread out: at most 20 a day)',
      '*Pending*\n30 of 500 · 0 over a week, 0 over three',
      `*"I don't know this person"*\n5 (warning at 3, danger at 5)`,
      '*Personalised notes*\n3 of 3 left this month',
      '*Accepted*\n0% over 30 days (0/30)\n0% over 90 days (0/35)',
    ]);
    const warnings = blocks[3]?.type === 'section' ? blocks[3].text?.text : undefined;
    expect(warnings?.split('\n')[0]).toMatch(/^:red_circle: 5 "I don't know this person" answers/);
    expect(blocks).toHaveLength(4);
  });

  it('has no warning block for a calm ledger, and says Premium has no note limit', () => {
    const blocks = statusBlocks(status([], settings({ account: 'premium' }), new Date(NOW)));
    expect(blocks).toHaveLength(3);
    expect(allText(blocks)).toContain('Premium: no limit');
    expect(allText(blocks)).toContain('– over 30 days (0/0)');
  });
});

describe('pendingListBlocks', () => {
  it('lists pending invitations oldest first, escaped, each with an outcome menu', () => {
    const old = entry({
      sentAt: shift(NOW, -9 * DAY),
      name: 'Tom <script> & Jerry',
      noteLength: 40,
    });
    const fresh = entry({
      sentAt: shift(NOW, -1 * DAY),
      name: 'Ana',
      profileUrl: 'linkedin.com/in/ana',
    });
    const done = entry({
      sentAt: shift(NOW, -20 * DAY),
      name: 'Bo',
      outcomes: [['accepted', NOW]],
    });
    const blocks = pendingListBlocks([fresh, done, old], new Date(NOW));
    expect(blocks).toHaveLength(3);
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'Pending invitations (2)' } });
    const first = blocks[1];
    expect(first).toMatchObject({ type: 'section', block_id: `ledger_pending_${old.id}` });
    if (first?.type !== 'section') throw new Error('expected a section');
    expect(first.text?.text).toBe(
      `*Tom &lt;script&gt; &amp; Jerry*\nSent <!date^${Date.parse(old.sentAt) / 1000}^{date_short_pretty}|2026-03-01> (9 days ago), with a note (40 characters)`,
    );
    expect(first.accessory).toEqual({
      type: 'overflow',
      action_id: OUTCOME_ACTION_ID,
      options: [
        {
          text: { type: 'plain_text', text: 'Accepted', emoji: true },
          value: `accepted:${old.id}`,
        },
        { text: { type: 'plain_text', text: 'Ignored', emoji: true }, value: `ignored:${old.id}` },
        {
          text: { type: 'plain_text', text: 'Withdrawn', emoji: true },
          value: `withdrawn:${old.id}`,
        },
        {
          text: { type: 'plain_text', text: `Answered "I don't know"`, emoji: true },
          value: `idk:${old.id}`,
        },
      ],
    });
    const second = blocks[2];
    expect(second?.type === 'section' && second.text?.text).toMatch(
      /^\*Ana\* · <https:\/\/www\.linkedin\.com\/in\/ana\/\|profile>\nSent .* \(1 day ago\), without a note$/,
    );
    expect(allText(blocks)).not.toContain('<script>');
  });

  it('stays under Slack’s 50 blocks and counts the rest', () => {
    const blocks = pendingListBlocks(many(120, { sentAt: NOW }), new Date(NOW), { limit: 500 });
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(blocks.at(-1)).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: '…and 73 more. Export the ledger to see them all.' }],
    });
  });

  it('says so when nothing is pending', () => {
    expect(pendingListBlocks([], new Date(NOW))).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: 'No pending invitations. :tada:' } },
    ]);
  });
});

describe('outcome menu values', () => {
  it('round-trips', () => {
    expect(parseOutcomeValue(outcomeValue('withdrawn', 'abc-123'))).toEqual({
      outcome: 'withdrawn',
      entryId: 'abc-123',
    });
  });

  it.each([['pending:abc'], ['accepted:'], ['accepted:a:b'], ['nonsense'], ['accepted:a b']])(
    'rejects %j',
    (value) => {
      expect(parseOutcomeValue(value)).toBeUndefined();
    },
  );
});
