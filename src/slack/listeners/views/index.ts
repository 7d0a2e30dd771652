import type { App } from '@slack/bolt';
import type { Deps } from '../../context.js';
import { VIEW_DRAFT_EDIT, VIEW_DRAFT_FORM, VIEW_LOG_RECIPIENT } from '../../ids.js';
import { draftEditSubmission } from './draft-edit.js';
import { draftFormSubmission } from './draft-form.js';
import { logRecipientSubmission } from './log-recipient.js';

/** Modal callback ids the app handles; each is the callback_id of a view the app builds. */
export const viewIds = [VIEW_DRAFT_FORM, VIEW_DRAFT_EDIT, VIEW_LOG_RECIPIENT] as const;

export function registerViews(app: App, deps: Deps): void {
  app.view(VIEW_DRAFT_FORM, draftFormSubmission(deps));
  app.view(VIEW_DRAFT_EDIT, draftEditSubmission());
  app.view(VIEW_LOG_RECIPIENT, logRecipientSubmission(deps));
}
