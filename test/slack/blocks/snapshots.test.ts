/**
 * The Slack payloads, pinned: a change to what a user sees shows up here
 * as a snapshot diff, to be accepted with a reason in the commit.
 */
import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../../src/digest/build.js';
import { DEFAULT_SETTINGS, status } from '../../../src/ledger/index.js';
import { pendingListBlocks, statusBlocks } from '../../../src/slack/blocks/budget.js';
import { forgetConfirmMessage, statusMessage } from '../../../src/slack/blocks/coach.js';
import { digestMessage } from '../../../src/slack/blocks/digest-message.js';
import { draftFormView } from '../../../src/slack/blocks/draft.js';
import {
  coachHelpMessage,
  helpMessage,
  logUsageMessage,
  unknownVerbMessage,
} from '../../../src/slack/blocks/help.js';
import { entry } from '../../ledger/helpers.js';

const NOW = new Date('2026-06-15T12:00:00Z');
const DAY = 86_400_000;
/** Twelve invitations a week or more old, one name with markup in it. */
const entries = Array.from({ length: 12 }, (_, i) =>
  entry({
    sentAt: new Date(NOW.getTime() - (8 + i) * DAY).toISOString(),
    name: i === 0 ? 'Sam <@U1> & co' : `Person ${i}`,
  }),
);

describe('Slack payloads', () => {
  it('help texts', () => {
    expect([
      helpMessage(),
      coachHelpMessage(),
      logUsageMessage(),
      unknownVerbMessage(),
    ]).toMatchSnapshot();
  });

  it('the weekly digest, with and without a notice, and for an empty ledger', () => {
    const content = buildDigest(entries, DEFAULT_SETTINGS, NOW);
    expect([
      digestMessage(content, NOW),
      digestMessage(content, NOW, ':white_check_mark: Recorded.'),
      digestMessage(buildDigest([], DEFAULT_SETTINGS, NOW), NOW),
    ]).toMatchSnapshot();
  });

  it('the status view and the pending list', () => {
    const summary = status(entries, DEFAULT_SETTINGS, NOW);
    expect([
      statusBlocks(summary),
      pendingListBlocks(entries, NOW, { limit: 3 }),
      statusMessage(summary, entries, NOW),
      statusMessage(status([], DEFAULT_SETTINGS, NOW), [], NOW),
    ]).toMatchSnapshot();
  });

  it('the forget question and the draft form', () => {
    expect([forgetConfirmMessage(), draftFormView('premium')]).toMatchSnapshot();
  });
});
