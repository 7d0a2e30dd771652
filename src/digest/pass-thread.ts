import { Worker } from 'node:worker_threads';
import type { DigestLogger, DigestRunResult } from './pass.js';
import type { DigestClient } from './send.js';
import { batched, TurnQueue } from './thread-batch.js';

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

/** A Slack call the pass thread asks for. */
export interface SlackCall {
  id: number;
  method: PassCall;
  args: unknown;
}

/** The answer to a {@link SlackCall}: its result, or what its error keeps. */
export interface SlackAnswer {
  id: number;
  result?: unknown;
  error?: SlackCallError;
}

/** Calls and answers travel in batches (see `thread-batch.ts`). */
export type FromThread =
  /** `callsAtOnce`: the pass's concurrency, the most Slack calls this thread makes at once for it. */
  | { type: 'pong'; callsAtOnce?: number }
  | { type: 'calls'; calls: SlackCall[] }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string }
  | { type: 'done'; id: number; result?: DigestRunResult; error?: string };

export type ToThread =
  | { type: 'ping' }
  | { type: 'pass'; id: number; now: number }
  | { type: 'answers'; answers: SlackAnswer[] }
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
  const host = new PassThreadHost(setup, client, logger);
  return {
    ready: () => host.ready(),
    run: (now) => host.run(now),
    close: () => host.close(),
  };
}

type Waiter<T> = { resolve(value: T): void; reject(error: Error): void };

/** The main thread's side: starts the worker when first needed, answers its calls, settles its passes. */
class PassThreadHost {
  readonly #entry = siblingModule('pass-worker', import.meta.url);
  #worker: Worker | undefined;
  #nextId = 0;
  #closed = false;
  readonly #passes = new Map<number, Waiter<DigestRunResult>>();
  readonly #readyWaiters: Array<Waiter<void>> = [];

  readonly #setup: PassSetup;
  readonly #client: DigestClient;
  readonly #logger: DigestLogger;

  constructor(setup: PassSetup, client: DigestClient, logger: DigestLogger) {
    this.#setup = setup;
    this.#client = client;
    this.#logger = logger;
  }

  ready(): Promise<void> {
    if (this.#closed) return Promise.reject(new PassThreadError('the digest thread is closed'));
    const w = this.#worker ?? this.#start();
    this.#worker = w;
    w.ref();
    return new Promise<void>((resolve, reject) => {
      this.#readyWaiters.push({ resolve, reject });
      w.postMessage({ type: 'ping' } satisfies ToThread);
    });
  }

  run(now: Date): Promise<DigestRunResult> {
    if (this.#closed) return Promise.reject(new PassThreadError('the digest thread is closed'));
    this.#worker ??= this.#start();
    const w = this.#worker;
    const id = this.#nextId++;
    return new Promise<DigestRunResult>((resolve, reject) => {
      this.#passes.set(id, {
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
  }

  async close(): Promise<void> {
    this.#closed = true;
    const w = this.#worker;
    if (w === undefined) return;
    const exited = new Promise((resolve) => w.once('exit', resolve));
    w.postMessage({ type: 'close' } satisfies ToThread);
    // A thread that does not close its store in time is stopped.
    const timer = setTimeout(() => void w.terminate(), 5_000);
    await exited;
    clearTimeout(timer);
  }

  #start(): Worker {
    const w = startThread(this.#entry, {
      setupModule: this.#setup.module.href,
      data: this.#setup.data,
    });
    const answer = batched<SlackAnswer>((answers) =>
      w.postMessage({ type: 'answers', answers } satisfies ToThread),
    );
    const calls = new TurnQueue<SlackCall>((call) => this.#answer(call, answer));
    w.on('message', (message: FromThread) => this.#receive(w, message, calls));
    const gone = (why: string) => {
      if (this.#worker === w) this.#worker = undefined;
      calls.clear();
      this.#failAll(why);
    };
    w.on('error', (error) => gone(`the digest thread failed: ${error.name}`));
    w.on('exit', (code) => gone(`the digest thread stopped (exit code ${code})`));
    // Between passes the thread must not keep the process alive on its own.
    w.unref();
    return w;
  }

  #receive(w: Worker, message: FromThread, calls: TurnQueue<SlackCall>): void {
    if (message.type === 'pong') {
      if (message.callsAtOnce !== undefined) calls.limit = message.callsAtOnce;
      for (const wait of this.#readyWaiters.splice(0)) wait.resolve();
      if (this.#passes.size === 0) w.unref();
    } else if (message.type === 'calls') for (const call of message.calls) calls.push(call);
    else if (message.type === 'log') this.#logger[message.level](message.message);
    else {
      const pass = this.#passes.get(message.id);
      this.#passes.delete(message.id);
      if (message.result) pass?.resolve(message.result);
      else pass?.reject(new PassThreadError(`the digest pass failed (${message.error})`));
    }
  }

  async #answer(
    { id, method, args }: SlackCall,
    answer: (answer: SlackAnswer) => void,
  ): Promise<void> {
    try {
      const call = CALLS[method];
      if (call === undefined) throw new TypeError(`unknown Slack call ${String(method)}`);
      answer({ id, result: await call(this.#client, args as never) });
    } catch (e) {
      const error = e as SlackCallError;
      const data = error.data?.error ? { data: { error: error.data.error } } : {};
      answer({
        id,
        error: {
          name: error.name ?? 'Error',
          ...(error.code ? { code: error.code } : {}),
          ...data,
        },
      });
    }
  }

  #failAll(why: string): void {
    for (const p of this.#passes.values()) p.reject(new PassThreadError(why));
    this.#passes.clear();
    for (const wait of this.#readyWaiters.splice(0)) wait.reject(new PassThreadError(why));
  }
}

/**
 * A worker thread running the module `name` beside this one (`.js` when
 * built). Run from the TypeScript sources (tests, the bench, `tsx`), a worker
 * cannot load a `.ts` entry by itself on Node 20: it is bootstrapped through
 * tsx's API instead (a dev dependency, resolved from the working directory).
 */
export function startThread(entry: URL, workerData: unknown): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData });
  const boot = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)}))`;
  return new Worker(boot, { eval: true, workerData });
}

/** A module next to `from` by name, with the extension `from` itself has (`.ts` from the sources). */
export function siblingModule(name: string, from: string): URL {
  const here = new URL(from);
  return new URL(`./${name}${here.pathname.endsWith('.ts') ? '.ts' : '.js'}`, here);
}
