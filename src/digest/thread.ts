import { Worker } from 'node:worker_threads';

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
