import type { AllMiddlewareArgs, RespondFn, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { errorName } from '../../../errors.js';
import {
  draftFormView,
  draftingMessage,
  draftMessage,
  draftTooLongMessage,
  MAX_DRAFT_INPUT,
} from '../../blocks/draft.js';
import { failureMessage } from '../../blocks/help.js';
import type { Message } from '../../blocks/message.js';
import type { Deps } from '../../context.js';
import type { DraftState } from '../../payload.js';
import { replaceMessage } from '../../respond.js';
import { scopeOf } from '../../scope.js';
import { accountFor } from '../../services/account.js';

/**
 * `/invite-draft <context>`: acks at once with "Drafting…" (an LLM may take
 * seconds, Slack waits three), then replaces it through response_url with the
 * draft. Alone, it opens the form. Logs ids and lengths, never the context.
 */
export function inviteDraftCommand(deps: Deps) {
  return async function inviteDraft({
    ack,
    command,
    context,
    client,
    logger,
    respond,
  }: AllMiddlewareArgs & SlackCommandMiddlewareArgs): Promise<void> {
    const text = (command.text ?? '').trim();
    const scope = scopeOf(context, command.user_id, command.team_id);
    if (text === '') {
      await ack();
      try {
        const account = await accountFor(deps, scope, logger);
        await client.views.open({ trigger_id: command.trigger_id, view: draftFormView(account) });
      } catch (error) {
        logger.error(`/invite-draft form failed for user ${command.user_id}: ${errorName(error)}`);
      }
      return;
    }
    if (text.length > MAX_DRAFT_INPUT) {
      await ack({ response_type: 'ephemeral', ...draftTooLongMessage(text.length) });
      return;
    }
    await ack({ response_type: 'ephemeral', ...draftingMessage() });
    const account = await accountFor(deps, scope, logger);
    await deliverDraft(deps, { c: text, a: account, v: 0 }, respond, logger, command.user_id);
  };
}

/** The draft (or the question to answer) as a message; a failure becomes a friendly apology. */
export async function draftReply(
  deps: Deps,
  state: DraftState,
  logger: AllMiddlewareArgs['logger'],
  userId: string,
): Promise<Message> {
  try {
    const result = await deps.drafter.draft(state.c, {
      account: state.a,
      variant: state.v,
      maxLength: state.m,
    });
    logger.info(
      `draft user=${userId} length=${state.c.length} result=${result.kind}${result.kind === 'draft' ? ` source=${result.source}` : ''}`,
    );
    return draftMessage(result, state);
  } catch (error) {
    logger.error(`draft failed for user ${userId}: ${errorName(error)}`);
    return failureMessage();
  }
}

/** Drafts and replaces the "Drafting…" (or previous draft) message in place. */
export async function deliverDraft(
  deps: Deps,
  state: DraftState,
  respond: RespondFn,
  logger: AllMiddlewareArgs['logger'],
  userId: string,
): Promise<void> {
  await replaceMessage(
    respond,
    await draftReply(deps, state, logger, userId),
    logger,
    'draft',
    userId,
  );
}
