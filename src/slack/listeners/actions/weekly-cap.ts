import type {
  AllMiddlewareArgs,
  BlockAction,
  SlackActionMiddlewareArgs,
  StaticSelectAction,
} from '@slack/bolt';
import { parseWeeklyCap } from '../../blocks/home.js';
import type { Deps } from '../../context.js';
import { publishHome } from '../../home.js';
import { scopeOf } from '../../scope.js';

/** The Home tab's weekly cap select: acks, stores the cap in the ledger settings, republishes Home. */
export function weeklyCapAction(deps: Deps) {
  return async function weeklyCap({
    ack,
    action,
    body,
    client,
    context,
    logger,
  }: AllMiddlewareArgs &
    SlackActionMiddlewareArgs<BlockAction<StaticSelectAction>>): Promise<void> {
    await ack();
    const cap = parseWeeklyCap(action.selected_option?.value);
    if (cap === undefined) {
      logger.warn(`${action.action_id}: unexpected value from user ${body.user.id}`);
      return;
    }
    const scope = scopeOf(context, body.user.id, body.team?.id ?? body.user.team_id);
    try {
      await deps.ledger.updateSettings(scope, { weeklyCap: cap });
      logger.info(`weekly cap set user=${body.user.id} cap=${cap}`);
    } catch (error) {
      logger.error(`weekly cap update failed for user ${body.user.id}: ${(error as Error).name}`);
    }
    await publishHome(deps, client, scope, logger);
  };
}
