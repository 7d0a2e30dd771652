import type {
  AllMiddlewareArgs,
  BlockAction,
  BlockElementAction,
  ButtonAction,
  OverflowAction,
  SlackActionMiddlewareArgs,
  StaticSelectAction,
} from '@slack/bolt';
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
  OUTCOME_ACTION_ID,
} from '../../ids.js';
import { DIGEST_BUTTONS } from '../../payload.js';
import { dispatch, loggableId, type Routes } from '../route.js';
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

export type ActionArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>;

/** Each action id with its handler (the handler knows which element sends it). */
export function actionRoutes(deps: Deps): Routes<ActionArgs> {
  const as = <A extends BlockElementAction>(
    handler: (args: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<A>>) => Promise<void>,
    // The route is chosen by action id, and each id is only ever on that element.
  ) => handler as unknown as (args: ActionArgs) => Promise<void>;
  const routes = new Map<string, (args: ActionArgs) => Promise<void>>([
    [ACTION_ACCOUNT_TYPE, as<StaticSelectAction>(accountTypeAction(deps))],
    [ACTION_DRAFT_ANOTHER, as<ButtonAction>(redraftAction(deps))],
    [ACTION_DRAFT_SHORTER, as<ButtonAction>(redraftAction(deps))],
    [ACTION_DRAFT_EDIT, as<ButtonAction>(editDraftAction())],
    [ACTION_I_SENT_IT, as<ButtonAction>(sentItAction())],
    [ACTION_LOG_ANYWAY, as<ButtonAction>(logAnywayAction(deps))],
    [OUTCOME_ACTION_ID, as<ButtonAction | OverflowAction>(outcomeAction(deps))],
    [ACTION_FORGET_CONFIRM, as<ButtonAction>(forgetConfirmAction(deps))],
    [ACTION_FORGET_CANCEL, as<ButtonAction>(forgetCancelAction())],
    [ACTION_WEEKLY_CAP, as<StaticSelectAction>(weeklyCapAction(deps))],
  ]);
  const digestOutcome = as<ButtonAction>(digestOutcomeAction(deps));
  for (const { actionId } of DIGEST_BUTTONS) routes.set(actionId, digestOutcome);
  const digestSchedule = as<StaticSelectAction>(digestScheduleAction(deps));
  for (const id of [ACTION_DIGEST_ENABLED, ACTION_DIGEST_DAY, ACTION_DIGEST_HOUR]) {
    routes.set(id, digestSchedule);
  }
  return routes;
}

/**
 * Every block action, known or not: a button from an older version of the
 * app must still be acked, or Slack shows the user an error.
 */
export function actionListener(deps: Deps): (args: ActionArgs) => Promise<void> {
  return dispatch(
    actionRoutes(deps),
    (args) => args.action.action_id,
    async ({ ack, body, logger }, id) => {
      await ack();
      logger.warn(`unknown action id ${loggableId(id)} from user ${loggableId(body.user?.id)}`);
    },
  );
}
