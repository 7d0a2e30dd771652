import type { Logger } from '@slack/bolt';
import { errorName } from '../../errors.js';
import {
  budgetLine,
  currentStatus,
  type LedgerEntry,
  LedgerInputError,
  type LedgerSettings,
  type LedgerStatus,
  type LedgerWarning,
  type Outcome,
  preSendWarnings,
  type Recipient,
  type SendInput,
  scopePrefix,
  status,
  statusFrom,
} from '../../ledger/index.js';
import type { Scope } from '../../store/scope.js';
import type { Account } from '../../types.js';
import {
  alreadyRecordedMessage,
  entryGoneMessage,
  ledgerFailureMessage,
  loggedMessage,
  outcomeSetMessage,
} from '../blocks/ledger.js';
import type { Message } from '../blocks/message.js';
import type { Deps } from '../context.js';
import { accountFor, joinDigest } from './account.js';

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

/** How long one click holds an invitation while its outcome is recorded (a crashed holder's lock expires). */
const OUTCOME_LOCK_MS = 10_000;

/**
 * Sets an outcome and answers with it and the budget line; an entry gone
 * (forgotten) is said so. Only a pending invitation takes an outcome: a
 * second one (two buttons pressed at once, an old message) is answered
 * "already recorded as …" with a button to change it, which comes back with
 * `change`. A short lock in the store keeps two clicks at once from both
 * recording, across instances.
 */
export async function setOutcomeAndAnswer(
  deps: Deps,
  scope: Scope,
  logger: Logger,
  entryId: string,
  outcome: Outcome,
  options: { change?: boolean } = {},
): Promise<{ message: Message; entry?: LedgerEntry }> {
  try {
    const lock = `outcome/${scopePrefix(scope)}${entryId}`;
    if (!options.change) {
      const decided = await decidedAlready(deps, scope, entryId, outcome);
      if (decided) return { message: decided };
      if ((await deps.outcomeLocks.claim(lock, OUTCOME_LOCK_MS)) === false) {
        // Another click on this invitation is being recorded: answer with what it records.
        return { message: alreadyRecordedMessage(await decision(deps, scope, entryId), outcome) };
      }
    }
    let entry: LedgerEntry;
    try {
      // Read again under the lock: a click just before this one may have recorded already.
      const decided = options.change
        ? undefined
        : await decidedAlready(deps, scope, entryId, outcome);
      if (decided) return { message: decided };
      entry = await deps.ledger.setOutcome(scope, entryId, outcome);
    } finally {
      if (!options.change) await deps.outcomeLocks.release(lock).catch(() => {});
    }
    const { entries, settings } = await snapshotWithAccount(deps, scope, logger);
    const budget = budgetLine(status(entries, settings, deps.clock()));
    logger.info(`ledger outcome user=${scope.userId} outcome=${outcome}`);
    return { message: outcomeSetMessage(entry, outcome, budget), entry };
  } catch (error) {
    if (error instanceof LedgerInputError) {
      return {
        message: entryGoneMessage(),
      };
    }
    logger.error(`ledger outcome failed for user ${scope.userId}: ${errorName(error)}`);
    return { message: ledgerFailureMessage(error) };
  }
}

/** "Already recorded as …" when the invitation is no longer pending; throws when it is gone. */
async function decidedAlready(
  deps: Deps,
  scope: Scope,
  entryId: string,
  wanted: Outcome,
): Promise<Message | undefined> {
  const entry = await deps.ledger.get(scope, entryId);
  if (entry === undefined)
    throw new LedgerInputError('There is no such invitation in your ledger.');
  return currentStatus(entry) === 'pending' ? undefined : alreadyRecordedMessage(entry, wanted);
}

/** The entry once the click holding it has recorded (a second at most), else as it is. */
async function decision(deps: Deps, scope: Scope, entryId: string): Promise<LedgerEntry> {
  for (let i = 0; ; i++) {
    const entry = await deps.ledger.get(scope, entryId);
    if (entry === undefined)
      throw new LedgerInputError('There is no such invitation in your ledger.');
    if (currentStatus(entry) !== 'pending' || i >= 10) return entry;
    await new Promise((resolve) => setTimeout(resolve, 100));
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
    logger.error(`ledger send failed for user ${scope.userId}: ${errorName(error)}`);
    return ledgerFailureMessage(error);
  }
}

/**
 * The user's ledger judged by the policy, with the account type the user chose
 * in the Slack settings (the one source of it; the ledger's own copy is ignored).
 */
export async function ledgerStatus(
  deps: Deps,
  scope: Scope,
  account: Account,
): Promise<LedgerStatus> {
  const now = deps.clock();
  const { summary, settings } = await deps.ledger.summary(scope, now);
  return statusFrom(summary, { ...settings, account }, now);
}

/** The user's ledger with the account type from the Slack settings, as the policy judges it. */
export async function ledgerSnapshot(
  deps: Deps,
  scope: Scope,
  account: Account,
): Promise<{ entries: LedgerEntry[]; settings: LedgerSettings }> {
  const { entries, settings } = await deps.ledger.snapshot(scope);
  return { entries, settings: { ...settings, account } };
}

/** Call after logging a send: the user has a ledger now, so the weekly digest is theirs too. */
export function ledgerWritten(deps: Deps, scope: Scope): void {
  joinDigest(deps, scope);
}
