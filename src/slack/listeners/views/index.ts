import type {
  AllMiddlewareArgs,
  App,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import type { Deps } from '../../context.js';
import { VIEW_DRAFT_EDIT, VIEW_DRAFT_FORM, VIEW_LOG_RECIPIENT } from '../../ids.js';
import { dispatch, idPattern, type Routes } from '../route.js';
import { draftEditSubmission } from './draft-edit.js';
import { draftFormSubmission } from './draft-form.js';
import { logRecipientSubmission } from './log-recipient.js';

/** Modal callback ids the app handles; each is the callback_id of a view the app builds. */
export const viewIds = [VIEW_DRAFT_FORM, VIEW_DRAFT_EDIT, VIEW_LOG_RECIPIENT] as const;

type ViewArgs = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/** Each modal's callback id with the handler of its submission. */
export function viewRoutes(deps: Deps): Routes<ViewArgs> {
  return new Map([
    [VIEW_DRAFT_FORM, draftFormSubmission(deps)],
    [VIEW_DRAFT_EDIT, draftEditSubmission()],
    [VIEW_LOG_RECIPIENT, logRecipientSubmission(deps)],
  ]);
}

export function registerViews(app: App, deps: Deps): void {
  const routes = viewRoutes(deps);
  app.view<ViewSubmitAction>(
    idPattern(routes.keys()),
    dispatch(routes, (args) => args.view.callback_id),
  );
}
