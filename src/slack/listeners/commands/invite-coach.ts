import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { errorName } from '../../../errors.js';
import { status } from '../../../ledger/index.js';
import { StoreError } from '../../../store/errors.js';
import { exportSentMessage, forgetConfirmMessage, statusMessage } from '../../blocks/coach.js';
import { coachHelpMessage } from '../../blocks/help.js';
import { inputErrorMessage, ledgerFailureMessage, withSkipped } from '../../blocks/ledger.js';
import type { Message } from '../../blocks/message.js';
import { COACH_SUBCOMMANDS, type CoachSubcommand, type Subcommand } from '../../commands.js';
import type { Deps } from '../../context.js';
import { scopeOf } from '../../scope.js';
import { accountFor } from '../../services/account.js';
import { digestCommand } from './digest.js';

type CommandArgs = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/** One subcommand's work: what it was typed with, and Bolt's arguments. */
type SubcommandHandler = (deps: Deps, args: CommandArgs, rest: string) => Promise<void>;

const reply = (message: Message) => ({
  response_type: 'ephemeral' as const,
  text: message.text,
  blocks: message.blocks,
});

/**
 * A handler for every subcommand in {@link COACH_SUBCOMMANDS} (the compiler
 * holds them together). Every answer is ephemeral; the export goes to the
 * user's DM with the bot, never to the channel the command was typed in.
 */
const HANDLERS: Record<CoachSubcommand, SubcommandHandler> = {
  status: (deps, args) => answerLater(deps, args, 'status', statusAnswer),
  export: (deps, args) => answerLater(deps, args, 'export', exportAnswer),
  digest: (deps, args, rest) => {
    const { ack, client, logger, respond } = args;
    const scope = scopeOf(args.context, args.command.user_id, args.command.team_id);
    return digestCommand(deps, { ack, client, logger, respond, scope }, rest);
  },
  forget: async (_deps, { ack }) => {
    await ack(reply(forgetConfirmMessage()));
  },
};

/** Which subcommand the text names, and what follows it; `undefined` for help. */
function parseSubcommand(text: string): { sub: CoachSubcommand; rest: string } | undefined {
  const match = /^(\S+)\s*([\s\S]*)$/.exec(text.trim().toLowerCase());
  const word = match?.[1] ?? '';
  const rest = match?.[2] ?? '';
  const sub = (Object.keys(COACH_SUBCOMMANDS) as CoachSubcommand[]).find((name) =>
    (COACH_SUBCOMMANDS[name].words as readonly string[]).includes(word),
  );
  // Only a subcommand that takes text reads anything after its word: `status now` is not `status`.
  const takesText = (COACH_SUBCOMMANDS[sub ?? 'status'] as Subcommand).takesText === true;
  if (sub === undefined || (rest !== '' && !takesText)) return undefined;
  return { sub, rest };
}

/** `/invite-coach <subcommand>`; no or an unknown subcommand gets the list of them. */
export function inviteCoachCommand(deps: Deps) {
  return async function inviteCoach(args: CommandArgs): Promise<void> {
    const parsed = parseSubcommand(args.command.text ?? '');
    if (parsed === undefined) {
      await args.ack(reply(coachHelpMessage()));
      return;
    }
    await HANDLERS[parsed.sub](deps, args, parsed.rest);
  };
}

async function statusAnswer(deps: Deps, args: CommandArgs): Promise<Message> {
  const { command, context, logger } = args;
  const scope = scopeOf(context, command.user_id, command.team_id);
  const [account, snapshot] = await Promise.all([
    accountFor(deps, scope, logger),
    deps.ledger.snapshot(scope),
  ]);
  const now = deps.clock();
  const { entries } = snapshot;
  const summary = status(entries, { ...snapshot.settings, account }, now);
  return withSkipped(statusMessage(summary, entries, now), snapshot.skipped);
}

async function exportAnswer(deps: Deps, args: CommandArgs): Promise<Message> {
  const { command, context, client } = args;
  const scope = scopeOf(context, command.user_id, command.team_id);
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
  return withSkipped(exportSentMessage(entries.length), skipped);
}

/**
 * Acks at once and answers through response_url: the ledger read can take a
 * moment for a long history.
 */
async function answerLater(
  deps: Deps,
  args: CommandArgs,
  sub: 'status' | 'export',
  work: (deps: Deps, args: CommandArgs) => Promise<Message>,
): Promise<void> {
  const { ack, command, logger, respond } = args;
  await ack();
  let message: Message;
  try {
    message = await work(deps, args);
    logger.info(`/invite-coach ${sub} user=${command.user_id}`);
  } catch (error) {
    logger.error(`/invite-coach ${sub} failed for user ${command.user_id}: ${errorName(error)}`);
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
    logger.error(`/invite-coach could not answer user ${command.user_id}: ${errorName(error)}`);
  }
}
