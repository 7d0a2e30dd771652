import type { App } from '@slack/bolt';
import type { Deps } from '../../context.js';
import { COMMAND_CHECK, COMMAND_COACH, COMMAND_DRAFT } from '../../ids.js';
import { inviteCheckCommand } from './invite-check.js';
import { inviteCoachCommand } from './invite-coach.js';
import { inviteDraftCommand } from './invite-draft.js';

/** Every slash command the app registers; the manifest test compares it with manifest.yml. */
export const commandIds = [COMMAND_CHECK, COMMAND_DRAFT, COMMAND_COACH] as const;

export function registerCommands(app: App, deps: Deps): void {
  app.command(COMMAND_CHECK, inviteCheckCommand(deps));
  app.command(COMMAND_DRAFT, inviteDraftCommand(deps));
  app.command(COMMAND_COACH, inviteCoachCommand(deps));
}
