import type { types } from '@slack/bolt';
import { ACCOUNTS, NOTE_LIMITS } from '../../limits.js';
import type { Account } from '../../types.js';
import { ACTION_ACCOUNT_TYPE, COMMAND_CHECK } from '../ids.js';
import { context, section } from './message.js';
import { ACCOUNT_LABEL } from './report.js';

function accountOption(account: Account): types.PlainTextOption {
  return {
    text: {
      type: 'plain_text',
      text: `${ACCOUNT_LABEL[account]} — ${NOTE_LIMITS[account]} characters`,
    },
    value: account,
  };
}

/** The App Home tab: what the bot does, its commands, and the user's settings. */
export function homeView(account: Account): types.HomeView {
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'Invite Coach' } },
      section(
        'I check LinkedIn connection-invitation notes before you send them: length against your ' +
          'account’s limit, stock text, placeholders, sales pitches, missing context or next step.',
      ),
      section(
        `*How to use me*\n• \`${COMMAND_CHECK} &lt;note&gt;\` in any conversation — only you see the answer\n` +
          '• send me the note in the *Messages* tab\n• type `help` in the Messages tab for an example',
      ),
      { type: 'divider' },
      {
        type: 'section',
        block_id: 'settings_account',
        text: {
          type: 'mrkdwn',
          text: '*Your LinkedIn account*\nDecides how long a note may be.',
        },
        accessory: {
          type: 'static_select',
          action_id: ACTION_ACCOUNT_TYPE,
          options: ACCOUNTS.map(accountOption),
          initial_option: accountOption(account),
        },
      },
      context(`Every check uses this setting. Currently: *${ACCOUNT_LABEL[account]}*.`),
    ],
  };
}
