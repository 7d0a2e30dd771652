import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { errorName } from '../../../errors.js';
import { isAccount } from '../../../limits.js';
import type { Deps } from '../../context.js';
import { draftReply } from '../commands/invite-draft.js';

type ViewArgs = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

const RELATIONSHIP_WORDS: Record<string, string> = {
  close: 'close friend',
  acquaintance: 'acquaintance',
  stranger: 'never met',
};

/**
 * The form's fields, put together as the context a user would type, so the
 * modal and the command share one drafter. Returns the field errors when the
 * name or the context is missing.
 */
export function contextFromForm(
  values: ViewSubmitAction['view']['state']['values'],
): { context: string } | { errors: Record<string, string> } {
  const text = (block: string) => values[block]?.value?.value?.trim() ?? '';
  const selected = (block: string) => values[block]?.value?.selected_option?.value ?? '';
  const errors: Record<string, string> = {};
  if (text('name') === '') errors.name = 'Who is the note for?';
  if (text('how') === '') errors.how = 'How do you know them, or why them? I will not make it up.';
  if (Object.keys(errors).length > 0) return { errors };
  const parts = [text('name'), RELATIONSHIP_WORDS[selected('relationship')] ?? '', text('how')];
  if (text('mutual')) parts.push(`via ${text('mutual')}`);
  if (text('next'))
    parts.push(
      /^(?:coffee|call|chat|lunch|drinks?|a |an )/i.test(text('next'))
        ? text('next')
        : `want to ${text('next')}`,
    );
  return { context: parts.filter((p) => p !== '').join(', ') };
}

/** The form from `/invite-draft` alone: closes at once, then the draft arrives in the user's DM with the bot. */
export function draftFormSubmission(deps: Deps) {
  return async function draftForm({ ack, body, view, client, logger }: ViewArgs): Promise<void> {
    const form = contextFromForm(view.state.values);
    if ('errors' in form) {
      await ack({ response_action: 'errors', errors: form.errors });
      return;
    }
    await ack();
    const chosen = view.state.values.account?.value?.selected_option?.value;
    const account = isAccount(chosen) ? chosen : 'basic';
    const message = await draftReply(
      deps,
      { c: form.context, a: account, v: 0 },
      logger,
      body.user.id,
    );
    try {
      // Posting to the user's id lands in their DM with the bot (the Messages tab).
      await client.chat.postMessage({
        channel: body.user.id,
        text: message.text,
        blocks: message.blocks,
      });
    } catch (error) {
      logger.error(`draft form could not deliver to user ${body.user.id}: ${errorName(error)}`);
    }
  };
}
