#!/usr/bin/env node
import type { Server } from 'node:http';
import { ConfigError, loadDotenvIfPresent, parseConfig } from '../config.js';
import { watchStore } from '../store/health.js';
import { createStore } from '../store/store.js';
import { createSlackApp, startDigests } from './app.js';
import { checkBotToken, StartError } from './token-check.js';

/** Longest a shutdown may take (a supervisor's SIGKILL usually comes at 10 s). */
const SHUTDOWN_DEADLINE_MS = 8000;

/** `npm start`: read config, check the bot token, open the store, connect to Slack. Exits non-zero on bad config or a refused token. */
async function main(): Promise<void> {
  loadDotenvIfPresent();
  let config: ReturnType<typeof parseConfig>;
  try {
    config = parseConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const line of error.lines) console.error(line);
      console.error(
        'Set these in the environment or in a .env file (see README, "Run it in Slack").',
      );
      process.exit(1);
    }
    throw error;
  }

  let identity: Awaited<ReturnType<typeof checkBotToken>>;
  try {
    identity = await checkBotToken(config);
  } catch (error) {
    if (error instanceof StartError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const store = await createStore(
    { url: config.storeUrl },
    (key, issues) => console.warn(`ignored an invalid record at ${key} (${issues})`),
    (line) => console.warn(`invite-coach: ${line}`),
  );
  const app = createSlackApp({ config, store, identity });
  let server: Server | undefined;
  if (config.mode === 'socket') {
    await app.start();
    app.logger.info('invite-coach is connected to Slack (Socket Mode)');
  } else {
    server = await app.start(config.port);
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    app.logger.info(`invite-coach is listening on port ${port} at /slack/events (HTTP mode)`);
  }

  // A store down at start is said in one line, and checked again until it answers.
  const watch = watchStore(store, config.storeUrl, app.logger);
  const digests = startDigests(app, store, { thread: config.digestThread });

  const shutdown = async (signal: string) => {
    app.logger.info(`${signal}: shutting down`);
    // Whatever the store or Slack do, the process is gone within the time a supervisor allows.
    setTimeout(() => {
      console.error('invite-coach: shutdown took too long; exiting now');
      process.exit(0);
    }, SHUTDOWN_DEADLINE_MS).unref();
    watch.stop();
    await digests.stop().catch(() => {});
    // Keep-alive connections from a load balancer would hold the server open.
    server?.closeAllConnections();
    await app.stop().catch(() => {});
    await store.close().catch(() => {});
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  const e = error as Error & { code?: string };
  console.error(
    `invite-coach could not start: ${e.name}${e.code ? ` (${e.code})` : ''}: ${e.message}`,
  );
  process.exit(1);
});
