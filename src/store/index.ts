export type { StoreBackend } from './backend.js';
export type { Claim, DigestClaims } from './claims.js';
export { DEFAULT_ACCOUNT, type RecordType, SETTINGS, type SettingsRecord } from './records.js';
export { type Scope, ScopeError, scopedKey } from './scope.js';
export { getAccount, setAccount } from './settings.js';
export {
  createStore,
  type InvalidRecordHandler,
  memoryStore,
  Store,
  StoreError,
  type StoreOptions,
  StoreUnavailableError,
  storeKind,
} from './store.js';
