import type { App } from '@slack/bolt';
import type { Deps } from '../../context.js';

/**
 * Modal callback ids the app handles. None yet: the Home tab saves settings
 * through its select action. Kept so a future modal is wired like the rest.
 */
export const viewIds = [] as const;

export function registerViews(_app: App, _deps: Deps): void {}
