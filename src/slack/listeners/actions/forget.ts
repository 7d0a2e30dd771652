import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import { forgottenMessage } from '../../blocks/coach.js';
import { failureMessage } from '../../blocks/help.js';
import { section } from '../../blocks/message.js';
import { type Deps, forgetUser } from '../../context.js';
import { scopeOf } from '../../scope.js';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/** "Delete everything" after `/invite-coach forget`: the ledger, the settings and what is cached of them. */
export function forgetConfirmAction(deps: Deps) {
  return async function forgetConfirm({
    ack,
    body,
    context,
    logger,
    respond,
  }: ButtonArgs): Promise<void> {
    await ack();
    let message = failureMessage();
    try {
      const records = await forgetUser(
        deps,
        scopeOf(context, body.user.id, body.team?.id ?? body.user.team_id),
      );
      message = forgottenMessage(records);
      logger.info(`forget user=${body.user.id} records=${records}`);
    } catch (error) {
      logger.error(`forget failed for user ${body.user.id}: ${(error as Error).name}`);
    }
    await respond({
      replace_original: true,
      response_type: 'ephemeral',
      text: message.text,
      blocks: message.blocks,
    });
  };
}

export function forgetCancelAction() {
  return async function forgetCancel({ ack, respond }: ButtonArgs): Promise<void> {
    await ack();
    await respond({
      replace_original: true,
      response_type: 'ephemeral',
      text: 'Kept.',
      blocks: [section('Kept: nothing was deleted.')],
    });
  };
}
