import type { Keyv } from 'keyv';
import { type OpenBackend, openKeyv, type StoreBackend } from '../backend.js';
import { memoryClaims } from '../claims.js';
import { STORE_DEADLINE_MS } from '../deadline.js';
import { keyvKv, keyvPrefixOf, type Scanner, UNREADABLE } from '../kv.js';

/**
 * A store in this process's memory (`memory://`): for tests, the bench and
 * trying the bot out; gone when the process ends. keyv over a Map, scanned
 * by key before anything is decoded, claims in the process.
 */
export const memory: StoreBackend = {
  name: 'memory',
  schemes: ['memory:'],
  local: true,
  open: async (options) => openMemory(options.namespace),
};

/** The memory store, opened at once (it has nothing to connect to). */
export function openMemory(namespace: string): OpenBackend {
  const map = new Map<string, unknown>();
  const keyv = openKeyv(map, { namespace, deadlineMs: STORE_DEADLINE_MS });
  return { keyv, kv: keyvKv(keyv, { scanPages: mapScanner(keyv, map) }), claims: memoryClaims };
}

/** The keys under a prefix, found in the Map's keys: only those records are decoded. */
function mapScanner(keyv: Keyv, map: Map<string, unknown>): Scanner {
  const keyvPrefix = keyvPrefixOf(keyv);
  return async function* scanMap(prefix) {
    const full = keyvPrefix + prefix;
    const page: Array<[string, unknown]> = [];
    for (const stored of [...map.keys()]) {
      if (!stored.startsWith(full)) continue;
      const key = stored.slice(keyvPrefix.length);
      const value = await keyv.get(key).catch((error: unknown) => {
        if (error instanceof SyntaxError) return UNREADABLE;
        throw error;
      });
      if (value !== undefined) page.push([key, value]);
    }
    if (page.length > 0) yield page;
  };
}
