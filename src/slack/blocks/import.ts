import { context, type Message, section } from './message.js';

/** The answer to an Invitations.csv shared in the DM: what happened, and what to do next if anything. */
export function importReplyMessage(text: string, more?: string): Message {
  return { text, blocks: [section(text), ...(more ? [context(more)] : [])] };
}
