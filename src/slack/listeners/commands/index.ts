import type { App } from '@slack/bolt';
import type { Deps } from '../../context.js';
import { COMMAND_CHECK, COMMAND_COACH, COMMAND_DRAFT, COMMAND_LOG } from '../../ids.js';
import { inviteCheckCommand } from './invite-check.js';
import { inviteCoachCommand } from './invite-coach.js';
import { inviteDraftCommand } from './invite-draft.js';
import { inviteLogCommand } from './invite-log.js';

/** Every slash command the app registers; the manifest test compares it with manifest.yml. */
export const commandIds = [COMMAND_CHECK, COMMAND_DRAFT, COMMAND_COACH, COMMAND_LOG] as const;

export function registerCommands(app: App, deps: Deps): void {
  app.command(COMMAND_CHECK, inviteCheckCommand(deps));
  app.command(COMMAND_DRAFT, inviteDraftCommand(deps));
  app.command(COMMAND_COACH, inviteCoachCommand(deps));
  app.command(COMMAND_LOG, inviteLogCommand(deps));
}
