import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { LRUCache } from 'lru-cache';

/** Slack retries an event up to 3 times within about 6 minutes; remember ids a little longer. */
export const DEDUPE_TTL_MS = 60 * 60 * 1000;
export const DEDUPE_MAX = 10_000;

/**
 * Event-listener middleware that drops an Events API delivery whose `event_id` was
 * already seen (a Slack retry, `X-Slack-Retry-Num`), so nothing answers twice.
 * In memory, bounded in size and age: enough for one process; several HTTP
 * instances behind a load balancer would each answer a retry routed to them.
 * An id is forgotten again if its handling threw, so a retry can try again.
 */
export function dedupeEvents(
  seen = new LRUCache<string, true>({ max: DEDUPE_MAX, ttl: DEDUPE_TTL_MS }),
): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next, logger }) => {
    const id = (body as { event_id?: unknown }).event_id;
    if (typeof id !== 'string') return next();
    if (seen.has(id)) {
      logger.info(`dropped repeated delivery of event ${id}`);
      return;
    }
    seen.set(id, true);
    try {
      await next();
    } catch (error) {
      seen.delete(id);
      throw error;
    }
  };
}
