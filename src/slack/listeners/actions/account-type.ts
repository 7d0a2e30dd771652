import { isAccount } from '../../../limits.js';
import type { Deps } from '../../context.js';
import { chooseAccount } from '../../services/account.js';
import { homeSettingAction } from './home-setting.js';

/** The Home tab's Basic/Premium select. */
export function accountTypeAction(deps: Deps) {
  return homeSettingAction(deps, {
    name: 'account type',
    parse: (_, value) => (isAccount(value) ? value : undefined),
    save: (scope, account) => chooseAccount(deps, scope, account),
  });
}
