export { type AcceptanceRate, acceptanceRates } from './acceptance.js';
export { DAY_MS, DEFAULT_LIMITS, type PolicyLimits } from './defaults.js';
export { type IdkUsage, idkUsage } from './idk.js';
export { type NoteQuota, noteQuota } from './note-quota.js';
export { type PreSendOptions, preSendWarnings } from './pre-send.js';
export {
  alreadyPending,
  entriesFor,
  ignoreBackoff,
  reinviteBlockedUntil,
  withdrawCooldown,
} from './recipient-rules.js';
export { budgetLine, type LedgerStatus, status } from './status.js';
export { dayKey, monthKey, parseInstant } from './time.js';
export {
  type PaceUsage,
  type PendingUsage,
  paceUsage,
  pendingUsage,
  type WeeklyUsage,
  weeklyUsage,
} from './volume.js';
export type { LedgerWarning, Severity, WarningId } from './warning.js';
