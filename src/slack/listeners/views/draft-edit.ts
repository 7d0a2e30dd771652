import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { isAccount } from '../../../limits.js';
import { editView } from '../../blocks/draft.js';

/** "Check my edit" submitted: the same modal again, now with the checker's verdict under the text. */
export function draftEditSubmission() {
  return async function draftEdit({
    ack,
    view,
  }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>): Promise<void> {
    const note = view.state.values.note?.value?.value ?? '';
    const account = isAccount(view.private_metadata) ? view.private_metadata : 'basic';
    await ack({ response_action: 'update', view: editView(note, account, { note }) });
  };
}
