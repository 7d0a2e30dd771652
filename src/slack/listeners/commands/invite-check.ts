import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { errorName } from '../../../errors.js';
import { DEFAULT_ACCOUNT } from '../../../store/records.js';
import { failureMessage, helpMessage } from '../../blocks/help.js';
import type { Message } from '../../blocks/message.js';
import type { Deps } from '../../context.js';
import { isHelpRequest, MAX_INPUT, replyToNote } from '../../reply.js';
import { scopeOf } from '../../scope.js';
import { accountAndBudget } from '../../services/budget.js';

/**
 * `/invite-check <note>` (or `help`): the answer travels in the acknowledgement itself, so
 * it is ephemeral, needs no extra call, and reaches the user in one round trip.
 * Nothing runs before the ack but the settings read (bounded) and the check,
 * and nothing is stored. Logs ids and lengths, never the note.
 */
export function inviteCheckCommand(deps: Deps) {
  return async function inviteCheck({
    ack,
    command,
    context,
    logger,
  }: AllMiddlewareArgs & SlackCommandMiddlewareArgs): Promise<void> {
    const text = command.text ?? '';
    let reply: Message;
    try {
      if (isHelpRequest(text)) {
        reply = helpMessage();
      } else {
        const needsAccount = text.trim() !== '' && text.length <= MAX_INPUT;
        // The budget line only for users with a ledger; a slow or failing store costs neither.
        const { account, budget, notesLeft } = needsAccount
          ? await accountAndBudget(deps, scopeOf(context, command.user_id, command.team_id), logger)
          : { account: DEFAULT_ACCOUNT, budget: undefined };
        reply = replyToNote(text, account, { sentButton: true, budget, notesLeft });
      }
    } catch (error) {
      logger.error(`/invite-check failed for user ${command.user_id}: ${errorName(error)}`);
      reply = failureMessage();
    }
    try {
      await ack({ response_type: 'ephemeral', text: reply.text, blocks: reply.blocks });
      logger.info(`/invite-check user=${command.user_id} length=${text.length}`);
    } catch (error) {
      logger.error(`/invite-check could not ack for user ${command.user_id}: ${errorName(error)}`);
    }
  };
}
