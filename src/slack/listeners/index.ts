import type { App } from '@slack/bolt';
import type { Deps } from '../context.js';
import { registerActions } from './actions/index.js';
import { registerCommands } from './commands/index.js';
import { registerEvents } from './events/index.js';
import { registerViews } from './views/index.js';

export { actionIds } from './actions/index.js';
export { commandIds } from './commands/index.js';
export { eventIds } from './events/index.js';
export { viewIds } from './views/index.js';

export function registerListeners(app: App, deps: Deps): void {
  registerCommands(app, deps);
  registerEvents(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
}
