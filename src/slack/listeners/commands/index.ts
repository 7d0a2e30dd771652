import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { unknownCommandText } from '../../blocks/help.js';
import { SLASH_COMMANDS } from '../../commands.js';
import type { Deps } from '../../context.js';
import { COMMAND_CHECK, COMMAND_COACH, COMMAND_DRAFT, COMMAND_LOG } from '../../ids.js';
import { dispatch, loggableId, type Routes } from '../route.js';
import { inviteCheckCommand } from './invite-check.js';
import { inviteCoachCommand } from './invite-coach.js';
import { inviteDraftCommand } from './invite-draft.js';
import { inviteLogCommand } from './invite-log.js';

/** Every slash command the app registers (the table's); the manifest test compares it with manifest.yml. */
export const commandIds: readonly string[] = SLASH_COMMANDS.map((c) => c.command);

export type CommandArgs = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/** Each slash command with its handler. */
export function commandRoutes(deps: Deps): Routes<CommandArgs> {
  return new Map([
    [COMMAND_CHECK, inviteCheckCommand(deps)],
    [COMMAND_DRAFT, inviteDraftCommand(deps)],
    [COMMAND_COACH, inviteCoachCommand(deps)],
    [COMMAND_LOG, inviteLogCommand(deps)],
  ]);
}

/**
 * Every slash command, known or not: one the app no longer has (still in an
 * older manifest) is answered with what it offers, not left to time out.
 */
export function commandListener(deps: Deps): (args: CommandArgs) => Promise<void> {
  return dispatch(
    commandRoutes(deps),
    (args) => args.command.command,
    async ({ ack, command, logger }, id) => {
      await ack({
        response_type: 'ephemeral',
        text: unknownCommandText(),
      });
      logger.warn(`unknown command ${loggableId(id)} from user ${loggableId(command.user_id)}`);
    },
  );
}
