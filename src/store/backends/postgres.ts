import type { KeyvStoreAdapter } from 'keyv';
import { type BackendOptions, openKeyv, type StoreBackend } from '../backend.js';
import { postgresConditional } from '../conditional.js';
import { keyvKv } from '../kv.js';
import { sqlClaims, sqlScanner, sqlTable } from './sql.js';

/**
 * Postgres (`postgres://…`, `postgresql://…`): prefix scans and claims in
 * SQL on the store's own pool; keyv's `setMany` is one statement already.
 */
export const postgres: StoreBackend = {
  name: 'postgres',
  schemes: ['postgres:', 'postgresql:'],
  async open(options: BackendOptions) {
    const keyv = openKeyv(await postgresAdapter(options), options);
    // keyv.store: the adapter behind its deadlines.
    const sql = sqlTable(keyv.store, 'postgres');
    return {
      keyv,
      kv: keyvKv(keyv, {
        scanPages: sqlScanner(keyv, sql, options.scanPages),
        conditional: postgresConditional(keyv),
      }),
      claims: (clock) => sqlClaims(sql, keyv.namespace ?? 'keyv', clock),
    };
  },
};

/**
 * Postgres with a pool of its own (not @keyv/postgres's process-wide one)
 * that survives a lost idle connection: pg emits `error` on the pool when the
 * server ends an idle client (a restart, a failover, `pg_terminate_backend`),
 * and with no listener that kills the process. The next query opens a new
 * connection. Connecting and each statement are bounded by the deadline, on
 * the server too, so a statement that timed out is cancelled, not applied later.
 */
async function postgresAdapter(options: BackendOptions): Promise<KeyvStoreAdapter> {
  const { url, table, warn, deadlineMs } = options;
  const [{ KeyvPostgres }, { default: pg }] = await Promise.all([
    import('@keyv/postgres'),
    import('pg'),
  ]);
  // One pool per store, outside the class: KeyvPostgres's constructor calls connect() before fields exist.
  let pool: InstanceType<typeof pg.Pool> | undefined;
  class GuardedPostgres extends KeyvPostgres {
    override async connect() {
      if (pool !== undefined) return run;
      pool = new pg.Pool({
        connectionString: url,
        connectionTimeoutMillis: deadlineMs,
        statement_timeout: deadlineMs,
        query_timeout: deadlineMs + 500,
      });
      pool.on('error', (error: Error & { code?: string }) =>
        warn(`a Postgres connection was lost (${error.code ?? error.name}); reconnecting`),
      );
      return run;
    }
    override async disconnect() {
      await pool?.end();
    }
  }
  const run = async (sql: string, values?: unknown) => {
    if (pool === undefined) throw new Error('the Postgres store is closed');
    return (await pool.query(sql, values as unknown[])).rows;
  };
  return new GuardedPostgres({ uri: url, table }) as unknown as KeyvStoreAdapter;
}
