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
export interface DigestClaims {
  claim(key: string, leaseMs: number): Promise<boolean>;
  finish(key: string, state: 'sent' | 'failed', keepMs: number): Promise<void>;
  release(key: string): Promise<void>;
  close?(): Promise<void>;
}

/** For one process only (tests, the bench, a Map-backed keyv). */
export function memoryClaims(clock: () => number = Date.now): DigestClaims {
  const held = new Map<string, { state: string; expires: number }>();
  return {
    async claim(key, leaseMs) {
      const now = clock();
      const current = held.get(key);
      if (current && current.expires > now) return false;
      held.set(key, { state: 'lease', expires: now + leaseMs });
      return true;
    },
    async finish(key, state, keepMs) {
      held.set(key, { state, expires: clock() + keepMs });
    },
    async release(key) {
      if (held.get(key)?.state === 'lease') held.delete(key);
    },
  };
}

interface RedisClient {
  set(key: string, value: string, options: { NX?: boolean; PX: number }): Promise<unknown>;
  get(key: string): Promise<string | null>;
  del(key: string): Promise<number>;
}

type Query = (sql: string, ...params: unknown[]) => Promise<unknown[]>;

/** Claims in the store a keyv instance sits on: Redis, Postgres or SQLite; in memory for a Map. */
export function storeClaims(keyv: Keyv): DigestClaims {
  const store = keyv.store as {
    opts?: { dialect?: string; table?: string; schema?: string };
    getClient?: () => Promise<RedisClient>;
    query?: Query;
  };
  const ns = keyv.namespace ?? 'keyv';
  const dialect = store?.opts?.dialect;
  if (dialect === 'redis' && typeof store.getClient === 'function') {
    const getClient = store.getClient.bind(store);
    const full = (key: string) => `${ns}:digest-claim:${key}`;
    return {
      async claim(key, leaseMs) {
        const client = await getClient();
        return (await client.set(full(key), 'lease', { NX: true, PX: leaseMs })) === 'OK';
      },
      async finish(key, state, keepMs) {
        const client = await getClient();
        await client.set(full(key), state, { PX: keepMs });
      },
      async release(key) {
        const client = await getClient();
        if ((await client.get(full(key))) === 'lease') await client.del(full(key));
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
    // Postgres takes the parameters as one array; the SQLite adapter as arguments.
    const run = (sql: string, params: unknown[]) =>
      pg ? query(sql, params) : query(sql.replace(/\$\d+/g, '?'), ...params);
    let ready: Promise<void> | undefined;
    const ensure = () => {
      ready ??= (async () => {
        const create = `CREATE TABLE IF NOT EXISTS ${table} (key TEXT PRIMARY KEY, state TEXT NOT NULL, expires BIGINT NOT NULL)`;
        try {
          await run(create, []);
        } catch {
          // Two processes creating the table at once: Postgres may refuse one; it exists now.
          await run(create, []);
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
        const now = Date.now();
        const rows = await run(
          `INSERT INTO ${table} (key, state, expires) VALUES ($1, 'lease', $2)
           ON CONFLICT (key) DO UPDATE SET state = 'lease', expires = excluded.expires
           WHERE ${table}.state = 'lease' AND ${table}.expires < $3
           RETURNING key`,
          [full(key), now + leaseMs, now],
        );
        return Array.isArray(rows) && rows.length === 1;
      },
      async finish(key, state, keepMs) {
        await ensure();
        await run(`UPDATE ${table} SET state = $2, expires = $3 WHERE key = $1`, [
          full(key),
          state,
          Date.now() + keepMs,
        ]);
      },
      async release(key) {
        await ensure();
        await run(`DELETE FROM ${table} WHERE key = $1 AND state = 'lease'`, [full(key)]);
      },
    };
  }
  return memoryClaims();
}
