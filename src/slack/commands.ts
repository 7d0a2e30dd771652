/**
 * Every slash command and its subcommands, declared once: the help texts, the
 * unknown-command answer and the manifest test are all read from here, so a
 * subcommand added to a table shows up in each of them. Pure data.
 */
import { COMMAND_CHECK, COMMAND_COACH, COMMAND_DRAFT, COMMAND_LOG } from './ids.js';

/** One word a slash command takes first, with what help says of it. */
export interface Subcommand {
  /** The words that choose it, the first as help shows it. */
  words: readonly string[];
  /** What help shows typed after the command. */
  example: string;
  /** A second example, shown after "or". */
  also?: string;
  /** The help line after the dash (mrkdwn). */
  help: string;
  /** Its part of the manifest's usage hint; the example when absent. */
  hint?: string;
  /** It reads the text after its word (else that text asks for help). */
  takesText?: true;
}

export interface SlashCommand {
  command: string;
  /** The manifest's description. */
  description: string;
  /** The manifest's usage hint; made of the subcommands' hints when absent. */
  usageHint?: string;
  /** How the command is written in the DM help's list (mrkdwn, `<` escaped). */
  synopsis?: string;
  /** What the command does, in the DM help's list. */
  summary: string;
  subcommands?: Readonly<Record<string, Subcommand>>;
}

/** `/invite-coach`'s subcommands; the listener has a handler for each key. */
export const COACH_SUBCOMMANDS = {
  status: {
    words: ['status'],
    example: 'status',
    help: 'this week’s invitations against your cap, pace, pending invites and what to do about them',
  },
  export: {
    words: ['export'],
    example: 'export',
    help: 'your ledger as a CSV file, in our direct messages',
  },
  digest: {
    words: ['digest'],
    example: 'digest',
    help: 'when your weekly digest comes; `digest on`, `digest off`, `digest friday 8` change it, `digest now` sends it at once',
    hint: 'digest [on|off|now|<day> <hour>]',
    takesText: true,
  },
  forget: {
    words: ['forget'],
    example: 'forget',
    help: 'delete everything I hold about you (asks first)',
  },
} as const satisfies Record<string, Subcommand>;

export type CoachSubcommand = keyof typeof COACH_SUBCOMMANDS;

/** `/invite-log`'s verbs; the outcomes share one line. */
export const LOG_SUBCOMMANDS = {
  sent: {
    words: ['sent'],
    example: 'sent Jane Park',
    also: 'sent https://www.linkedin.com/in/janepark',
    help: 'log an invitation you sent (I say first if LinkedIn would mind)',
  },
  outcome: {
    words: ['accepted', 'ignored', 'withdrawn', 'idk'],
    example: 'accepted Jane Park',
    help: 'also `ignored`, `withdrawn`, `idk` ("I don\'t know this person")',
    hint: 'accepted|ignored|withdrawn|idk Jane Park',
  },
  pending: {
    words: ['pending'],
    example: 'pending',
    help: 'your pending invitations, with buttons to record what became of them',
  },
  help: {
    words: ['help'],
    example: 'help',
    help: 'this message',
  },
} as const satisfies Record<string, Subcommand>;

/** Every slash command the app registers, in the order help lists them. */
export const SLASH_COMMANDS: readonly SlashCommand[] = [
  {
    command: COMMAND_CHECK,
    description: 'Check a LinkedIn invitation note before you send it',
    usageHint: 'Hi Sam, we met at the Lisbon meetup. Could I send you the article I mentioned?',
    synopsis: `${COMMAND_CHECK} &lt;note&gt;`,
    summary: 'check a note (only you see the answer)',
  },
  {
    command: COMMAND_DRAFT,
    description: 'Draft an invitation note from what you know about the person',
    usageHint: 'Jane Park, met at SXSW on the podcasting panel, want to swap notes on audio ads',
    synopsis: `${COMMAND_DRAFT} &lt;who they are, how you know them&gt;`,
    summary: 'I write a note for you (alone: a form)',
  },
  {
    command: COMMAND_LOG,
    description: 'Log an invitation you sent, or what became of one',
    summary: 'keep your invitation ledger',
    subcommands: LOG_SUBCOMMANDS,
  },
  {
    command: COMMAND_COACH,
    description:
      'Your invitation budget, your weekly digest, your ledger as a CSV, or forget everything',
    summary: 'your weekly budget, your ledger as CSV, your weekly digest, or delete it all',
    subcommands: COACH_SUBCOMMANDS,
  },
];

/** The words that choose a subcommand, in order: `sent`, `accepted`, … */
export function subcommandWords(command: SlashCommand): string[] {
  return Object.values(command.subcommands ?? {}).flatMap((s) => [...s.words]);
}

/** The manifest's usage hint for a command: its own, or its subcommands' hints. */
export function usageHint(command: SlashCommand): string {
  if (command.usageHint !== undefined) return command.usageHint;
  return Object.values(command.subcommands ?? {})
    .map((s) => s.hint ?? s.example)
    .join(' | ');
}

/** How the DM help writes a command: its synopsis, or its subcommand words. */
export function synopsis(command: SlashCommand): string {
  if (command.synopsis !== undefined) return command.synopsis;
  return `${command.command} ${subcommandWords(command).join('|')}`;
}

export function slashCommand(name: string): SlashCommand {
  const found = SLASH_COMMANDS.find((c) => c.command === name);
  if (found === undefined) throw new Error(`no slash command ${name}`);
  return found;
}
