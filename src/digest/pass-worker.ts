import { parentPort, workerData } from 'node:worker_threads';
import { errorName } from '../errors.js';
import { DEFAULT_CONCURRENCY, type DigestLogger, type DigestRunDeps, runDigests } from './pass.js';
import type { FromThread, PassCall, SlackAnswer, SlackCall, ToThread } from './pass-thread.js';
import type { DigestClient } from './send.js';
import { batched } from './thread-batch.js';

/**
 * The digest pass thread: sets up its store through the module it was given,
 * then runs `{ type: 'pass' }` requests with `runDigests`, asking the main
 * thread to make each Slack call and to log. Errors go back by name only (a
 * store error's message may hold connection details).
 */
export interface PassStore {
  deps: Omit<DigestRunDeps, 'client' | 'clock' | 'logger'>;
  close(): Promise<void>;
}

interface Setup {
  setupPass(data: unknown, clock: () => Date): Promise<PassStore>;
}

const port = parentPort;
if (port === null) throw new Error('pass-worker runs as a worker thread');
const { setupModule, data } = workerData as { setupModule: string; data: unknown };

// A pass happens as of one instant, the main thread's clock when it asked.
let now = new Date(0);
const clock = () => now;
const send = (message: FromThread) => port.postMessage(message);

let nextCall = 0;
const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
const ask = batched<SlackCall>((calls) => send({ type: 'calls', calls }));
function call<T>(method: PassCall, args: unknown): Promise<T> {
  const id = nextCall++;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    ask({ id, method, args });
  });
}

function settle(answer: SlackAnswer): void {
  const waiting = pending.get(answer.id);
  pending.delete(answer.id);
  if (answer.error === undefined) waiting?.resolve(answer.result);
  else {
    // The same shape as the Web API's errors, so the pass tells permanent ones apart.
    const error = Object.assign(new Error(answer.error.code ?? answer.error.name), answer.error);
    waiting?.reject(error);
  }
}

const client: DigestClient = {
  chat: { postMessage: (args) => call('chat.postMessage', args) },
  users: { info: (args) => call('users.info', args) },
  conversations: {
    open: (args) => call('conversations.open', args),
    history: (args) => call('conversations.history', args),
  },
};
const logger: DigestLogger = {
  info: (message) => send({ type: 'log', level: 'info', message }),
  warn: (message) => send({ type: 'log', level: 'warn', message }),
  error: (message) => send({ type: 'log', level: 'error', message }),
};

const { setupPass } = (await import(setupModule)) as Setup;
const store = await setupPass(data, clock);
const callsAtOnce = Math.max(1, store.deps.concurrency ?? DEFAULT_CONCURRENCY);

port.on('message', async (message: ToThread) => {
  if (message.type === 'answers') {
    for (const answer of message.answers) settle(answer);
    return;
  }
  if (message.type === 'ping') {
    send({ type: 'pong', callsAtOnce });
    return;
  }
  if (message.type === 'close') {
    await store.close().catch(() => {});
    port.close();
    return;
  }
  now = new Date(message.now);
  try {
    // Twice the users in flight as the main thread makes Slack calls at once
    // (see `callsAtOnce`): the next users' digests are built while it posts.
    const result = await runDigests({
      ...store.deps,
      concurrency: 4 * callsAtOnce,
      client,
      clock,
      logger,
    });
    send({ type: 'done', id: message.id, result });
  } catch (error) {
    send({ type: 'done', id: message.id, error: errorName(error) });
  }
});
send({ type: 'pong', callsAtOnce });
