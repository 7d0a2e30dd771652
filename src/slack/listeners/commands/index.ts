import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../context.js';
import { COMMAND_CHECK, COMMAND_COACH, COMMAND_DRAFT, COMMAND_LOG } from '../../ids.js';
import { dispatch, idPattern, type Routes } from '../route.js';
import { inviteCheckCommand } from './invite-check.js';
import { inviteCoachCommand } from './invite-coach.js';
import { inviteDraftCommand } from './invite-draft.js';
import { inviteLogCommand } from './invite-log.js';

/** Every slash command the app registers; the manifest test compares it with manifest.yml. */
export const commandIds = [COMMAND_CHECK, COMMAND_DRAFT, COMMAND_COACH, COMMAND_LOG] as const;

type CommandArgs = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/** Each slash command with its handler. */
export function commandRoutes(deps: Deps): Routes<CommandArgs> {
  return new Map([
    [COMMAND_CHECK, inviteCheckCommand(deps)],
    [COMMAND_DRAFT, inviteDraftCommand(deps)],
    [COMMAND_COACH, inviteCoachCommand(deps)],
    [COMMAND_LOG, inviteLogCommand(deps)],
  ]);
}

export function registerCommands(app: App, deps: Deps): void {
  const routes = commandRoutes(deps);
  app.command(
    idPattern(routes.keys()),
    dispatch(routes, (args) => args.command.command),
  );
}
