import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { homeView } from '../../blocks/home.js';
import { accountFor, type Deps } from '../../context.js';
import { scopeOf } from '../../scope.js';

/** Publishes the Home tab each time the user opens it (not for the Messages tab). */
export function appHomeOpenedEvent(deps: Deps) {
  return async function appHomeOpened({
    event,
    client,
    context,
    logger,
  }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>): Promise<void> {
    if (event.tab !== 'home') return;
    try {
      const account = await accountFor(deps, scopeOf(context, event.user), logger);
      await client.views.publish({ user_id: event.user, view: homeView(account) });
    } catch (error) {
      logger.error(`home publish failed for user ${event.user}: ${(error as Error).message}`);
    }
  };
}
