import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../context.js';
import { scopeOf } from '../../scope.js';
import { publishHome } from '../../services/home.js';

/** Publishes the Home dashboard each time the user opens it (not for the Messages tab). */
export function appHomeOpenedEvent(deps: Deps) {
  return async function appHomeOpened({
    event,
    client,
    context,
    logger,
  }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>): Promise<void> {
    if (event.tab !== 'home') return;
    await publishHome(deps, client, scopeOf(context, event.user), logger);
  };
}
