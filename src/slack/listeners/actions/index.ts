import type {
  App,
  BlockAction,
  ButtonAction,
  OverflowAction,
  StaticSelectAction,
} from '@slack/bolt';
import { DIGEST_BUTTONS } from '../../../digest/blocks.js';
import { OUTCOME_ACTION_ID } from '../../../ledger/index.js';
import type { Deps } from '../../context.js';
import {
  ACTION_ACCOUNT_TYPE,
  ACTION_DIGEST_DAY,
  ACTION_DIGEST_ENABLED,
  ACTION_DIGEST_HOUR,
  ACTION_DRAFT_ANOTHER,
  ACTION_DRAFT_EDIT,
  ACTION_DRAFT_SHORTER,
  ACTION_FORGET_CANCEL,
  ACTION_FORGET_CONFIRM,
  ACTION_I_SENT_IT,
  ACTION_LOG_ANYWAY,
  ACTION_WEEKLY_CAP,
} from '../../ids.js';
import { accountTypeAction } from './account-type.js';
import { digestOutcomeAction } from './digest-buttons.js';
import { digestScheduleAction } from './digest-schedule.js';
import { editDraftAction, redraftAction } from './draft-buttons.js';
import { forgetCancelAction, forgetConfirmAction } from './forget.js';
import { logAnywayAction, outcomeAction, sentItAction } from './ledger-buttons.js';
import { weeklyCapAction } from './weekly-cap.js';

/** Every action id the app handles; each must appear in a block the app builds. */
export const actionIds = [
  ACTION_ACCOUNT_TYPE,
  ACTION_DRAFT_ANOTHER,
  ACTION_DRAFT_SHORTER,
  ACTION_DRAFT_EDIT,
  ACTION_I_SENT_IT,
  ACTION_LOG_ANYWAY,
  OUTCOME_ACTION_ID,
  ACTION_FORGET_CONFIRM,
  ACTION_FORGET_CANCEL,
  ACTION_WEEKLY_CAP,
  ...DIGEST_BUTTONS.map((b) => b.actionId),
  ACTION_DIGEST_ENABLED,
  ACTION_DIGEST_DAY,
  ACTION_DIGEST_HOUR,
] as const;

export function registerActions(app: App, deps: Deps): void {
  app.action<BlockAction<StaticSelectAction>>(ACTION_ACCOUNT_TYPE, accountTypeAction(deps));
  app.action<BlockAction<ButtonAction>>(ACTION_DRAFT_ANOTHER, redraftAction(deps));
  app.action<BlockAction<ButtonAction>>(ACTION_DRAFT_SHORTER, redraftAction(deps));
  app.action<BlockAction<ButtonAction>>(ACTION_DRAFT_EDIT, editDraftAction());
  app.action<BlockAction<ButtonAction>>(ACTION_I_SENT_IT, sentItAction());
  app.action<BlockAction<ButtonAction>>(ACTION_LOG_ANYWAY, logAnywayAction(deps));
  app.action<BlockAction<ButtonAction | OverflowAction>>(OUTCOME_ACTION_ID, outcomeAction(deps));
  app.action<BlockAction<ButtonAction>>(ACTION_FORGET_CONFIRM, forgetConfirmAction(deps));
  app.action<BlockAction<ButtonAction>>(ACTION_FORGET_CANCEL, forgetCancelAction());
  app.action<BlockAction<StaticSelectAction>>(ACTION_WEEKLY_CAP, weeklyCapAction(deps));
  for (const { actionId } of DIGEST_BUTTONS) {
    app.action<BlockAction<ButtonAction>>(actionId, digestOutcomeAction(deps));
  }
  for (const id of [ACTION_DIGEST_ENABLED, ACTION_DIGEST_DAY, ACTION_DIGEST_HOUR]) {
    app.action<BlockAction<StaticSelectAction>>(id, digestScheduleAction(deps));
  }
}
