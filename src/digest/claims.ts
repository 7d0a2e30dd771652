import type Keyv from 'keyv';

/**
 * The once-per-week marker, one per user and week, with an atomic
 * set-if-absent in the store itself (keyv has none in general):
 *
 * - `claim` takes the key as a lease that expires after `leaseMs` unless
 *   `finish` makes it permanent; it fails when another process holds the
 *   lease or the week is done. An expired lease (its holder crashed) can be
 *   taken over.
 * - `finish` records the outcome (`sent` or `failed`) for `keepMs`.
 * - `release` gives a lease back after a failure worth retrying.
 *
 * Redis: `SET NX PX` on the adapter's client. Postgres and SQLite: a table of
 * their own beside keyv's, `INSERT … ON CONFLICT DO UPDATE … WHERE expired`,
 * which either inserts, takes over an expired lease, or changes nothing.
 */
export type Claim = 'new' | 'takeover' | false;

export interface DigestClaims {
  /**
   * `new` when nobody had the key, `takeover` when an expired lease was taken
   * over (its holder may have sent before dying: check before sending), false
   * when the week is done or another holder's lease is live.
   */
  claim(key: string, leaseMs: number): Promise<Claim>;
  finish(key: string, state: 'sent' | 'failed', keepMs: number): Promise<void>;
  release(key: string): Promise<void>;
  /**
   * Removes what has expired: finished weeks past `keepMs`, and leases whose
   * holder died more than a week ago. Redis expires its keys itself.
   */
  sweep?(): Promise<number>;
  close?(): Promise<void>;
}

