import type { LedgerEntry, LedgerSettings } from '../records.js';
import { type AcceptanceRate, acceptanceFrom } from './acceptance.js';
import { DEFAULT_LIMITS, type PolicyLimits } from './defaults.js';
import { type IdkUsage, idkFrom } from './idk.js';
import { type NoteQuota, noteQuotaFrom } from './note-quota.js';
import { type LedgerSummary, summarise } from './summary.js';
import {
  type PaceUsage,
  type PendingUsage,
  paceFrom,
  pendingFrom,
  type WeeklyUsage,
  weeklyFrom,
} from './volume.js';
import type { LedgerWarning, Severity } from './warning.js';

export interface LedgerStatus {
  week: Omit<WeeklyUsage, 'warning'>;
  today: Omit<PaceUsage, 'warning'>;
  pending: Omit<PendingUsage, 'warnings'>;
  idk: Omit<IdkUsage, 'warning'>;
  notes: Omit<NoteQuota, 'warning'>;
  acceptance: AcceptanceRate[];
  /** Every warning that applies, most severe first. */
  warnings: LedgerWarning[];
}

const SEVERITY_ORDER: Record<Severity, number> = { danger: 0, warn: 1, info: 2 };

export function bySeverity(a: LedgerWarning, b: LedgerWarning): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
}

/** Everything `/invite-coach status` shows, from the ledger alone. */
export function status(
  entries: readonly LedgerEntry[],
  settings: LedgerSettings,
  now: Date,
  limits: PolicyLimits = DEFAULT_LIMITS,
): LedgerStatus {
  return statusFrom(summarise(entries), settings, now, limits);
}

/**
 * {@link status} read from a ledger's summary, which must cover `now`
 * (see `summaryCovers`): the same figures, without the entries.
 */
export function statusFrom(
  summary: LedgerSummary,
  settings: LedgerSettings,
  now: Date,
  limits: PolicyLimits = DEFAULT_LIMITS,
): LedgerStatus {
  const { warning: weekWarning, ...week } = weeklyFrom(summary, settings, now, limits);
  const { warning: paceWarning, ...today } = paceFrom(summary, settings, now, limits);
  const { warnings: pendingWarnings, ...pending } = pendingFrom(summary, now, limits);
  const { warning: idkWarning, ...idk } = idkFrom(summary, limits);
  const { warning: notesWarning, ...notes } = noteQuotaFrom(summary, settings, now, limits);
  const warnings = [weekWarning, paceWarning, ...pendingWarnings, idkWarning, notesWarning]
    .filter((w): w is LedgerWarning => w !== undefined)
    .sort(bySeverity);
  return {
    week,
    today,
    pending,
    idk,
    notes,
    acceptance: acceptanceFrom(summary, now, limits),
    warnings,
  };
}

/**
 * The one line shown under every check reply:
 * "This week 37/100 · 212 pending · 2 personalised notes left this month".
 * Premium accounts have no note quota, so the last part is left out.
 */
export function budgetLine(summary: Pick<LedgerStatus, 'week' | 'pending' | 'notes'>): string {
  const parts = [
    `This week ${summary.week.sent}/${summary.week.cap}`,
    `${summary.pending.count} pending`,
  ];
  const left = summary.notes.left;
  if (left !== null)
    parts.push(`${left} personalised ${left === 1 ? 'note' : 'notes'} left this month`);
  return parts.join(' · ');
}
