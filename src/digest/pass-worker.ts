import { parentPort, workerData } from 'node:worker_threads';
import { errorName } from '../errors.js';
import { type DigestLogger, type DigestRunDeps, runDigests } from './pass.js';
import type { FromThread, PassCall, ToThread } from './pass-thread.js';
import type { DigestClient } from './send.js';

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
function call<T>(method: PassCall, args: unknown): Promise<T> {
  const id = nextCall++;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    send({ type: 'call', id, method, args });
  });
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

port.on('message', async (message: ToThread) => {
  if (message.type === 'answer') {
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.error === undefined) waiting?.resolve(message.result);
    else {
      // The same shape as the Web API's errors, so the pass tells permanent ones apart.
      const error = Object.assign(
        new Error(message.error.code ?? message.error.name),
        message.error,
      );
      waiting?.reject(error);
    }
    return;
  }
  if (message.type === 'ping') {
    send({ type: 'pong' });
    return;
  }
  if (message.type === 'close') {
    await store.close().catch(() => {});
    port.close();
    return;
  }
  now = new Date(message.now);
  try {
    const result = await runDigests({ ...store.deps, client, clock, logger });
    send({ type: 'done', id: message.id, result });
  } catch (error) {
    send({ type: 'done', id: message.id, error: errorName(error) });
  }
});
send({ type: 'pong' });
