import { parentPort, workerData } from 'node:worker_threads';
import type { Scope } from '../store/scope.js';
import type { ComposeDigest } from './compose.js';

/**
 * A compose worker: loads its ledger through the setup module it was given,
 * then answers `{ id, scope, now }` with the composed digest. Errors go back
 * by name only (a store error's message may hold connection details).
 */
interface Setup {
  setupComposer(data: unknown): Promise<{ compose: ComposeDigest; close(): Promise<void> }>;
}

const { setupModule, data } = workerData as { setupModule: string; data: unknown };
const port = parentPort;
if (port === null) throw new Error('compose-worker runs as a worker thread');

const { setupComposer } = (await import(setupModule)) as Setup;
const composer = await setupComposer(data);

port.on(
  'message',
  async (message: { id: number; scope: Scope; now: number } | { close: true }): Promise<void> => {
    if ('close' in message) {
      await composer.close().catch(() => {});
      port.close();
      return;
    }
    try {
      const digest = await composer.compose(message.scope, new Date(message.now));
      port.postMessage({ id: message.id, ok: true, digest });
    } catch (error) {
      port.postMessage({ id: message.id, ok: false, name: (error as Error)?.name ?? 'Error' });
    }
  },
);
