import type { App } from '@slack/bolt';
import type { Deps } from '../../context.js';
import { appHomeOpenedEvent } from './app-home-opened.js';
import { directMessageEvent } from './direct-message.js';

/**
 * Every bot event the app subscribes to, as named in the manifest. Bolt
 * registers `message.im` as `message` (filtered to DMs in the handler).
 */
export const eventIds = ['app_home_opened', 'message.im'] as const;

export function registerEvents(app: App, deps: Deps): void {
  app.event('app_home_opened', appHomeOpenedEvent(deps));
  app.event('message', directMessageEvent(deps));
}
