import { COMMAND_CHECK } from '../ids.js';
import { context, type Message, section } from './message.js';

export const EXAMPLE_NOTE =
  'Hi Sam, we met at the Lisbon product meetup last week. Loved your talk on pricing pages. Could I send you the article I mentioned?';

/** The short how-to an empty `/invite-check` gets. */
export function howToMessage(): Message {
  return {
    text: `Paste your invitation note after ${COMMAND_CHECK} to check it.`,
    blocks: [
      section(
        `Paste your invitation note after \`${COMMAND_CHECK}\` and I'll check it before you send it. For example:`,
      ),
      section(`\`${COMMAND_CHECK} ${EXAMPLE_NOTE}\``),
      context('You can also send me the note in a direct message. Type `help` there for more.'),
    ],
  };
}

/** What the bot does, for `help` in a DM. */
export function helpMessage(): Message {
  return {
    text: 'I check LinkedIn connection-invitation notes before you send them.',
    blocks: [
      section(
        '*I check LinkedIn connection-invitation notes before you send them.*\n' +
          'Send me a note here, or use the command anywhere, and I will tell you whether it is ready: ' +
          'its length against your account’s limit (200 characters on Basic, 300 on Premium), ' +
          'and anything to fix — stock LinkedIn text, placeholders left in, a sales pitch, no context or next step.',
      ),
      section(
        `*Commands*\n• \`${COMMAND_CHECK} &lt;note&gt;\` — check a note (only you see the answer)\n` +
          '• a direct message to me — the note is checked the same way\n' +
          '• `/invite-draft &lt;who they are, how you know them&gt;` — I write a note for you (alone: a form)\n' +
          '• `/invite-log sent|accepted|ignored|withdrawn|idk &lt;name&gt;` — keep your invitation ledger\n' +
          '• `/invite-coach status|export|forget` — your weekly budget, your ledger as CSV, or delete it all\n' +
          '• `help` — this message',
      ),
      section(`*Example*\n\`${COMMAND_CHECK} ${EXAMPLE_NOTE}\``),
      context('Set your account type (Basic or Premium) in my *Home* tab.'),
    ],
  };
}

/** For text far longer than any note: nothing of it is echoed back. */
export function tooLongMessage(length: number, max: number): Message {
  const n = length.toLocaleString('en-US');
  return {
    text: `That is ${n} characters, more than any invitation note could be.`,
    blocks: [
      section(
        `That is ${n} characters — more than any invitation note could be ` +
          `(LinkedIn allows 200 on Basic, 300 on Premium; I read up to ${max.toLocaleString('en-US')}). ` +
          'Paste just the note and try again.',
      ),
    ],
  };
}

/** Shown when something failed on our side; says nothing about the note. */
export function failureMessage(): Message {
  return {
    text: 'Sorry, something went wrong checking that note. Please try again.',
    blocks: [
      section(':warning: Sorry, something went wrong checking that note. Please try again.'),
    ],
  };
}
