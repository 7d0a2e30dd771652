import type {
  AllMiddlewareArgs,
  BlockAction,
  SlackActionMiddlewareArgs,
  StaticSelectAction,
} from '@slack/bolt';
import { errorName } from '../../../errors.js';
import type { Scope } from '../../../store/scope.js';
import type { Deps } from '../../context.js';
import { scopeOf } from '../../scope.js';
import { publishHome } from '../../services/home.js';

export type HomeSelectArgs = AllMiddlewareArgs &
  SlackActionMiddlewareArgs<BlockAction<StaticSelectAction>>;

/** One of the Home tab's settings menus: how to read its value and where to keep it. */
export interface HomeSetting<T> {
  /** For the logs: "account type", "weekly cap", "digest schedule". */
  name: string;
  /** The choice, or undefined for a value the menu does not offer. */
  parse(actionId: string, value: string | undefined): T | undefined;
  save(scope: Scope, choice: T, args: HomeSelectArgs): Promise<void>;
}

/**
 * A Home tab select: acks, stores a choice the menu offers (any other value
 * changes nothing), then republishes Home, which shows what is stored, so a
 * save that failed shows the setting unchanged. Logs ids, never values a
 * user typed.
 */
export function homeSettingAction<T>(deps: Deps, setting: HomeSetting<T>) {
  return async function homeSetting(args: HomeSelectArgs): Promise<void> {
    const { ack, action, body, client, context, logger } = args;
    await ack();
    const choice = setting.parse(action.action_id, action.selected_option?.value);
    if (choice === undefined) {
      logger.warn(`${action.action_id}: unexpected value from user ${body.user.id}`);
      return;
    }
    const scope = scopeOf(context, body.user.id, body.team?.id ?? body.user.team_id);
    try {
      await setting.save(scope, choice, args);
      logger.info(`${setting.name} set from Home user=${body.user.id} by=${action.action_id}`);
    } catch (error) {
      logger.error(`${setting.name} update failed for user ${body.user.id}: ${errorName(error)}`);
    }
    await publishHome(deps, client, scope, logger);
  };
}
