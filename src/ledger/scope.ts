import { LedgerInputError } from './errors.js';

/**
 * Whose ledger. The same rule as the Slack store's `scopedKey` (slack
 * branch, src/store/scope.ts): on Enterprise Grid the enterprise id
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

// Slack ids are upper-case letters and digits (T…, E…, U…, W…). Anything
// else (a ':' or '/' that could forge another key) is refused, not escaped.
const SLACK_ID = /^[A-Z0-9]{1,32}$/;

/**
 * The key prefix of a user's ledger: `e/<enterprise>/u/<user>/ledger/` on
 * Enterprise Grid, else `t/<team>/u/<user>/ledger/` — beside the Slack
 * store's own `e/…/u/…/<kind>` keys, so that forgetting a user can remove
 * everything under `…/u/<user>/`.
 */
export function scopePrefix(scope: LedgerScope): string {
  const { enterpriseId, teamId, userId } = scope;
  if (typeof userId !== 'string' || !SLACK_ID.test(userId)) {
    throw new LedgerInputError('The user id must be a Slack id: 1–32 capital letters and digits.');
  }
  if (enterpriseId) {
    if (!SLACK_ID.test(enterpriseId)) {
      throw new LedgerInputError(
        'The enterprise id must be a Slack id: 1–32 capital letters and digits.',
      );
    }
    return `e/${enterpriseId}/u/${userId}/ledger/`;
  }
  if (!teamId || !SLACK_ID.test(teamId)) {
    throw new LedgerInputError(
      'A ledger needs a team or enterprise id (a Slack id: capital letters and digits).',
    );
  }
  return `t/${teamId}/u/${userId}/ledger/`;
}

/**
 * Where a user's ledger summary lives: beside the ledger's records, not among
 * them (a scan of the prefix lists records only), and under the same user.
 */
export function summaryKey(scope: LedgerScope): string {
  return `${scopePrefix(scope).slice(0, -1)}-summary`;
}
