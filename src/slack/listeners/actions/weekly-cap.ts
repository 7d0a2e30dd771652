import { parseWeeklyCap } from '../../blocks/home.js';
import type { Deps } from '../../context.js';
import { homeSettingAction } from './home-setting.js';

/** The Home tab's weekly cap select: the cap lives in the ledger settings. */
export function weeklyCapAction(deps: Deps) {
  return homeSettingAction(deps, {
    name: 'weekly cap',
    parse: (_, value) => parseWeeklyCap(value),
    save: async (scope, weeklyCap) => {
      await deps.ledger.updateSettings(scope, { weeklyCap });
    },
  });
}
