import { Worker } from 'node:worker_threads';
import type { Scope } from '../store/scope.js';
import type { ComposeDigest, ComposedDigest } from './compose.js';

/**
 * Where a compose worker gets its ledger: a module exporting
 * `setupComposer(data)` that returns a {@link ComposeDigest}, and the data
 * (structured-cloneable) it is called with. The app's is
 * `compose-store.js`, which opens the store from its options.
 */
export interface ComposerSetup {
  module: URL;
  data: unknown;
}

export interface ComposePool {
  compose: ComposeDigest;
  /** Stops the workers; calls still waiting are rejected. */
  close(): Promise<void>;
}

/** A compose worker failed to start, died, or was closed with work pending. */
export class ComposeWorkerError extends Error {
  override name = 'ComposeWorkerError';
}

type Reply = { id: number } & ({ ok: true; digest: ComposedDigest } | { ok: false; name: string });

interface Pending {
  resolve(digest: ComposedDigest): void;
  reject(error: Error): void;
}

/**
 * Run from the TypeScript sources (tests, the bench, `tsx`), a worker cannot
 * load a `.ts` entry by itself on Node 20: it is bootstrapped through tsx's
 * API instead (a dev dependency, resolved from the working directory). Built
 * code starts the `.js` entry directly.
 */
function spawn(entry: URL, setup: ComposerSetup): Worker {
  const workerData = { setupModule: setup.module.href, data: setup.data };
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData });
  const boot = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)}))`;
  return new Worker(boot, { eval: true, workerData });
}

function sibling(name: string): URL {
  const here = new URL(import.meta.url);
  return new URL(`./${name}${here.pathname.endsWith('.ts') ? '.ts' : '.js'}`, here);
}

/**
 * Composes digests on `size` worker threads, so that reading ledgers and
 * building Block Kit for thousands of users does not hold the event loop
 * that answers Slack (and runs on another core beside the posting). Requests
 * go round-robin; a worker that dies fails only what it was doing and is
 * started again on the next request.
 */
export function composePool(setup: ComposerSetup, size = 1): ComposePool {
  const entry = sibling('compose-worker');
  const slots: Array<{ worker: Worker; pending: Map<number, Pending> } | undefined> = Array.from(
    { length: Math.max(1, size) },
    () => undefined,
  );
  let nextId = 0;
  let turn = 0;
  let closed = false;

  const start = (index: number) => {
    const worker = spawn(entry, setup);
    const pending = new Map<number, Pending>();
    const slot = { worker, pending };
    const fail = (why: string) => {
      if (slots[index] === slot) slots[index] = undefined;
      for (const p of pending.values()) p.reject(new ComposeWorkerError(why));
      pending.clear();
    };
    worker.on('message', (reply: Reply) => {
      const p = pending.get(reply.id);
      if (p === undefined) return;
      pending.delete(reply.id);
      if (reply.ok) p.resolve(reply.digest);
      else p.reject(new ComposeWorkerError(`composing a digest failed (${reply.name})`));
      // An idle worker must not keep the process alive on its own.
      if (pending.size === 0) worker.unref();
    });
    worker.on('error', (error) => fail(`a compose worker failed: ${error.name}`));
    worker.on('exit', (code) => fail(`a compose worker stopped (exit code ${code})`));
    worker.unref();
    slots[index] = slot;
    return slot;
  };

  return {
    compose(scope: Scope, now: Date) {
      if (closed) return Promise.reject(new ComposeWorkerError('the compose pool is closed'));
      const index = turn++ % slots.length;
      const slot = slots[index] ?? start(index);
      const id = nextId++;
      return new Promise<ComposedDigest>((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        slot.worker.ref();
        slot.worker.postMessage({ id, scope, now: now.getTime() });
      });
    },
    async close() {
      closed = true;
      await Promise.all(
        slots.map(async (slot) => {
          if (slot === undefined) return;
          slot.worker.postMessage({ close: true });
          // A worker that does not close its store in time is stopped.
          const timer = setTimeout(() => void slot.worker.terminate(), 5_000);
          await new Promise((resolve) => slot.worker.once('exit', resolve));
          clearTimeout(timer);
        }),
      );
    },
  };
}
