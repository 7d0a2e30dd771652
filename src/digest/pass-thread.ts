import type { Worker } from 'node:worker_threads';
import type { DigestClient, DigestLogger, DigestRunResult } from './run.js';
import { siblingModule, startThread } from './thread.js';

/**
 * Where the pass thread gets its store: a module exporting
 * `setupPass(data, clock)` (see `slack/digest-pass-store.ts` for the app's), and the
 * structured-cloneable data it is called with.
 */
export interface PassSetup {
  module: URL;
  data: unknown;
}

export interface PassThread {
  /** Resolves once the thread has set up its store (it starts on the first call). */
  ready(): Promise<void>;
  /** One pass over the roster as of `now`, on the thread; Slack calls come back here. */
  run(now: Date): Promise<DigestRunResult>;
  /** Stops the thread (after the pass under way, if any, is given up). */
  close(): Promise<void>;
}

/** The pass thread failed to start, died, or was closed during a pass. */
export class PassThreadError extends Error {
  override name = 'PassThreadError';
}

/** The Slack calls a pass makes, by name. */
const CALLS = {
  'chat.postMessage': (c: DigestClient, args: never) => c.chat.postMessage(args),
  'users.info': (c: DigestClient, args: never) => c.users.info(args),
  'conversations.open': (c: DigestClient, args: never) => c.conversations.open(args),
  'conversations.history': (c: DigestClient, args: never) => c.conversations.history(args),
} as const;
export type PassCall = keyof typeof CALLS;

export type FromThread =
  | { type: 'pong' }
  | { type: 'call'; id: number; method: PassCall; args: unknown }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string }
  | { type: 'done'; id: number; result?: DigestRunResult; error?: string };

export type ToThread =
  | { type: 'ping' }
  | { type: 'pass'; id: number; now: number }
  | { type: 'answer'; id: number; result?: unknown; error?: SlackCallError }
  | { type: 'close' };

/** What a failed Slack call keeps on its way back: enough for the pass to tell a permanent failure. */
export interface SlackCallError {
  name: string;
  code?: string;
  data?: { error?: string };
}

/**
 * Runs digest passes on a thread of their own: reading the roster and the
 * ledgers, claiming, building each digest, all off the event loop that
 * answers Slack. The thread asks this one to make the Slack calls (so they
 * go through the app's own client, its rate-limit handling included) and to
 * log. A thread that dies fails the pass under way (the scheduler's next tick
 * starts a new one, and the claims' leases make the users it held come
 * round again, checked against their DM first).
 */
export function startPassThread(
  setup: PassSetup,
  client: DigestClient,
  logger: DigestLogger,
): PassThread {
  const entry = siblingModule('pass-worker', import.meta.url);
  let worker: Worker | undefined;
  let nextId = 0;
  let closed = false;
  const passes = new Map<number, { resolve(r: DigestRunResult): void; reject(e: Error): void }>();

  const readyWaiters: Array<{ resolve(): void; reject(e: Error): void }> = [];
  const failAll = (why: string) => {
    for (const p of passes.values()) p.reject(new PassThreadError(why));
    passes.clear();
    for (const wait of readyWaiters.splice(0)) wait.reject(new PassThreadError(why));
  };

  const answer = async (w: Worker, id: number, method: PassCall, args: unknown) => {
    try {
      const call = CALLS[method];
      if (call === undefined) throw new TypeError(`unknown Slack call ${String(method)}`);
      const result = await call(client, args as never);
      w.postMessage({ type: 'answer', id, result } satisfies ToThread);
    } catch (e) {
      const error = e as SlackCallError;
      const data = error.data?.error ? { data: { error: error.data.error } } : {};
      w.postMessage({
        type: 'answer',
        id,
        error: {
          name: error.name ?? 'Error',
          ...(error.code ? { code: error.code } : {}),
          ...data,
        },
      } satisfies ToThread);
    }
  };

  const start = (): Worker => {
    const w = startThread(entry, { setupModule: setup.module.href, data: setup.data });
    w.on('message', (message: FromThread) => {
      if (message.type === 'pong') {
        for (const wait of readyWaiters.splice(0)) wait.resolve();
        if (passes.size === 0) w.unref();
      } else if (message.type === 'call') void answer(w, message.id, message.method, message.args);
      else if (message.type === 'log') logger[message.level](message.message);
      else {
        const pass = passes.get(message.id);
        passes.delete(message.id);
        if (message.result) pass?.resolve(message.result);
        else pass?.reject(new PassThreadError(`the digest pass failed (${message.error})`));
      }
    });
    const gone = (why: string) => {
      if (worker === w) worker = undefined;
      failAll(why);
    };
    w.on('error', (error) => gone(`the digest thread failed: ${error.name}`));
    w.on('exit', (code) => gone(`the digest thread stopped (exit code ${code})`));
    // Between passes the thread must not keep the process alive on its own.
    w.unref();
    return w;
  };

  return {
    ready() {
      if (closed) return Promise.reject(new PassThreadError('the digest thread is closed'));
      const w = worker ?? start();
      worker = w;
      w.ref();
      return new Promise<void>((resolve, reject) => {
        readyWaiters.push({ resolve, reject });
        w.postMessage({ type: 'ping' } satisfies ToThread);
      });
    },
    run(now: Date) {
      if (closed) return Promise.reject(new PassThreadError('the digest thread is closed'));
      worker ??= start();
      const w = worker;
      const id = nextId++;
      return new Promise<DigestRunResult>((resolve, reject) => {
        passes.set(id, {
          resolve: (r) => {
            w.unref();
            resolve(r);
          },
          reject: (e) => {
            w.unref();
            reject(e);
          },
        });
        w.ref();
        w.postMessage({ type: 'pass', id, now: now.getTime() } satisfies ToThread);
      });
    },
    async close() {
      closed = true;
      const w = worker;
      if (w === undefined) return;
      const exited = new Promise((resolve) => w.once('exit', resolve));
      w.postMessage({ type: 'close' } satisfies ToThread);
      // A thread that does not close its store in time is stopped.
      const timer = setTimeout(() => void w.terminate(), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
