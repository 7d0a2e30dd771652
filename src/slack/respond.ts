import type { Logger, RespondFn } from '@slack/bolt';
import { errorName } from '../errors.js';
import type { Message } from './blocks/message.js';

/**
 * Replaces the ephemeral message a button or command answered in, through its
 * response_url. A failure is logged (ids only) rather than thrown: the user has
 * already had the ack, and nothing else is left to do.
 */
export async function replaceMessage(
  respond: RespondFn,
  message: Message,
  logger: Logger,
  what: string,
  userId: string,
): Promise<void> {
  try {
    await respond({
      response_type: 'ephemeral',
      replace_original: true,
      text: message.text,
      blocks: message.blocks,
    });
  } catch (error) {
    logger.error(`${what} could not be delivered to user ${userId}: ${errorName(error)}`);
  }
}
