import type { Account } from '../types.js';
import { DEFAULT_ACCOUNT, SETTINGS, SETTINGS_VERSION } from './records.js';
import type { Scope } from './scope.js';
import type { Store } from './store.js';

/** The user's account type, or the default when none was chosen (or the record is unreadable). */
export async function getAccount(store: Store, scope: Scope): Promise<Account> {
  const settings = await store.get(scope, SETTINGS);
  return settings?.account ?? DEFAULT_ACCOUNT;
}

export async function setAccount(
  store: Store,
  scope: Scope,
  account: Account,
  now: Date = new Date(),
): Promise<void> {
  await store.set(scope, SETTINGS, { v: SETTINGS_VERSION, account, updatedAt: now.toISOString() });
}
