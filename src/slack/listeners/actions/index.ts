import type { App, BlockAction, StaticSelectAction } from '@slack/bolt';
import type { Deps } from '../../context.js';
import { ACTION_ACCOUNT_TYPE } from '../../ids.js';
import { accountTypeAction } from './account-type.js';

/** Every action id the app handles; each must appear in a block the app builds. */
export const actionIds = [ACTION_ACCOUNT_TYPE] as const;

export function registerActions(app: App, deps: Deps): void {
  app.action<BlockAction<StaticSelectAction>>(ACTION_ACCOUNT_TYPE, accountTypeAction(deps));
}
