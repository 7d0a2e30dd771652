import type { App } from '@slack/bolt';
import type { Deps } from '../../context.js';
import { COMMAND_CHECK } from '../../ids.js';
import { inviteCheckCommand } from './invite-check.js';

/** Every slash command the app registers; the manifest test compares it with manifest.yml. */
export const commandIds = [COMMAND_CHECK] as const;

export function registerCommands(app: App, deps: Deps): void {
  app.command(COMMAND_CHECK, inviteCheckCommand(deps));
}
