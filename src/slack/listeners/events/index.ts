import type { App } from '@slack/bolt';
import type { Deps } from '../../context.js';
import { dedupeEvents } from '../../dedupe.js';
import { appHomeOpenedEvent } from './app-home-opened.js';
import { directMessageEvent } from './direct-message.js';

/**
 * Every bot event the app subscribes to, as named in the manifest. Bolt
 * registers `message.im` as `message` (filtered to DMs in the handler).
 */
export const eventIds = ['app_home_opened', 'message.im'] as const;

export function registerEvents(app: App, deps: Deps): void {
  // Slack retries an event it thinks went unanswered: one memory of ids for
  // both, on the event listeners only (commands and actions have no event id).
  const dedupe = dedupeEvents();
  app.event('app_home_opened', dedupe, appHomeOpenedEvent(deps));
  app.event('message', dedupe, directMessageEvent(deps));
}
