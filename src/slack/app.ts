import { App, type Logger, LogLevel } from '@slack/bolt';
import type { Config, LogLevelName } from '../config.js';
import { backfillRoster } from '../digest/backfill.js';
import { startPassThread } from '../digest/pass-thread.js';
import {
  type DigestScheduler,
  type DigestSchedulerOptions,
  startDigestScheduler,
} from '../digest/scheduler.js';
import type { DigestClient } from '../digest/send.js';
import { createDrafter, type Drafter } from '../draft/index.js';
import { storeLedger } from '../ledger/index.js';
import type { Store } from '../store/store.js';
import { digestMessage } from './blocks/digest-message.js';
import { createDeps } from './context.js';
import { PASS_STORE_SETUP } from './digest-pass-store.js';
import { registerListeners } from './listeners/index.js';
import { createHttpReceiver } from './receiver.js';
import type { BotIdentity } from './token-check.js';

const LOG_LEVELS: Record<LogLevelName, LogLevel> = {
  error: LogLevel.ERROR,
  warn: LogLevel.WARN,
  info: LogLevel.INFO,
};

export interface SlackAppOptions {
  config: Config;
  store: Store;
  logger?: Logger;
  /** Defaults to the templates plus the LLM the config names; tests pass their own. */
  drafter?: Drafter;
  /** The clock every listener reads `now` from; the real one by default (tests fix it). */
  clock?: () => Date;
  /** The bot token's `auth.test` answer, when checked at start; without it Bolt asks Slack itself. */
  identity?: BotIdentity;
}

/**
 * The Bolt app: Socket Mode with an app token, otherwise Bolt's HTTP receiver
 * at `/slack/events` (commands, events and interactivity), verifying every
 * request's signature and refusing timestamps more than five minutes off,
 * either way.
 * Debug logging is not offered: Bolt logs whole payloads, notes included, at
 * that level.
 */
export function createSlackApp({
  config,
  store,
  logger,
  drafter,
  clock,
  identity,
}: SlackAppOptions): App {
  const common = {
    token: config.botToken,
    // Bolt's conversation store is a lookup on every request, and nothing here keeps conversation state.
    convoStore: false as const,
    logLevel: LOG_LEVELS[config.logLevel],
    ...(logger ? { logger } : {}),
    ...identity,
    ...(config.slackApiUrl ? { clientOptions: { slackApiUrl: config.slackApiUrl } } : {}),
  };
  const app: App =
    config.mode === 'socket'
      ? new App({ ...common, socketMode: true, appToken: config.appToken })
      : new App({
          ...common,
          receiver: createHttpReceiver({
            signingSecret: config.signingSecret,
            port: config.port,
            logger,
            logLevel: LOG_LEVELS[config.logLevel],
            log: () => app.logger,
          }),
        });

  // Loading the drafter validates prompts/ at start: a broken template stops the app with its file and line.
  registerListeners(
    app,
    createDeps(store, drafter ?? createDrafter({ llm: config.llm }), clock, {
      warn: (line: string) => app.logger.warn(line),
    }),
  );
  app.error(async (error) => {
    // Names and codes only: an error's message could quote a payload.
    const code = (error as { code?: string }).code ?? 'unknown';
    app.logger.error(`unhandled ${error.name} (${code})`);
  });
  return app;
}

/** Logs a ledger record a digest left out (its key: ids only). */
export function skippedWarning(logger: Pick<Logger, 'warn'>) {
  return (key: string, why: 'unreadable' | 'newer') =>
    logger.warn(
      `digest: left out ${why === 'newer' ? 'a newer' : 'an unreadable'} ledger record at ${key}`,
    );
}

export interface DigestOptions {
  /** The digest's clock (tests move it); the real one by default. */
  clock?: () => Date;
  /** croner pattern of the scheduler's tick; every minute by default. */
  tickPattern?: string;
  onPass?: DigestSchedulerOptions['onPass'];
  /**
   * Whether passes run on a thread of their own (the default): reading the
   * roster and thousands of ledgers, claiming and building the digests then
   * leaves the event loop free for Slack's requests, and uses another core;
   * only the Slack calls come back to this thread. The thread opens the
   * store itself, so it needs a store opened by `createStore`.
   */
  thread?: boolean;
}

/**
 * The weekly digest beside the app: the roster backfill (once per store),
 * then a first pass at once and a tick every minute. The claims in the store
 * keep it to one digest per user per week across restarts and instances.
 */
export function startDigests(app: App, store: Store, options: DigestOptions = {}): DigestScheduler {
  const clock = options.clock ?? (() => new Date());
  const claims = store.claims(() => clock().getTime());
  const client = app.client as unknown as DigestClient;
  const thread =
    (options.thread ?? true) && store.options !== undefined
      ? startPassThread({ module: PASS_STORE_SETUP, data: store.options }, client, app.logger)
      : undefined;
  const scheduler = startDigestScheduler(
    {
      kv: store.kv,
      ledger: storeLedger(store, { clock, onSkipped: skippedWarning(app.logger) }),
      claims,
      client,
      clock,
      logger: app.logger,
      render: digestMessage,
    },
    {
      ...(options.tickPattern ? { pattern: options.tickPattern } : {}),
      ...(options.onPass ? { onPass: options.onPass } : {}),
      ...(thread ? { runPass: () => thread.run(clock()) } : {}),
    },
  );
  const started = backfillRoster({ kv: store.kv, claims })
    .then((added) => {
      if (added !== undefined)
        app.logger.info(`digest: ${added} users with a ledger joined the roster`);
    })
    .catch((error: unknown) => {
      app.logger.error(`digest: roster backfill failed: ${(error as Error).name}`);
    })
    .then(() => scheduler.tick())
    .then(() => undefined);
  return {
    tick: scheduler.tick,
    async stop() {
      await started;
      await scheduler.stop();
      await thread?.close();
    },
  };
}
