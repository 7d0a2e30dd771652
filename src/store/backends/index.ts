import type { StoreBackend } from '../backend.js';
import { StoreError } from '../errors.js';
import { memory } from './memory.js';
import { postgres } from './postgres.js';
import { redis } from './redis.js';
import { sqlite } from './sqlite.js';

/** Every kind of store, one file each: a new one is a file and a line here. */
export const BACKENDS: readonly StoreBackend[] = [sqlite, redis, postgres, memory];

/**
 * Whether the app can keep its data at `url`: a backend takes it, names a
 * place after the scheme, and keeps the data beyond this process (not memory).
 */
export function isAppStoreUrl(url: string): boolean {
  try {
    return !backendFor(url).local && /^[^:]+:\/\/.+/.test(url);
  } catch {
    return false;
  }
}

/** The URLs the app takes, for its help: `sqlite://<file>, redis://…, … or postgresql://…`. */
export function appStoreUrls(): string {
  const urls = BACKENDS.filter((b) => !b.local).flatMap((b) =>
    b.schemes.map((s) => `${s}//${b.place ?? '…'}`),
  );
  return `${urls.slice(0, -1).join(', ')} or ${urls.at(-1)}`;
}

/** The backend a URL names, or a {@link StoreError} saying which URLs there are. */
export function backendFor(url: string): StoreBackend {
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0].toLowerCase();
  const found = BACKENDS.find((b) => scheme !== undefined && b.schemes.includes(scheme));
  if (found !== undefined && url.startsWith(`${scheme}//`)) return found;
  const schemes = BACKENDS.flatMap((b) => b.schemes.map((s) => `${s}//`));
  throw new StoreError(
    `STORE_URL must start with ${schemes.slice(0, -1).join(', ')} or ${schemes.at(-1)}`,
  );
}
