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
const SLACK_ID = /^[A-Z0-9]{1,32}$/;
// Record kinds: `settings`, later `invitation:<id>`, `invitations` (an index).
const KIND = /^[a-z][a-z0-9-]*(:[A-Za-z0-9_-]{1,64})?$/;

/**
 * The key for one record of one user. On Enterprise Grid the enterprise id
 * namespaces the user (the same person in two workspaces of the org is one user,
 * and org-wide installs send `team_id: null` on some events); elsewhere the team
 * id does. Ids are validated, never escaped: no input can produce another
 * user's key.
 */
export function scopedKey(scope: Scope, kind: string): string {
  const { enterpriseId, teamId, userId } = scope;
  if (!SLACK_ID.test(userId ?? ''))
    throw new ScopeError(`invalid user id ${JSON.stringify(userId)}`);
  if (!KIND.test(kind)) throw new ScopeError(`invalid record kind ${JSON.stringify(kind)}`);
  if (enterpriseId) {
    if (!SLACK_ID.test(enterpriseId)) throw new ScopeError('invalid enterprise id');
    return `e/${enterpriseId}/u/${userId}/${kind}`;
  }
  if (!teamId || !SLACK_ID.test(teamId))
    throw new ScopeError('a scope needs a team or enterprise id');
  return `t/${teamId}/u/${userId}/${kind}`;
}
