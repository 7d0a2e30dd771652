import type { App, BlockAction, ButtonAction, StaticSelectAction } from '@slack/bolt';
import type { Deps } from '../../context.js';
import {
  ACTION_ACCOUNT_TYPE,
  ACTION_DRAFT_ANOTHER,
  ACTION_DRAFT_EDIT,
  ACTION_DRAFT_SHORTER,
  ACTION_FORGET_CANCEL,
  ACTION_FORGET_CONFIRM,
} from '../../ids.js';
import { accountTypeAction } from './account-type.js';
import { editDraftAction, redraftAction } from './draft-buttons.js';
import { forgetCancelAction, forgetConfirmAction } from './forget.js';

/** Every action id the app handles; each must appear in a block the app builds. */
export const actionIds = [
  ACTION_ACCOUNT_TYPE,
  ACTION_DRAFT_ANOTHER,
  ACTION_DRAFT_SHORTER,
  ACTION_DRAFT_EDIT,
  ACTION_FORGET_CONFIRM,
  ACTION_FORGET_CANCEL,
] as const;

export function registerActions(app: App, deps: Deps): void {
  app.action<BlockAction<StaticSelectAction>>(ACTION_ACCOUNT_TYPE, accountTypeAction(deps));
  app.action<BlockAction<ButtonAction>>(ACTION_DRAFT_ANOTHER, redraftAction(deps));
  app.action<BlockAction<ButtonAction>>(ACTION_DRAFT_SHORTER, redraftAction(deps));
  app.action<BlockAction<ButtonAction>>(ACTION_DRAFT_EDIT, editDraftAction());
  app.action<BlockAction<ButtonAction>>(ACTION_FORGET_CONFIRM, forgetConfirmAction(deps));
  app.action<BlockAction<ButtonAction>>(ACTION_FORGET_CANCEL, forgetCancelAction());
}
