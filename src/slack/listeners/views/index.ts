import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Deps } from '../../context.js';
import { VIEW_DRAFT_EDIT, VIEW_DRAFT_FORM, VIEW_LOG_RECIPIENT } from '../../ids.js';
import { dispatch, loggableId, type Routes } from '../route.js';
import { draftEditSubmission } from './draft-edit.js';
import { draftFormSubmission } from './draft-form.js';
import { logRecipientSubmission } from './log-recipient.js';

/** Modal callback ids the app handles; each is the callback_id of a view the app builds. */
export const viewIds = [VIEW_DRAFT_FORM, VIEW_DRAFT_EDIT, VIEW_LOG_RECIPIENT] as const;

export type ViewArgs = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/** Each modal's callback id with the handler of its submission. */
export function viewRoutes(deps: Deps): Routes<ViewArgs> {
  return new Map([
    [VIEW_DRAFT_FORM, draftFormSubmission(deps)],
    [VIEW_DRAFT_EDIT, draftEditSubmission()],
    [VIEW_LOG_RECIPIENT, logRecipientSubmission(deps)],
  ]);
}

/**
 * Every submission is acked, even one no route takes (a modal from an older
 * version of the app) or one without the `view.state` every handler reads:
 * unacked, Slack shows the user an error. Acked empty, the modal closes.
 */
export function viewListener(deps: Deps): (args: ViewArgs) => Promise<void> {
  const handle = dispatch(
    viewRoutes(deps),
    (args: ViewArgs) => args.view.callback_id,
    async ({ ack, body, logger }, id) => {
      await ack();
      logger.warn(
        `unknown view callback id ${loggableId(id)} from user ${loggableId(body.user?.id)}`,
      );
    },
  );
  return async (args) => {
    if (typeof args.view?.state?.values !== 'object' || args.view.state.values === null) {
      await args.ack();
      args.logger.warn(
        `view ${loggableId(args.view?.callback_id)} submitted without its state, user ${loggableId(args.body.user?.id)}`,
      );
      return;
    }
    await handle(args);
  };
}
