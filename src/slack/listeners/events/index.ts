import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../context.js';
import { dedupeEvents } from '../../dedupe.js';
import { appHomeOpenedEvent } from './app-home-opened.js';
import { directMessageEvent } from './direct-message.js';

/**
 * Every bot event the app subscribes to, as named in the manifest. Bolt
 * delivers `message.im` as `message` (filtered to DMs in the handler).
 */
export const eventIds = ['app_home_opened', 'message.im'] as const;

export type EventArgs = AllMiddlewareArgs & SlackEventMiddlewareArgs;

/** The subscribed events by type; any other event (acked by Bolt already) is left alone. */
export function eventListener(deps: Deps): (args: EventArgs) => Promise<void> {
  // Slack retries an event it thinks went unanswered: one memory of ids for
  // both, on events only (commands and actions have no event id).
  const dedupe = dedupeEvents();
  const handlers = new Map<string, (args: never) => Promise<void>>([
    ['app_home_opened', appHomeOpenedEvent(deps)],
    ['message', directMessageEvent(deps)],
  ]);
  return async (args) => {
    const handler = handlers.get(args.event.type);
    if (handler === undefined) return;
    await dedupe({ ...args, next: () => handler(args as never) });
  };
}
