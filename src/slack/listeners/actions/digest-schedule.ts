import { enrollDigest, getRoster } from '../../../digest/roster.js';
import { parseScheduleChoice } from '../../blocks/home.js';
import type { Deps } from '../../context.js';
import { homeSettingAction } from './home-setting.js';

/**
 * The Home tab's digest menus (on/off, day, hour), kept on the user's digest
 * roster record. The Slack time zone is looked up once, as the digest
 * command does, so Home can say which zone the hour is in.
 */
export function digestScheduleAction(deps: Deps) {
  return homeSettingAction(deps, {
    name: 'digest schedule',
    parse: parseScheduleChoice,
    save: async (scope, change, { client }) => {
      const current = await getRoster(deps.store.kv, scope);
      let timeZone = current?.timeZone;
      if (timeZone === undefined) {
        const info = await client.users.info({ user: scope.userId }).catch(() => undefined);
        timeZone = info?.user?.tz;
      }
      await enrollDigest(deps.store.kv, scope, { ...change, ...(timeZone ? { timeZone } : {}) });
    },
  });
}
