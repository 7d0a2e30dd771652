import type { Logger } from '@slack/bolt';
import {
  budgetLine,
  type LedgerEntry,
  LedgerInputError,
  type LedgerWarning,
  type Outcome,
  preSendWarnings,
  type Recipient,
  type SendInput,
  status,
} from '../ledger/index.js';
import type { Scope } from '../store/scope.js';
import { ledgerFailureMessage, loggedMessage, outcomeSetMessage } from './blocks/ledger.js';
import type { Message } from './blocks/message.js';
import { accountFor, type Deps, ledgerSnapshot, ledgerWritten } from './context.js';

/** What LinkedIn would say about one more invitation to `recipient`, judged on the user's ledger now. */
export async function warningsBeforeSend(
  deps: Deps,
  scope: Scope,
  logger: Logger,
  recipient: Recipient,
  personalised: boolean,
): Promise<LedgerWarning[]> {
  const { entries, settings } = await snapshotWithAccount(deps, scope, logger);
  return preSendWarnings(entries, recipient, deps.clock(), settings, { personalised });
}

/**
 * The ledger with the user's account type, both read side by side: a store
 * that hangs costs one deadline, not two in a row.
 */
export async function snapshotWithAccount(deps: Deps, scope: Scope, logger: Logger) {
  const [account, snapshot] = await Promise.all([
    accountFor(deps, scope, logger),
    deps.ledger.snapshot(scope),
  ]);
  return { ...snapshot, settings: { ...snapshot.settings, account } };
}

export interface Logged {
  entry: LedgerEntry;
  /** What LinkedIn would have said before this send (the ledger as it was). */
  warnings: LedgerWarning[];
  /** The budget line with this send counted. */
  budget: string;
}

/**
 * Logs a send and says what it costs: the warnings the ledger gave before it,
 * and the budget line after. The note's text never reaches here, only its length.
 */
export async function logSendAndJudge(
  deps: Deps,
  scope: Scope,
  logger: Logger,
  input: SendInput & { recipient: Recipient },
): Promise<Logged> {
  const { entries, settings } = await snapshotWithAccount(deps, scope, logger);
  const now = deps.clock();
  const warnings = preSendWarnings(entries, input.recipient, now, settings, {
    personalised: input.noteLength > 0,
  });
  const entry = await deps.ledger.logSend(scope, input);
  ledgerWritten(deps, scope);
  const after = entries.some((e) => e.id === entry.id) ? entries : [...entries, entry];
  // Judged after the send (its time comes from the clock too), so that it counts.
  const later = new Date(Math.max(deps.clock().getTime(), Date.parse(entry.sentAt)));
  return { entry, warnings, budget: budgetLine(status(after, settings, later)) };
}

/** Sets an outcome and answers with it and the budget line; an entry gone (forgotten) is said so. */
export async function setOutcomeAndAnswer(
  deps: Deps,
  scope: Scope,
  logger: Logger,
  entryId: string,
  outcome: Outcome,
): Promise<{ message: Message; entry?: LedgerEntry }> {
  try {
    const entry = await deps.ledger.setOutcome(scope, entryId, outcome);
    const account = await accountFor(deps, scope, logger);
    const { entries, settings } = await ledgerSnapshot(deps, scope, account);
    const budget = budgetLine(status(entries, settings, deps.clock()));
    logger.info(`ledger outcome user=${scope.userId} outcome=${outcome}`);
    return { message: outcomeSetMessage(entry, outcome, budget), entry };
  } catch (error) {
    if (error instanceof LedgerInputError) {
      return {
        message: {
          text: 'That invitation is not in your ledger any more.',
          blocks: [
            {
              type: 'section',
              text: {
                type: 'mrkdwn',
                text: 'That invitation is not in your ledger any more (was it forgotten?). Nothing was changed.',
              },
            },
          ],
        },
      };
    }
    logger.error(`ledger outcome failed for user ${scope.userId}: ${(error as Error).name}`);
    return { message: ledgerFailureMessage(error) };
  }
}

/** The logged message, or the failure apology; logs ids and lengths only. */
export async function logAndAnswer(
  deps: Deps,
  scope: Scope,
  logger: Logger,
  input: SendInput & { recipient: Recipient },
): Promise<Message> {
  try {
    const { entry, warnings, budget } = await logSendAndJudge(deps, scope, logger, input);
    logger.info(
      `ledger send user=${scope.userId} source=${entry.source} length=${entry.noteLength}`,
    );
    return loggedMessage(entry, warnings, budget);
  } catch (error) {
    logger.error(`ledger send failed for user ${scope.userId}: ${(error as Error).name}`);
    return ledgerFailureMessage(error);
  }
}