/** For one process only (tests, the bench, a Map-backed keyv). */
export function memoryClaims(clock: () => number = Date.now): DigestClaims {
  const held = new Map<string, { state: string; expires: number }>();
  return {
    async claim(key, leaseMs) {
      const now = clock();
      const current = held.get(key);
      if (current && (current.state !== 'lease' || current.expires > now)) return false;
      held.set(key, { state: 'lease', expires: now + leaseMs });
      return current ? 'takeover' : 'new';
    },
    async finish(key, state, keepMs) {
      held.set(key, { state, expires: clock() + keepMs });
    },
    async release(key) {
      if (held.get(key)?.state === 'lease') held.delete(key);
    },
    async sweep() {
      const now = clock();
      let removed = 0;
      for (const [key, { state, expires }] of held) {
        if (expires < (state === 'lease' ? now - KEEP_LEASE_KEY_MS : now)) {
          held.delete(key);
          removed++;
        }
      }
      return removed;
    },
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

interface RedisClient {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  set(key: string, value: string, options: { NX?: boolean; PX: number }): Promise<unknown>;
  get(key: string): Promise<string | null>;
  del(key: string): Promise<number>;
}

const KEEP_LEASE_KEY_MS = 8 * 24 * 60 * 60_000;

type Query = (sql: string, ...params: unknown[]) => Promise<unknown[]>;

/** Claims in the store a keyv instance sits on: Redis, Postgres or SQLite; in memory for a Map. */
export function storeClaims(keyv: Keyv, clock: () => number = Date.now): DigestClaims {
  const store = keyv.store as {
    opts?: { dialect?: string; table?: string; schema?: string };
    getClient?: () => Promise<RedisClient>;
    query?: Query;
    namespace?: string;
    keyPrefixSeparator?: string;
  };
  const ns = keyv.namespace ?? 'keyv';
  const dialect = store?.opts?.dialect;
  if (dialect === 'redis' && typeof store.getClient === 'function') {
    const getClient = store.getClient.bind(store);
    // Under the adapter's namespace, so that clearing the store clears the claims too.
    const prefix = store.namespace
      ? `${store.namespace}${store.keyPrefixSeparator ?? '::'}`
      : `${ns}:`;
    const full = (key: string) => `${prefix}digest-claim:${key}`;
    return {
      async claim(key, leaseMs) {
        const client = await getClient();
        const now = clock();
        // The key itself outlives the lease (a week), so an expired lease is still there to see.
        const answer = await client.eval(REDIS_CLAIM, {
          keys: [full(key)],
          arguments: [`lease:${now + leaseMs}`, String(now), String(KEEP_LEASE_KEY_MS)],
        });
        return answer === 'new' || answer === 'takeover' ? answer : false;
      },
      async finish(key, state, keepMs) {
        const client = await getClient();
        await client.set(full(key), state, { PX: keepMs });
      },
      async release(key) {
        const client = await getClient();
        if ((await client.get(full(key)))?.startsWith('lease:')) await client.del(full(key));
      },
    };
  }
  if ((dialect === 'postgres' || dialect === 'sqlite') && typeof store.query === 'function') {
    const query = store.query.bind(store) as Query;
    const pg = dialect === 'postgres';
    const base = store.opts?.table ?? 'keyv';
    const table = pg
      ? `${store.opts?.schema ?? 'public'}.${base}_digest_claims`
      : `${base}_digest_claims`;
    // Postgres takes the parameters as one array; the SQLite adapter as
    // arguments, bound to `?` by position (so `$n` must appear in order).
    const run = (sql: string, params: unknown[]) =>
      pg ? query(sql, params) : query(sql.replace(/\$\d+/g, '?'), ...params);
    let ready: Promise<void> | undefined;
    const ensure = () => {
      ready ??= (async () => {
        const create = `CREATE TABLE IF NOT EXISTS ${table} (key TEXT PRIMARY KEY, state TEXT NOT NULL, expires BIGINT NOT NULL, taken INTEGER NOT NULL DEFAULT 0)`;
        // For the sweep: expired rows are found by the index, not a table scan.
        const index = `CREATE INDEX IF NOT EXISTS ${base}_digest_claims_expires ON ${table} (expires)`;
        for (const sql of [create, index]) {
          try {
            await run(sql, []);
          } catch {
            // Two processes creating it at once: Postgres may refuse one; it exists now.
            await run(sql, []);
          }
        }
      })();
      ready.catch(() => {
        ready = undefined;
      });
      return ready;
    };
    const full = (key: string) => `${ns}:${key}`;
    return {
      async claim(key, leaseMs) {
        await ensure();
        const now = clock();
        const rows = await run(
          `INSERT INTO ${table} (key, state, expires, taken) VALUES ($1, 'lease', $2, 0)
           ON CONFLICT (key) DO UPDATE SET state = 'lease', expires = excluded.expires, taken = 1
           WHERE ${table}.state = 'lease' AND ${table}.expires < $3
           RETURNING taken`,
          [full(key), now + leaseMs, now],
        );
        if (!Array.isArray(rows) || rows.length !== 1) return false;
        return Number((rows[0] as { taken: unknown }).taken) === 1 ? 'takeover' : 'new';
      },
      async finish(key, state, keepMs) {
        await ensure();
        // Parameters in the order they appear: SQLite binds the `?`s by position.
        await run(`UPDATE ${table} SET state = $1, expires = $2 WHERE key = $3`, [
          state,
          clock() + keepMs,
          full(key),
        ]);
      },
      async release(key) {
        await ensure();
        await run(`DELETE FROM ${table} WHERE key = $1 AND state = 'lease'`, [full(key)]);
      },
      async sweep() {
        await ensure();
        const now = clock();
        // A dead holder's lease is kept a week, as in Redis, so that whoever
        // takes it over still knows to look in the DM before sending.
        const rows = await run(
          `DELETE FROM ${table} WHERE expires < $1 AND (state <> 'lease' OR expires < $2) RETURNING key`,
          [now, now - KEEP_LEASE_KEY_MS],
        );
        return Array.isArray(rows) ? rows.length : 0;
      },
    };
  }
  return memoryClaims(clock);
}
