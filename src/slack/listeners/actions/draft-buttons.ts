import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import { errorName } from '../../../errors.js';
import { editView } from '../../blocks/draft.js';
import type { Deps } from '../../context.js';
import { decodeEdit, decodeState } from '../../payload.js';
import { deliverDraft } from '../commands/invite-draft.js';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/** "Another version" and "Shorter": draft again from the state the button carries, replacing the message. */
export function redraftAction(deps: Deps) {
  return async function redraft({ ack, action, body, logger, respond }: ButtonArgs): Promise<void> {
    await ack();
    const state = decodeState(action.value);
    if (!state) {
      logger.warn(`${action.action_id}: unreadable button value from user ${body.user.id}`);
      return;
    }
    await deliverDraft(deps, state, respond, logger, body.user.id);
  };
}

/** "Check my edit": a modal with the draft (carried in the button) to edit; submitting shows the verdict there. */
export function editDraftAction() {
  return async function editDraft({
    ack,
    action,
    body,
    client,
    logger,
  }: ButtonArgs): Promise<void> {
    await ack();
    const edit = decodeEdit(action.value);
    if (!edit) {
      logger.warn(`${action.action_id}: unreadable button value from user ${body.user.id}`);
      return;
    }
    try {
      await client.views.open({ trigger_id: body.trigger_id, view: editView(edit.n, edit.a) });
    } catch (error) {
      logger.error(`draft edit failed for user ${body.user.id}: ${errorName(error)}`);
    }
  };
}
