/**
 * The lines that head a weekly digest redrawn after one of its buttons was
 * pressed, and the apology when it could not be. Names go through
 * {@link recipientLabel}, which escapes them.
 */
import { currentStatus, type LedgerEntry, type Outcome } from '../../ledger/index.js';
import { OUTCOME_WORDS, recipientLabel } from './ledger.js';

export function digestRecordedLine(entry: LedgerEntry, outcome: Outcome): string {
  return `:white_check_mark: Recorded: your invitation to ${recipientLabel(entry.recipient)} was ${OUTCOME_WORDS[outcome]}.`;
}

/** A second click, or a click on an older digest: the entry was decided already. */
export function digestAlreadyDecidedLine(entry: LedgerEntry): string {
  const status = currentStatus(entry);
  const was = status === 'pending' ? 'updated' : OUTCOME_WORDS[status];
  return `Your invitation to ${recipientLabel(entry.recipient)} was already recorded as ${was}; nothing was changed.`;
}

export const DIGEST_UNKNOWN_ENTRY_LINE =
  'That invitation is not in your ledger any more (was it forgotten?); nothing was changed.';

export const DIGEST_STORE_DOWN_TEXT =
  'Sorry, I could not reach your ledger just now, so nothing was recorded. Please press the button again in a minute.';
