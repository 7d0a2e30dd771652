import type { Account } from './types.js';

/** LinkedIn's limit for a personal note, in characters as a person sees them. */
export const NOTE_LIMITS: Readonly<Record<Account, number>> = { basic: 200, premium: 300 };

export const ACCOUNTS: readonly Account[] = ['basic', 'premium'];

export function isAccount(value: unknown): value is Account {
  return value === 'basic' || value === 'premium';
}
