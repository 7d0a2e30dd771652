/**
 * Who a record belongs to. Every key the store writes is derived from a scope,
 * so a handler can only reach the data of the user whose request it serves.
 */
export interface Scope {
  /** Set on Enterprise Grid installs; user ids are then unique across the whole org. */
  enterpriseId?: string | undefined;
  teamId?: string | undefined;
  userId: string;
}

export class ScopeError extends TypeError {
  override name = 'ScopeError';
}

// Slack ids are upper-case letters and digits (T…, E…, U…, W…). Anything else
// (a ':' or '/' that could forge another key) is refused rather than escaped.
export const SLACK_ID = /^[A-Z0-9]{1,32}$/;
// Record kinds: `settings`, later `invitation:<id>`, `invitations` (an index).
const KIND = /^[a-z][a-z0-9-]*(:[A-Za-z0-9_-]{1,64})?$/;

/**
 * Whose keys: `e/<enterprise>/u/<user>` on Enterprise Grid, else
 * `t/<team>/u/<user>`. On Grid the enterprise id namespaces the user (the
 * same person in two workspaces of the org is one user, and org-wide
 * installs send `team_id: null` on some events); elsewhere the team id does.
 * Every key of a user (records, ledger, digest roster) is built from this,
 * and ids are validated, never escaped: no input can produce another user's key.
 */
export function scopePath(scope: Scope): string {
  const { enterpriseId, teamId, userId } = scope;
  if (typeof userId !== 'string' || !SLACK_ID.test(userId))
    throw new ScopeError('The user id must be a Slack id: 1–32 capital letters and digits.');
  if (enterpriseId) {
    if (!SLACK_ID.test(enterpriseId))
      throw new ScopeError(
        'The enterprise id must be a Slack id: 1–32 capital letters and digits.',
      );
    return `e/${enterpriseId}/u/${userId}`;
  }
  if (!teamId || !SLACK_ID.test(teamId))
    throw new ScopeError(
      'A scope needs a team or enterprise id (a Slack id: capital letters and digits).',
    );
  return `t/${teamId}/u/${userId}`;
}

/** The key for one record of one user: `<scope path>/<kind>`. */
export function scopedKey(scope: Scope, kind: string): string {
  const path = scopePath(scope);
  if (!KIND.test(kind)) throw new ScopeError(`invalid record kind ${JSON.stringify(kind)}`);
  return `${path}/${kind}`;
}

/**
 * The key prefix of a user's ledger, `<scope path>/ledger/`: beside the
 * user's records, so that forgetting a user can remove everything under
 * `…/u/<user>/`.
 */
export function ledgerPrefix(scope: Scope): string {
  return `${scopePath(scope)}/ledger/`;
}

/** Who gets a weekly digest: one key per user under this prefix, so a pass can stream them. */
export const ROSTER_PREFIX = 'digest/roster/';
/** What the digest scheduler keeps about a user (see `digest/run.ts`). */
export const STATE_PREFIX = 'digest/state/';

/** The user's digest roster record: `digest/roster/<scope path>`. */
export function rosterKey(scope: Scope): string {
  return `${ROSTER_PREFIX}${scopePath(scope)}`;
}

/** The digest scheduler's record for the user: `digest/state/<scope path>`. */
export function digestStateKey(scope: Scope): string {
  return `${STATE_PREFIX}${scopePath(scope)}`;
}

/** A digest claim's key: the week, then the user. */
export function digestClaimKey(scope: Scope, week: string): string {
  return `${week}:${scopePath(scope)}`;
}

// `t/<team>/u/<user>/ledger/…` or `e/<enterprise>/u/<user>/ledger/…` (see ledgerPrefix).
const ID = SLACK_ID.source.slice(1, -1);
const LEDGER_KEY = new RegExp(`^(t|e)/(${ID})/u/(${ID})/ledger/`);

/** The scope a ledger key belongs to, and that key's ledger prefix; undefined for any other key. */
export function ledgerOwner(key: string): { scope: Scope; prefix: string } | undefined {
  const match = LEDGER_KEY.exec(key);
  if (!match) return undefined;
  const [prefix, kind, owner, userId = ''] = match;
  const scope: Scope = kind === 'e' ? { enterpriseId: owner, userId } : { teamId: owner, userId };
  return { scope, prefix };
}
