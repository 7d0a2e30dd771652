import {
  COACH_SUBCOMMANDS,
  LOG_SUBCOMMANDS,
  SLASH_COMMANDS,
  type Subcommand,
  synopsis,
} from '../commands.js';
import { COMMAND_CHECK, COMMAND_COACH, COMMAND_LOG } from '../ids.js';
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
      section(`*Commands*\n${commandLines().join('\n')}`),
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

/** The DM help's list: every slash command from the table (a DM is checked as `/invite-check` is), then `help`. */
function commandLines(): string[] {
  return [
    ...SLASH_COMMANDS.flatMap((c) => [
      `• \`${synopsis(c)}\` — ${c.summary}`,
      ...(c.command === COMMAND_CHECK
        ? ['• a direct message to me — the note is checked the same way']
        : []),
    ]),
    '• `help` — this message',
  ];
}

/** For a slash command the app no longer has: the ones it does. */
export function unknownCommandText(): string {
  const names = SLASH_COMMANDS.map((c) =>
    c.command === COMMAND_CHECK ? `${c.command} <note>` : c.command,
  );
  return `I do not answer that command any more. Try ${names.slice(0, -1).join(', ')} or ${names.at(-1)}.`;
}

/** One help line a subcommand: `• \`<example>\` — <help>`, the command written before it or not. */
function subcommandLine(sub: Subcommand, command?: string): string {
  const typed = (example: string) => `\`${command ? `${command} ` : ''}${example}\``;
  return `• ${typed(sub.example)}${sub.also ? ` or ${typed(sub.also)}` : ''} — ${sub.help}`;
}

/** `/invite-coach` alone, or with a word it does not know. */
export function coachHelpMessage(): Message {
  const words = Object.keys(COACH_SUBCOMMANDS);
  return {
    text: `${COMMAND_COACH} ${words.slice(0, -1).join(', ')} or ${words.at(-1)}`,
    blocks: [
      section(
        `*\`${COMMAND_COACH}\` subcommands*\n${Object.values(COACH_SUBCOMMANDS)
          .map((s) => subcommandLine(s))
          .join('\n')}`,
      ),
    ],
  };
}

/** `/invite-log` alone, or `help`. */
export function logUsageMessage(): Message {
  return {
    text: `Usage: ${COMMAND_LOG} sent <name or profile URL>, or ${COMMAND_LOG} accepted|ignored|withdrawn|idk <name>.`,
    blocks: [
      section(
        `*Keep a ledger of your invitations*\n${Object.values(LOG_SUBCOMMANDS)
          .map((s) => subcommandLine(s, COMMAND_LOG))
          .join('\n')}`,
      ),
      context(
        'Or press *I sent it* under a check or a draft. I keep who, when, the note’s length and whether it said how you know them and a next step — never the note.',
      ),
    ],
  };
}

/** `/invite-log` with a verb it does not know: the verbs it does, then the usage. */
export function unknownVerbMessage(): Message {
  const words = Object.values(LOG_SUBCOMMANDS)
    .filter((s) => s !== LOG_SUBCOMMANDS.help)
    .flatMap((s) => s.words.map((w) => `\`${w}\``));
  const usage = logUsageMessage();
  return {
    text: usage.text,
    blocks: [
      section(`:thinking_face: I know ${words.slice(0, -1).join(', ')} and ${words.at(-1)}.`),
      ...usage.blocks,
    ],
  };
}
