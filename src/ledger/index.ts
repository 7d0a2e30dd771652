/** The ledger's public surface: records, policy and the repository. */

export {
  type LedgerKv,
  LedgerStoreError,
  memoryLedgerKv,
  pagesOf,
  UNREADABLE,
  UnreadableValue,
} from '../store/kv.js';
export { LedgerInputError, LedgerRecordError } from './errors.js';
export {
  type ImportResult,
  type ImportSummary,
  importId,
  importInvitations,
  importInvitationsCsv,
  importSummaryLines,
} from './import.js';
export { storeLedger } from './open.js';
export * from './policy/index.js';
export {
  canonicalProfileUrl,
  makeRecipient,
  normaliseName,
  parseRecipient,
  profileSlug,
  type Recipient,
  sameRecipient,
} from './recipient.js';
export {
  currentStatus,
  DEFAULT_SETTINGS,
  LEDGER_SCHEMA_VERSION,
  LedgerEntry,
  LedgerSettings,
  OUTCOMES,
  type Outcome,
  pendingOldestFirst,
  SOURCES,
  type Source,
  STATUSES,
  type Status,
} from './records.js';
export {
  LedgerRepository,
  type LedgerRepositoryOptions,
  type LedgerScope,
  type LedgerSnapshot,
  type SendInput,
  type SkippedRecords,
  type SummaryRead,
  scopePrefix,
} from './store.js';
export { SUMMARY_CACHE_TTL_MS } from './summary-cache.js';
