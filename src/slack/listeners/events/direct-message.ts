import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { errorMessage } from '../../../errors.js';
import { DEFAULT_ACCOUNT } from '../../../store/records.js';
import { helpMessage } from '../../blocks/help.js';
import type { Message } from '../../blocks/message.js';
import type { Deps } from '../../context.js';
import { isHelpRequest, MAX_INPUT, replyToNote } from '../../reply.js';
import { scopeOf } from '../../scope.js';
import { accountAndBudget } from '../../services/budget.js';
import { publishHome } from '../../services/home.js';
import { importSharedFile, type SharedFile } from '../../services/import.js';

type MessageArgs = AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>;
type MessageEvent = MessageArgs['event'];

/** A plain message a person typed in a DM with the bot: no subtype (edits, joins, bot posts), no bot id. */
export function isPersonDm(
  event: MessageEvent,
): event is Extract<MessageEvent, { subtype: undefined }> & { user: string } {
  if (event.channel_type !== 'im' && (event.channel_type as string) !== 'app_home') return false;
  if ('subtype' in event && event.subtype !== undefined) return false;
  if ('bot_id' in event && event.bot_id) return false;
  return 'user' in event && typeof event.user === 'string';
}

/**
 * Where the bot token may go for a download: the file host beside the Web
 * API (`https://slack.com/api/` → `https://files.slack.com`, GovSlack's
 * `https://slack-gov.com/api/` → `https://files.slack-gov.com`) and the API's
 * own origin (a stand-in in tests).
 */
export function slackFileOrigins(slackApiUrl: string): string[] {
  const api = new URL(slackApiUrl);
  const domain = api.hostname.replace(/^(?:www|api)\./, '');
  return [`https://files.${domain}`, api.origin];
}

/**
 * A file a person shared in a DM with the bot (`subtype: 'file_share'`): the
 * one subtype handled; edits, joins and bot posts stay ignored.
 */
export function fileShareDm(
  event: MessageEvent,
):
  | { user: string; channel: string; team?: string; thread_ts?: string; files: SharedFile[] }
  | undefined {
  if (event.channel_type !== 'im') return undefined;
  if (!('subtype' in event) || event.subtype !== 'file_share') return undefined;
  if ('bot_id' in event && event.bot_id) return undefined;
  const e = event as { user?: unknown; files?: unknown; team?: string; thread_ts?: string };
  if (typeof e.user !== 'string' || !Array.isArray(e.files) || e.files.length === 0)
    return undefined;
  return {
    user: e.user,
    channel: event.channel,
    ...(e.team ? { team: e.team } : {}),
    ...(e.thread_ts ? { thread_ts: e.thread_ts } : {}),
    files: e.files as SharedFile[],
  };
}

/**
 * A DM to the bot: a shared file is imported as LinkedIn's Invitations.csv; `help` gets the help, anything else is checked like
 * `/invite-check` and answered in the DM (in the thread if it came in one).
 * Events are acknowledged by Bolt before this runs.
 */
export function directMessageEvent(deps: Deps) {
  return async function directMessage({
    event,
    client,
    context,
    logger,
  }: MessageArgs): Promise<void> {
    const shared = fileShareDm(event);
    if (shared) {
      const scope = scopeOf(context, shared.user, shared.team);
      const download = {
        token: context.botToken ?? '',
        allowedOrigins: slackFileOrigins(client.slackApiUrl),
        fileInfo: async (id: string) => (await client.files.info({ file: id })).file as SharedFile,
      };
      let imported = 0;
      for (const file of shared.files) {
        const answer = await importSharedFile(deps, scope, file, download, logger);
        imported += answer.imported ?? 0;
        try {
          await client.chat.postMessage({
            channel: shared.channel,
            text: answer.text,
            blocks: answer.blocks,
            ...(shared.thread_ts ? { thread_ts: shared.thread_ts } : {}),
          });
        } catch (error) {
          logger.error(`import reply failed for user ${shared.user}: ${errorMessage(error)}`);
        }
      }
      // Home lists the pending invitations: show the new ones there too. After
      // the replies, and publishHome logs its own failures, so it never costs one.
      if (imported > 0) await publishHome(deps, client, scope, logger);
      return;
    }
    if (!isPersonDm(event)) return;
    const text = event.text ?? '';
    let reply: Message;
    if (isHelpRequest(text)) {
      reply = helpMessage();
    } else {
      const needsAccount = text.trim() !== '' && text.length <= MAX_INPUT;
      const { account, budget, notesLeft } = needsAccount
        ? await accountAndBudget(deps, scopeOf(context, event.user, event.team), logger)
        : { account: DEFAULT_ACCOUNT, budget: undefined };
      reply = replyToNote(text, account, { sentButton: true, budget, notesLeft });
    }
    try {
      await client.chat.postMessage({
        channel: event.channel,
        text: reply.text,
        blocks: reply.blocks,
        ...(event.thread_ts ? { thread_ts: event.thread_ts } : {}),
      });
      logger.info(`dm user=${event.user} length=${text.length}`);
    } catch (error) {
      logger.error(`dm reply failed for user ${event.user}: ${errorMessage(error)}`);
    }
  };
}
