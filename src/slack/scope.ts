import type { Context } from '@slack/bolt';
import type { Scope } from '../store/scope.js';

/** The store scope of the user behind a request, from Bolt's context and the payload's team. */
export function scopeOf(context: Context, userId: string, teamId?: string | null): Scope {
  return {
    enterpriseId: context.enterpriseId,
    teamId: context.teamId ?? teamId ?? undefined,
    userId,
  };
}
