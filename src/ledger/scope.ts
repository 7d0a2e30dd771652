import { ledgerPrefix, ScopeError } from '../store/scope.js';
import { LedgerInputError } from './errors.js';

/**
 * Whose ledger. The same rule as the store's `scopedKey`
 * (src/store/scope.ts): on Enterprise Grid the enterprise id
 * namespaces the user (the same person in two workspaces of the org is one
 * user, and org-wide installs send `team_id: null` on some events), and the
 * team id is then not used; elsewhere the team id does. Every key the ledger
 * writes starts with the scope, so no operation on one user can read or
 * change another's entries.
 */
export interface LedgerScope {
  enterpriseId?: string | undefined;
  teamId?: string | undefined;
  userId: string;
}

/**
 * The key prefix of a user's ledger (see the store's `ledgerPrefix`), with a
 * bad id refused as the user's input error.
 */
export function scopePrefix(scope: LedgerScope): string {
  try {
    return ledgerPrefix(scope);
  } catch (error) {
    if (error instanceof ScopeError) throw new LedgerInputError(error.message);
    throw error;
  }
}

/**
 * Where a user's ledger summary lives: beside the ledger's records, not among
 * them (a scan of the prefix lists records only), and under the same user.
 */
export function summaryKey(scope: LedgerScope): string {
  return `${scopePrefix(scope).slice(0, -1)}-summary`;
}
