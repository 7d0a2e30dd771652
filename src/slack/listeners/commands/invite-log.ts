import { createHash } from 'node:crypto';
import type {
  AckFn,
  AllMiddlewareArgs,
  RespondArguments,
  RespondFn,
  SlackCommandMiddlewareArgs,
} from '@slack/bolt';
import { errorName } from '../../../errors.js';
import { OUTCOMES, type Outcome, status } from '../../../ledger/index.js';
import type { Scope } from '../../../store/scope.js';
import { TIMED_OUT, withTimeout } from '../../../timeout.js';
import { statusMessage } from '../../blocks/coach.js';
import { logUsageMessage, unknownVerbMessage } from '../../blocks/help.js';
import {
  inputErrorMessage,
  ledgerFailureMessage,
  noMatchMessage,
  pickMessage,
  preSendMessage,
  withSkipped,
} from '../../blocks/ledger.js';
import type { Message } from '../../blocks/message.js';
import type { Deps } from '../../context.js';
import { readRecipient } from '../../input.js';
import { scopeOf } from '../../scope.js';
import {
  logAndAnswer,
  setOutcomeAndAnswer,
  snapshotWithAccount,
  warningsBeforeSend,
} from '../../services/ledger.js';

type CommandArgs = AllMiddlewareArgs & SlackCommandMiddlewareArgs;
type Logger = AllMiddlewareArgs['logger'];

/** How long the answer may take to travel in the ack; after that it follows through response_url. */
export const ACK_BUDGET_MS = 2000;

/** Longest command text read at all; anything longer is refused without being looked at. */
const MAX_COMMAND_TEXT = 1000;

/**
 * `/invite-log sent <name or profile URL>`, `/invite-log accepted|ignored|withdrawn|idk <name>`,
 * `/invite-log pending`, `/invite-log help`. Answers are ephemeral, in the ack
 * when the store answers in time, else through response_url. Logs ids only.
 */
export function inviteLogCommand(deps: Deps) {
  return async function inviteLog({
    ack,
    command,
    context,
    logger,
    respond,
  }: CommandArgs): Promise<void> {
    const text = command.text ?? '';
    const scope = scopeOf(context, command.user_id, command.team_id);
    const work =
      text.length > MAX_COMMAND_TEXT
        ? Promise.resolve(
            inputErrorMessage(
              `That is ${text.length.toLocaleString('en-US')} characters; \`/invite-log\` takes a verb and a name or profile address.`,
            ),
          )
        : answer(deps, scope, logger, text, requestKey(command)).catch((error: unknown) => {
            logger.error(`/invite-log failed for user ${command.user_id}: ${errorName(error)}`);
            return ledgerFailureMessage(error);
          });
    await ackOrRespond(ack, respond, work, logger, command.user_id);
  };
}

/**
 * The idempotency key of one `/invite-log` request: a retry of a command
 * (Slack's, after its 3 s, or a client's) carries the same trigger_id and
 * text; a new command has a trigger_id of its own. `undefined` without one.
 */
function requestKey(command: { trigger_id?: string; text?: string }): string | undefined {
  const trigger = command.trigger_id;
  if (typeof trigger !== 'string' || trigger === '') return undefined;
  const request = `${trigger}\n${command.text ?? ''}`;
  return `c${createHash('sha256').update(request).digest('base64url').slice(0, 40)}`;
}

async function answer(
  deps: Deps,
  scope: Scope,
  logger: Logger,
  text: string,
  requestId?: string,
): Promise<Message> {
  const match = /^\s*(\S+)\s*([\s\S]*)$/.exec(text);
  const verb = match?.[1]?.toLowerCase() ?? '';
  const rest = match?.[2] ?? '';
  if (verb === '' || verb === 'help' || verb === '?') return logUsageMessage();
  if (verb === 'pending') {
    const { entries, settings, skipped } = await snapshotWithAccount(deps, scope, logger);
    const now = deps.clock();
    return withSkipped(statusMessage(status(entries, settings, now), entries, now), skipped);
  }
  if (verb !== 'sent' && !(OUTCOMES as readonly string[]).includes(verb))
    return unknownVerbMessage();
  const reading = readRecipient(rest);
  if ('error' in reading) return inputErrorMessage(reading.error);
  const { recipient } = reading;

  if (verb === 'sent') {
    // A retry of a request already logged: the same answer, nothing written.
    if (requestId !== undefined && (await deps.ledger.get(scope, requestId)) !== undefined)
      return logAndAnswer(deps, scope, logger, {
        recipient,
        noteLength: 0,
        source: 'manual',
        id: requestId,
      });
    const warnings = await warningsBeforeSend(deps, scope, logger, recipient, false);
    if (warnings.length > 0) {
      logger.info(`/invite-log sent user=${scope.userId} warnings=${warnings.length}`);
      return preSendMessage(recipient, warnings);
    }
    return logAndAnswer(deps, scope, logger, {
      recipient,
      noteLength: 0,
      source: 'manual',
      ...(requestId ? { id: requestId } : {}),
    });
  }

  const outcome = verb as Outcome;
  const matches = await deps.ledger.findByRecipient(scope, recipient, { status: 'pending' });
  if (matches.length === 0) return noMatchMessage(recipient);
  if (matches.length > 1) return pickMessage(outcome, matches, deps.clock());
  const [only] = matches;
  if (only === undefined) return noMatchMessage(recipient);
  return (await setOutcomeAndAnswer(deps, scope, logger, only.id, outcome)).message;
}

/**
 * Acks with the answer when it is ready within {@link ACK_BUDGET_MS}; else acks
 * at once with "Working on it…" and sends the answer through response_url.
 */
export async function ackOrRespond(
  ack: AckFn<string | RespondArguments>,
  respond: RespondFn,
  work: Promise<Message>,
  logger: Logger,
  userId: string,
  budgetMs = ACK_BUDGET_MS,
): Promise<void> {
  const first = await withTimeout(work, budgetMs);
  try {
    if (first !== TIMED_OUT) {
      await ack({ response_type: 'ephemeral', text: first.text, blocks: first.blocks });
      return;
    }
    await ack({ response_type: 'ephemeral', text: 'Working on it…' });
    const message = await work;
    await respond({
      response_type: 'ephemeral',
      replace_original: true,
      text: message.text,
      blocks: message.blocks,
    });
  } catch (error) {
    logger.error(`/invite-log could not answer user ${userId}: ${errorName(error)}`);
  }
}
