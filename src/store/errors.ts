/** Something went wrong talking to the store; `cause` has the driver's error. */
export class StoreError extends Error {
  override name = 'StoreError';
}

/**
 * The store could not be reached, or did not answer in time. `reason` says
 * which: a refused call (`unreachable`) never reached the store, so nothing
 * was written; a call that timed out (`timeout`) may have reached it, and
 * `mayHaveWritten` says whether that call was a write.
 */
export class StoreUnavailableError extends StoreError {
  override name = 'StoreUnavailableError';
  readonly mayHaveWritten: boolean;
  constructor(
    message: string,
    readonly reason: 'unreachable' | 'timeout',
    options?: ErrorOptions & { write?: boolean },
  ) {
    super(message, options);
    this.mayHaveWritten = reason === 'timeout' && options?.write === true;
  }
}

// Driver errors that mean "the store is not there" and the call was not done:
// the connection was refused or lost, node-redis refused a command while
// offline (its queue is off), or SQLite stayed locked by another process.
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ETIMEDOUT',
  '57P01', // Postgres: admin_shutdown (pg_terminate_backend, a restart)
  '57P03', // Postgres: cannot_connect_now
  'SQLITE_BUSY', // another process holds the file's lock: the call was not done
]);
const UNREACHABLE_MESSAGES =
  /client is offline|client is closed|Connection terminated|connection timeout|timeout exceeded when trying to connect|not connected|Socket closed/i;

/** Whether a driver error means the store could not be reached (as opposed to a bad query or value). */
export function isUnreachable(error: unknown): boolean {
  if (error instanceof StoreUnavailableError) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) return true;
  if (error.name === 'ClientOfflineError' || error.name === 'ClientClosedError') return true;
  return UNREACHABLE_MESSAGES.test(error.message);
}
