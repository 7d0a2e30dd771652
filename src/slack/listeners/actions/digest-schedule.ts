import type {
  AllMiddlewareArgs,
  BlockAction,
  SlackActionMiddlewareArgs,
  StaticSelectAction,
} from '@slack/bolt';
import { enrollDigest, getRoster } from '../../../digest/run.js';
import { parseScheduleChoice } from '../../blocks/home.js';
import type { Deps } from '../../context.js';
import { publishHome } from '../../home.js';
import { scopeOf } from '../../scope.js';

/**
 * The Home tab's digest menus (on/off, day, hour): acks, stores the choice on
 * the user's digest roster record, republishes Home. A value the menus do not
 * offer changes nothing. The Slack time zone is looked up once, as the digest
 * command does, so Home can say which zone the hour is in.
 */
export function digestScheduleAction(deps: Deps) {
  return async function digestSchedule({
    ack,
    action,
    body,
    client,
    context,
    logger,
  }: AllMiddlewareArgs &
    SlackActionMiddlewareArgs<BlockAction<StaticSelectAction>>): Promise<void> {
    await ack();
    const change = parseScheduleChoice(action.action_id, action.selected_option?.value);
    if (change === undefined) {
      logger.warn(`${action.action_id}: unexpected value from user ${body.user.id}`);
      return;
    }
    const scope = scopeOf(context, body.user.id, body.team?.id ?? body.user.team_id);
    try {
      const current = await getRoster(deps.store.keyv, scope);
      let timeZone = current?.timeZone;
      if (timeZone === undefined) {
        const info = await client.users.info({ user: scope.userId }).catch(() => undefined);
        timeZone = info?.user?.tz;
      }
      await enrollDigest(deps.store.keyv, scope, { ...change, ...(timeZone ? { timeZone } : {}) });
      logger.info(`digest schedule set from Home user=${body.user.id} by=${action.action_id}`);
    } catch (error) {
      logger.error(
        `digest schedule update failed for user ${body.user.id}: ${(error as Error).name}`,
      );
    }
    await publishHome(deps, client, scope, logger);
  };
}
