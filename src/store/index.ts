export { DEFAULT_ACCOUNT, type RecordType, SETTINGS, type SettingsRecord } from './records.js';
export { type Scope, ScopeError, scopedKey } from './scope.js';
export { getAccount, setAccount } from './settings.js';
export {
  createStore,
  type InvalidRecordHandler,
  Store,
  StoreError,
  type StoreOptions,
  StoreUnavailableError,
  storeKind,
} from './store.js';
