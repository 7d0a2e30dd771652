import type { Keyv, KeyvStoreAdapter } from 'keyv';
import { type BackendOptions, openKeyv, type StoreBackend } from '../backend.js';
import { type DigestClaims, KEEP_LEASE_KEY_MS } from '../claims.js';
import { redisConditional } from '../conditional.js';
import { withTimeout } from '../deadline.js';
import { keyvKv, keyvPrefixOf, type Scanner, valueDecoder } from '../kv.js';

/**
 * Redis (`redis://…`, `rediss://…`): prefix scans with SCAN MATCH, claims
 * with a script on the key; keyv's `setMany` is one MULTI already.
 */
export const redis: StoreBackend = {
  name: 'redis',
  schemes: ['redis:', 'rediss:'],
  async open(options: BackendOptions) {
    const keyv = openKeyv(await redisAdapter(options), options);
    const adapter = keyv.store as RedisAdapter;
    return {
      keyv,
      kv: keyvKv(keyv, {
        scanPages: redisScanner(keyv, adapter, options.deadlineMs),
        conditional: redisConditional(keyv),
      }),
      claims: (clock) => redisClaims(keyv, adapter, clock),
    };
  },
};

interface RedisClient {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  set(key: string, value: string, options: { NX?: boolean; PX: number }): Promise<unknown>;
  get(key: string): Promise<string | null>;
  del(key: string): Promise<number>;
  scan(
    cursor: string,
    options: { MATCH: string; COUNT: number },
  ): Promise<{ cursor: string | number; keys: string[] }>;
  mGet(keys: string[]): Promise<(string | null)[]>;
}

interface RedisAdapter {
  namespace?: string;
  keyPrefixSeparator?: string;
  getClient(): Promise<RedisClient>;
}

/** The prefix the adapter puts before keyv's keys, when keyv gave it a namespace. */
function adapterPrefixOf(adapter: RedisAdapter): string {
  return adapter.namespace ? `${adapter.namespace}${adapter.keyPrefixSeparator ?? '::'}` : '';
}

/**
 * SCAN MATCH with a large COUNT and one MGET per batch, yielded as it comes;
 * keys and values exactly as `keyv.get` sees them.
 */
function redisScanner(keyv: Keyv, adapter: RedisAdapter, deadlineMs: number): Scanner {
  const adapterPrefix = adapterPrefixOf(adapter);
  const keyvPrefix = keyvPrefixOf(keyv);
  const decode = valueDecoder(keyv);
  return async function* scanRedis(prefix) {
    const full = `${adapterPrefix}${keyvPrefix}${prefix}`;
    const pattern = `${full.replace(/[*?[\]\\]/g, '\\$&')}*`;
    const client = await adapter.getClient();
    let cursor = '0';
    do {
      // The raw client, not the adapter: the deadline (and the typed error) go on here.
      const result = await withTimeout(
        client.scan(cursor, { MATCH: pattern, COUNT: 1000 }),
        'scan',
        deadlineMs,
      );
      cursor = String(result.cursor);
      const keys = result.keys.filter((k) => k.startsWith(full));
      if (keys.length === 0) continue;
      const values = await withTimeout(client.mGet(keys), 'mGet', deadlineMs);
      const records: Array<[string, unknown]> = [];
      for (const [i, key] of keys.entries()) {
        let value = decode(values[i]);
        if (value instanceof Promise) value = await value;
        if (value !== undefined)
          records.push([key.slice(adapterPrefix.length + keyvPrefix.length), value]);
      }
      if (records.length > 0) yield records;
    } while (cursor !== '0');
  };
}

// The lease's expiry is in its value, so that an expired lease can be told
// from a missing key and taken over atomically (the script runs as one step).
const REDIS_CLAIM = `
local v = redis.call('GET', KEYS[1])
if not v then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3]) return 'new' end
if string.sub(v, 1, 6) == 'lease:' and tonumber(string.sub(v, 7)) < tonumber(ARGV[2]) then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3]) return 'takeover'
end
return 'held'`;

/** Claims as keys of their own, which Redis expires itself (no sweep). */
function redisClaims(keyv: Keyv, adapter: RedisAdapter, clock: () => number): DigestClaims {
  // Under the adapter's namespace, so that clearing the store clears the claims too.
  const prefix = adapterPrefixOf(adapter) || `${keyv.namespace ?? 'keyv'}:`;
  const full = (key: string) => `${prefix}digest-claim:${key}`;
  return {
    async claim(key, leaseMs) {
      const client = await adapter.getClient();
      const now = clock();
      // The key itself outlives the lease (a week), so an expired lease is still there to see.
      const answer = await client.eval(REDIS_CLAIM, {
        keys: [full(key)],
        arguments: [`lease:${now + leaseMs}`, String(now), String(KEEP_LEASE_KEY_MS)],
      });
      return answer === 'new' || answer === 'takeover' ? answer : false;
    },
    async finish(key, state, keepMs) {
      const client = await adapter.getClient();
      await client.set(full(key), state, { PX: keepMs });
    },
    async release(key) {
      const client = await adapter.getClient();
      if ((await client.get(full(key)))?.startsWith('lease:')) await client.del(full(key));
    },
  };
}

/**
 * Redis through a node-redis client of our own: connected at once and
 * reconnecting in the background (so a Redis down at start is retried, not
 * waited on), with its offline queue off — a command while disconnected is
 * refused at once rather than sent when Redis returns, so a write the user was
 * told had failed never lands later — and a timeout on commands not yet sent.
 */
async function redisAdapter(options: BackendOptions): Promise<KeyvStoreAdapter> {
  const { url, warn, deadlineMs } = options;
  const { default: KeyvRedis, createClient } = await import('@keyv/redis');
  const client = createClient({
    url,
    disableOfflineQueue: true,
    commandOptions: { timeout: deadlineMs },
    socket: {
      connectTimeout: deadlineMs,
      reconnectStrategy: (attempts: number) => Math.min(100 * 2 ** attempts, 2000),
    },
  });
  // Said once per lost connection (a store down at start is the app's to say: see watchStore).
  let ready = false;
  client.on('error', (error: Error & { code?: string }) => {
    if (!ready) return;
    ready = false;
    warn(`the Redis connection was lost (${error.code ?? error.name}); reconnecting`);
  });
  client.on('ready', () => {
    ready = true;
  });
  // Waited on for one deadline at most: a Redis down at start is retried in
  // the background while calls fail fast, rather than holding the start.
  const connected = client.connect().then(
    () => true,
    () => false,
  );
  await Promise.race([connected, new Promise((r) => setTimeout(r, deadlineMs).unref())]);
  // throwOnErrors: else the adapter reports a refused write as done.
  return new KeyvRedis(client as never, {
    throwOnConnectError: true,
    throwOnErrors: true,
  }) as unknown as KeyvStoreAdapter;
}
