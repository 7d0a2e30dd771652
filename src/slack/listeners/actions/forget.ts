import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import { errorName } from '../../../errors.js';
import { forgottenMessage, keptMessage } from '../../blocks/coach.js';
import { failureMessage } from '../../blocks/help.js';
import type { Deps } from '../../context.js';
import { replaceMessage } from '../../respond.js';
import { scopeOf } from '../../scope.js';
import { forgetUser } from '../../services/account.js';

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
      logger.error(`forget failed for user ${body.user.id}: ${errorName(error)}`);
    }
    await replaceMessage(respond, message, logger, 'forget answer', body.user.id);
  };
}

export function forgetCancelAction() {
  return async function forgetCancel({ ack, body, logger, respond }: ButtonArgs): Promise<void> {
    await ack();
    await replaceMessage(respond, keptMessage(), logger, 'forget answer', body.user.id);
  };
}
