import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { status } from '../../../ledger/index.js';
import { StoreError } from '../../../store/errors.js';
import {
  coachHelpMessage,
  exportSentMessage,
  forgetConfirmMessage,
  statusMessage,
} from '../../blocks/coach.js';
import { inputErrorMessage, ledgerFailureMessage, withSkipped } from '../../blocks/ledger.js';
import type { Message } from '../../blocks/message.js';
import { accountFor, type Deps } from '../../context.js';
import { scopeOf } from '../../scope.js';
import { digestCommand } from './digest.js';

/**
 * `/invite-coach status|export|forget`. Every answer is ephemeral; the export
 * goes to the user's DM with the bot, never to the channel the command was typed in.
 */
export function inviteCoachCommand(deps: Deps) {
  return async function inviteCoach({
    ack,
    command,
    context,
    client,
    logger,
    respond,
  }: AllMiddlewareArgs & SlackCommandMiddlewareArgs): Promise<void> {
    const sub = (command.text ?? '').trim().toLowerCase();
    const scope = scopeOf(context, command.user_id, command.team_id);
    const reply = (message: Message) => ({
      response_type: 'ephemeral' as const,
      text: message.text,
      blocks: message.blocks,
    });

    if (sub === 'digest' || sub.startsWith('digest ')) {
      await digestCommand(deps, { ack, client, logger, respond, scope }, sub.slice(6).trim());
      return;
    }
    if (sub === 'forget') {
      await ack(reply(forgetConfirmMessage()));
      return;
    }
    if (sub !== 'status' && sub !== 'export') {
      await ack(reply(coachHelpMessage()));
      return;
    }
    // The ledger read can take a moment for a long history: answer through response_url.
    await ack();
    let message: Message;
    try {
      if (sub === 'status') {
        const [account, snapshot] = await Promise.all([
          accountFor(deps, scope, logger),
          deps.ledger.snapshot(scope),
        ]);
        const now = deps.clock();
        const { entries } = snapshot;
        const summary = status(entries, { ...snapshot.settings, account }, now);
        message = withSkipped(statusMessage(summary, entries, now), snapshot.skipped);
      } else {
        const [csv, { entries, skipped }] = await Promise.all([
          deps.ledger.exportCsv(scope),
          deps.ledger.snapshot(scope),
        ]);
        const dm = await client.conversations.open({ users: command.user_id });
        await client.files.uploadV2({
          channel_id: dm.channel?.id as string,
          filename: `invite-coach-ledger-${deps.clock().toISOString().slice(0, 10)}.csv`,
          title: 'Your invitation ledger',
          content: csv,
        });
        message = withSkipped(exportSentMessage(entries.length), skipped);
      }
      logger.info(`/invite-coach ${sub} user=${command.user_id}`);
    } catch (error) {
      logger.error(
        `/invite-coach ${sub} failed for user ${command.user_id}: ${(error as Error).name}`,
      );
      // The store's failure, or Slack refusing the file: say which.
      message =
        sub === 'export' && !(error instanceof StoreError)
          ? inputErrorMessage(
              'Sorry, I could not put the file in our direct messages just now. Nothing was changed; please try again in a minute.',
            )
          : ledgerFailureMessage(error);
    }
    try {
      await respond(reply(message));
    } catch (error) {
      logger.error(
        `/invite-coach could not answer user ${command.user_id}: ${(error as Error).name}`,
      );
    }
  };
}
