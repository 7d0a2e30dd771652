import { checkNote } from '../check.js';
import type { Account } from '../types.js';
import { howToMessage, tooLongMessage } from './blocks/help.js';
import type { Message } from './blocks/message.js';
import { type ReportExtras, reportMessage } from './blocks/report.js';

/**
 * Longest text we check, in UTF-16 units. LinkedIn notes stop at 300
 * characters; this leaves room for Slack markup and a pasted paragraph while
 * keeping the checker's work (and our reply) small.
 */
export const MAX_INPUT = 4000;

/** The reply to a note sent by command or DM: a how-to, a polite refusal, or the verdict. */
export function replyToNote(text: string, account: Account, extras: ReportExtras = {}): Message {
  if (text.trim() === '') return howToMessage();
  if (text.length > MAX_INPUT) return tooLongMessage(text.length, MAX_INPUT);
  return reportMessage(text, checkNote(text, { account }), account, extras);
}

/** Whether a DM asks for help rather than holding a note. */
export function isHelpRequest(text: string): boolean {
  return /^\s*(help|\?|hi|hello)\s*[.!?]*\s*$/i.test(text);
}
