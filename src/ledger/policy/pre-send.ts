import type { Recipient } from '../recipient.js';
import type { LedgerEntry, LedgerSettings } from '../records.js';
import { DEFAULT_LIMITS, type PolicyLimits } from './defaults.js';
import { noteQuotaFrom } from './note-quota.js';
import { alreadyPending, entriesFor, ignoreBackoff, withdrawCooldown } from './recipient-rules.js';
import { bySeverity } from './status.js';
import { summarise } from './summary.js';
import { paceFrom, pendingFrom, weeklyFrom } from './volume.js';
import type { LedgerWarning } from './warning.js';

export interface PreSendOptions {
  /** Whether the invitation about to be sent carries a note (checks the Basic quota). */
  personalised?: boolean;
  limits?: PolicyLimits;
}

/**
 * What LinkedIn would do with one more invitation to `recipient`, said before
 * it is logged: already pending to them, withdrawn less than three weeks ago
 * (with the date it reopens), ignored before; then the account-wide limits the
 * send would hit. Most severe first; empty when nothing stands in the way.
 */
export function preSendWarnings(
  entries: readonly LedgerEntry[],
  recipient: Recipient,
  now: Date,
  settings: LedgerSettings,
  options: PreSendOptions = {},
): LedgerWarning[] {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const matches = entriesFor(entries, recipient);
  const warnings: (LedgerWarning | undefined)[] = [
    alreadyPending(matches),
    withdrawCooldown(matches, now, limits),
    ignoreBackoff(matches, now, limits),
  ];

  const summary = summarise(entries);
  const week = weeklyFrom(summary, settings, now, limits);
  if (week.sent >= week.cap) warnings.push(week.warning);
  const pace = paceFrom(summary, settings, now, limits);
  if (pace.today + 1 > pace.limit) {
    warnings.push({
      id: 'pace',
      severity: 'warn',
      message: `This would be invitation ${pace.today + 1} today, more than ${pace.limit} (${Math.round(limits.dailyPaceShare * 100)}% of the weekly cap): spikes look like spam.`,
    });
  }
  const pending = pendingFrom(summary, now, limits);
  warnings.push(
    ...pending.warnings.filter((w) => w.id === 'pending-threshold' && w.severity === 'danger'),
  );
  if (options.personalised) warnings.push(noteQuotaFrom(summary, settings, now, limits).warning);

  return warnings.filter((w): w is LedgerWarning => w !== undefined).sort(bySeverity);
}
