import { createHash } from 'node:crypto';
import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  Logger,
  OverflowAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import { errorName } from '../../../errors.js';
import { type LedgerEntry, type Outcome, status } from '../../../ledger/index.js';
import type { Scope } from '../../../store/scope.js';
import { statusMessage } from '../../blocks/coach.js';
import { outcomeSetBlocks, recipientView } from '../../blocks/ledger.js';
import type { Message } from '../../blocks/message.js';
import type { Deps } from '../../context.js';
import { decodeRecipient, decodeSent, parseOutcomeValue } from '../../payload.js';
import { replaceMessage } from '../../respond.js';
import { scopeOf } from '../../scope.js';
import { accountFor } from '../../services/account.js';
import { publishHome } from '../../services/home.js';
import { ledgerSnapshot, logAndAnswer, setOutcomeAndAnswer } from '../../services/ledger.js';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;
type OutcomeArgs = AllMiddlewareArgs &
  SlackActionMiddlewareArgs<BlockAction<ButtonAction | OverflowAction>>;

function messageTs(body: BlockAction): string | undefined {
  const ts = (body.container as { message_ts?: unknown } | undefined)?.message_ts;
  return typeof ts === 'string' ? ts : undefined;
}

/**
 * "I sent it": asks who it went to (prefilled with the greeting's first name),
 * in a small modal, pushed over the modal the button was in if any.
 */
export function sentItAction() {
  return async function sentIt({ ack, action, body, client, logger }: ButtonArgs): Promise<void> {
    await ack();
    const state = decodeSent(action.value);
    if (!state) {
      logger.warn(`${action.action_id}: unreadable button value from user ${body.user.id}`);
      return;
    }
    try {
      // From inside a modal ("Check my edit") the question goes on top of it: a
      // modal is open, so views.open would be refused.
      const args = { trigger_id: body.trigger_id, view: recipientView(state) };
      if (body.view?.type === 'modal') await client.views.push(args);
      else await client.views.open(args);
    } catch (error) {
      logger.error(`ledger modal failed for user ${body.user.id}: ${errorName(error)}`);
    }
  };
}

/** "Log it anyway": logs the send the warnings were about, replacing the warning message. */
export function logAnywayAction(deps: Deps) {
  return async function logAnyway({
    ack,
    action,
    body,
    context,
    logger,
    respond,
  }: ButtonArgs): Promise<void> {
    await ack();
    const recipient = decodeRecipient(action.value);
    if (!recipient) {
      logger.warn(`${action.action_id}: unreadable button value from user ${body.user.id}`);
      return;
    }
    const scope = scopeOf(context, body.user.id, body.user.team_id ?? body.team?.id);
    // A double click on the same message logs one invitation.
    const ts = messageTs(body);
    const id =
      ts === undefined
        ? undefined
        : `a${createHash('sha256').update(`${ts}\n${action.value}`).digest('base64url').slice(0, 40)}`;
    const message = await logAndAnswer(deps, scope, logger, {
      recipient,
      noteLength: 0,
      source: 'manual',
      ...(id ? { id } : {}),
    });
    await replaceMessage(respond, message, logger, 'ledger answer', body.user.id);
  };
}

/** The outcome just recorded, then the status and pending list as they are now. */
async function statusAfterOutcome(
  deps: Deps,
  scope: Scope,
  logger: Logger,
  entry: LedgerEntry,
  outcome: Outcome,
): Promise<Message> {
  const account = await accountFor(deps, scope, logger);
  const { entries, settings } = await ledgerSnapshot(deps, scope, account);
  const now = deps.clock();
  const redrawn = statusMessage(status(entries, settings, now), entries, now);
  return { text: redrawn.text, blocks: [...outcomeSetBlocks(entry, outcome), ...redrawn.blocks] };
}

/**
 * An outcome chosen on a pending invitation: from the pending list's menu
 * (the list is redrawn in place, without it) or from a "which one?" pick
 * (replaced by the confirmation).
 */
export function outcomeAction(deps: Deps) {
  return async function outcome({
    ack,
    action,
    body,
    client,
    context,
    logger,
    respond,
  }: OutcomeArgs): Promise<void> {
    await ack();
    const value = action.type === 'overflow' ? action.selected_option.value : action.value;
    const parsed = parseOutcomeValue(value ?? '');
    if (!parsed) {
      logger.warn(`${action.action_id}: unreadable value from user ${body.user.id}`);
      return;
    }
    const scope = scopeOf(context, body.user.id, body.user.team_id ?? body.team?.id);
    const change = { change: parsed.change === true };
    if (body.view?.type === 'home') {
      // From the Home dashboard: no message to replace; the tab is redrawn without it.
      await setOutcomeAndAnswer(deps, scope, logger, parsed.entryId, parsed.outcome, change);
      await publishHome(deps, client, scope, logger);
      return;
    }
    const { message, entry } = await setOutcomeAndAnswer(
      deps,
      scope,
      logger,
      parsed.entryId,
      parsed.outcome,
      change,
    );
    if (entry && action.block_id.startsWith('ledger_pending_')) {
      // The list sits under the status (`/invite-coach status`, `/invite-log pending`):
      // redraw both, since the pending count and the rates moved.
      try {
        const redrawn = await statusAfterOutcome(deps, scope, logger, entry, parsed.outcome);
        await replaceMessage(
          respond,
          { text: message.text, blocks: redrawn.blocks },
          logger,
          'ledger answer',
          body.user.id,
        );
        return;
      } catch (error) {
        logger.error(`pending list failed for user ${body.user.id}: ${errorName(error)}`);
      }
    }
    await replaceMessage(respond, message, logger, 'ledger answer', body.user.id);
  };
}
