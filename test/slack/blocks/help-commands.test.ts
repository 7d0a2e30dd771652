import { describe, expect, it } from 'vitest';
import {
  coachHelpMessage,
  helpMessage,
  logUsageMessage,
  unknownCommandText,
  unknownVerbMessage,
} from '../../../src/slack/blocks/help.js';
import {
  COACH_SUBCOMMANDS,
  LOG_SUBCOMMANDS,
  SLASH_COMMANDS,
  slashCommand,
  subcommandWords,
  usageHint,
} from '../../../src/slack/commands.js';

const shown = (value: unknown) => JSON.stringify(value);

describe('help texts, from the command table', () => {
  it('the DM help names every slash command and every word each one takes', () => {
    const help = shown(helpMessage());
    for (const command of SLASH_COMMANDS) {
      expect(help).toContain(`\`${command.command}`);
      for (const word of subcommandWords(command))
        expect(help).toMatch(new RegExp(`[ |]${word}\\b`));
    }
    // The drift this table ended: digest and pending were missing from one text or another.
    expect(help).toContain('/invite-coach status|export|digest|forget');
    expect(help).toContain('|pending|');
  });

  it('/invite-coach help lists every subcommand, digest included', () => {
    const help = shown(coachHelpMessage());
    for (const name of Object.keys(COACH_SUBCOMMANDS)) expect(help).toContain(`\`${name}\``);
    expect(help).toContain('`digest now`');
    expect(coachHelpMessage().text).toBe('/invite-coach status, export, digest or forget');
  });

  it('/invite-log help shows every verb, and an unknown verb hears them all', () => {
    const usage = shown(logUsageMessage());
    for (const sub of Object.values(LOG_SUBCOMMANDS))
      expect(usage).toContain(`/invite-log ${sub.example}`);
    expect(usage).toContain('`/invite-log sent https://www.linkedin.com/in/janepark`');
    expect(shown(unknownVerbMessage().blocks[0])).toContain(
      'I know `sent`, `accepted`, `ignored`, `withdrawn`, `idk` and `pending`.',
    );
  });

  it('a command the app no longer has hears every one it does', () => {
    expect(unknownCommandText()).toBe(
      'I do not answer that command any more. Try /invite-check <note>, /invite-draft, /invite-log or /invite-coach.',
    );
  });

  it('usage hints are made of the subcommands when a command has them', () => {
    expect(usageHint(slashCommand('/invite-coach'))).toBe(
      'status | export | digest [on|off|now|<day> <hour>] | forget',
    );
    expect(usageHint(slashCommand('/invite-log'))).toBe(
      'sent Jane Park | accepted|ignored|withdrawn|idk Jane Park | pending | help',
    );
    expect(() => slashCommand('/invite-old')).toThrow();
  });
});
