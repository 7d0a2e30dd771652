export {
  type AcceptanceRate,
  acceptanceBetween,
  acceptanceFrom,
  acceptanceRates,
} from './acceptance.js';
export { DAY_MS, DEFAULT_LIMITS, type PolicyLimits } from './defaults.js';
export { type IdkUsage, idkFrom, idkUsage } from './idk.js';
export { type NoteQuota, noteQuota, noteQuotaFrom } from './note-quota.js';
export { type PreSendOptions, preSendWarnings } from './pre-send.js';
export {
  alreadyPending,
  entriesFor,
  ignoreBackoff,
  recipientMatcher,
  reinviteBlockedUntil,
  withdrawCooldown,
} from './recipient-rules.js';
export { type Reopening, reopening } from './reopening.js';
export { budgetLine, type LedgerStatus, status, statusFrom } from './status.js';
export {
  type LedgerSummary,
  SUMMARY_VERSION,
  sentBetween,
  summarise,
  summaryCovers,
} from './summary.js';
export { dayKey, monthKey, parseInstant } from './time.js';
export {
  type PaceUsage,
  type PendingUsage,
  paceFrom,
  paceUsage,
  pendingFrom,
  pendingUsage,
  type WeeklyUsage,
  weeklyFrom,
  weeklyUsage,
} from './volume.js';
export type { LedgerWarning, Severity, WarningId } from './warning.js';
