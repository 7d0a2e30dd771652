import { App, type Logger, LogLevel } from '@slack/bolt';
import type { Config, LogLevelName } from '../config.js';
import type { Store } from '../store/store.js';
import { createDeps } from './context.js';
import { dedupeEvents } from './dedupe.js';
import { registerListeners } from './listeners/index.js';

const LOG_LEVELS: Record<LogLevelName, LogLevel> = {
  error: LogLevel.ERROR,
  warn: LogLevel.WARN,
  info: LogLevel.INFO,
};

export interface SlackAppOptions {
  config: Config;
  store: Store;
  logger?: Logger;
}

/**
 * The Bolt app: Socket Mode with an app token, otherwise Bolt's HTTP receiver
 * at `/slack/events` (commands, events and interactivity), verifying every
 * request's signature and refusing timestamps older than five minutes.
 * Debug logging is not offered: Bolt logs whole payloads, notes included, at
 * that level.
 */
export function createSlackApp({ config, store, logger }: SlackAppOptions): App {
  const common = {
    token: config.botToken,
    logLevel: LOG_LEVELS[config.logLevel],
    ...(logger ? { logger } : {}),
    ...(config.slackApiUrl ? { clientOptions: { slackApiUrl: config.slackApiUrl } } : {}),
  };
  const app =
    config.mode === 'socket'
      ? new App({ ...common, socketMode: true, appToken: config.appToken })
      : new App({ ...common, signingSecret: config.signingSecret, port: config.port });

  app.use(dedupeEvents());
  registerListeners(app, createDeps(store));
  app.error(async (error) => {
    // Names and codes only: an error's message could quote a payload.
    const code = (error as { code?: string }).code ?? 'unknown';
    app.logger.error(`unhandled ${error.name} (${code})`);
  });
  return app;
}
