import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { errorName } from '../../../errors.js';
import { StoreUnavailableError } from '../../../store/errors.js';
import { loggedView } from '../../blocks/ledger.js';
import type { Deps } from '../../context.js';
import { readRecipient } from '../../input.js';
import { decodeSent, sentTraits } from '../../payload.js';
import { scopeOf } from '../../scope.js';
import { logSendAndJudge } from '../../services/ledger.js';

type ViewArgs = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/**
 * "I sent it" → who was it for? Logs the send with the note's length, source
 * and traits (never its text), then shows in the same modal what LinkedIn would
 * have said and the budget line. The view id is the idempotency key, so a
 * retried submission logs one invitation.
 */
export function logRecipientSubmission(deps: Deps) {
  return async function logRecipient({
    ack,
    body,
    context,
    logger,
    view,
  }: ViewArgs): Promise<void> {
    const state = decodeSent(view.private_metadata);
    if (!state) {
      logger.warn(`ledger modal: unreadable metadata from user ${body.user.id}`);
      await ack({
        response_action: 'errors',
        errors: { recipient: 'Something went wrong; please press “I sent it” again.' },
      });
      return;
    }
    const reading = readRecipient(view.state.values.recipient?.value?.value ?? '');
    if ('error' in reading) {
      await ack({ response_action: 'errors', errors: { recipient: reading.error } });
      return;
    }
    const scope = scopeOf(context, body.user.id, body.user.team_id ?? body.team?.id);
    const id = /^[A-Za-z0-9_-]{1,60}$/.test(view.id) ? `v${view.id}` : undefined;
    const traits = sentTraits(state);
    try {
      const { entry, warnings, budget } = await logSendAndJudge(deps, scope, logger, {
        recipient: reading.recipient,
        noteLength: state.l,
        ...(traits ? { traits } : {}),
        source: state.s,
        ...(id ? { id } : {}),
      });
      logger.info(`ledger send user=${body.user.id} source=${state.s} length=${state.l}`);
      await ack({ response_action: 'update', view: loggedView(entry, warnings, budget) });
    } catch (error) {
      logger.error(`ledger modal send failed for user ${body.user.id}: ${errorName(error)}`);
      const recipient =
        error instanceof StoreUnavailableError && error.mayHaveWritten
          ? 'I could not reach your ledger in time; it may still have been logged (/invite-log pending shows). Sending again logs it once.'
          : 'I could not reach your ledger; nothing was logged. Please try again.';
      await ack({ response_action: 'errors', errors: { recipient } });
    }
  };
}
