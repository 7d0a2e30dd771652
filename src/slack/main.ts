#!/usr/bin/env node
import type { Server } from 'node:http';
import { ConfigError, loadDotenvIfPresent, parseConfig } from '../config.js';
import { watchStore } from '../store/health.js';
import { createStore } from '../store/store.js';
import { createSlackApp, startDigests } from './app.js';
import { checkBotToken, StartError } from './token-check.js';

/** Longest a shutdown may take (a supervisor's SIGKILL usually comes at 10 s). */
const SHUTDOWN_DEADLINE_MS = 8000;

/** The configuration, or the process exits with what is missing or wrong. */
function configOrExit(): ReturnType<typeof parseConfig> {
  try {
    return parseConfig();
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
}

/** The bot's identity, or the process exits with why Slack refused the token. */
async function identityOrExit(
  config: ReturnType<typeof parseConfig>,
): Promise<Awaited<ReturnType<typeof checkBotToken>>> {
  try {
    return await checkBotToken(config);
  } catch (error) {
    if (error instanceof StartError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

type SlackApp = ReturnType<typeof createSlackApp>;

/** Connects to Slack in the configured mode; the HTTP server, in HTTP mode. */
async function connect(
  app: SlackApp,
  config: ReturnType<typeof parseConfig>,
): Promise<Server | undefined> {
  if (config.mode === 'socket') {
    await app.start();
    app.logger.info('invite-coach is connected to Slack (Socket Mode)');
    return undefined;
  }
  const server: Server = await app.start(config.port);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  app.logger.info(`invite-coach is listening on port ${port} at /slack/events (HTTP mode)`);
  return server;
}

/** What a shutdown stops, in the order it stops them. */
interface Running {
  app: SlackApp;
  server: Server | undefined;
  store: Awaited<ReturnType<typeof createStore>>;
  watch: ReturnType<typeof watchStore>;
  digests: ReturnType<typeof startDigests>;
}

/** Stops everything and exits; on a signal. */
async function shutdown(signal: string, running: Running): Promise<void> {
  const { app, server, store, watch, digests } = running;
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
}

/** `npm start`: read config, check the bot token, open the store, connect to Slack. Exits non-zero on bad config or a refused token. */
async function main(): Promise<void> {
  loadDotenvIfPresent();
  const config = configOrExit();
  const identity = await identityOrExit(config);
  const store = await createStore(
    { url: config.storeUrl },
    (key, issues) => console.warn(`ignored an invalid record at ${key} (${issues})`),
    (line) => console.warn(`invite-coach: ${line}`),
  );
  const app = createSlackApp({ config, store, identity });
  const server = await connect(app, config);

  // A store down at start is said in one line, and checked again until it answers.
  const watch = watchStore(store, config.storeUrl, app.logger);
  const digests = startDigests(app, store, { thread: config.digestThread });

  const running: Running = { app, server, store, watch, digests };
  process.once('SIGINT', () => void shutdown('SIGINT', running));
  process.once('SIGTERM', () => void shutdown('SIGTERM', running));
}

main().catch((error: unknown) => {
  const e = error as Error & { code?: string };
  console.error(
    `invite-coach could not start: ${e.name}${e.code ? ` (${e.code})` : ''}: ${e.message}`,
  );
  process.exit(1);
});
