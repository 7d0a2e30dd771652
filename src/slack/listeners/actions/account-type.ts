import type {
  AllMiddlewareArgs,
  BlockAction,
  SlackActionMiddlewareArgs,
  StaticSelectAction,
} from '@slack/bolt';
import { isAccount } from '../../../limits.js';
import { chooseAccount, type Deps } from '../../context.js';
import { publishHome } from '../../home.js';
import { scopeOf } from '../../scope.js';

/** The Home tab's Basic/Premium select: acks, stores the choice, republishes Home. */
export function accountTypeAction(deps: Deps) {
  return async function accountType({
    ack,
    action,
    body,
    client,
    context,
    logger,
  }: AllMiddlewareArgs &
    SlackActionMiddlewareArgs<BlockAction<StaticSelectAction>>): Promise<void> {
    await ack();
    const value = action.selected_option?.value;
    if (!isAccount(value)) {
      logger.warn(`account_type_select: unexpected value from user ${body.user.id}`);
      return;
    }
    const scope = scopeOf(context, body.user.id, body.team?.id ?? body.user.team_id);
    try {
      await chooseAccount(deps, scope, value);
      logger.info(`account type set user=${body.user.id} account=${value}`);
    } catch (error) {
      logger.error(
        `account type update failed for user ${body.user.id}: ${(error as Error).message}`,
      );
      return;
    }
    await publishHome(deps, client, scope, logger);
  };
}
