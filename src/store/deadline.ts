import { isUnreachable, StoreUnavailableError } from './errors.js';

/**
 * How long one store call may take. Slack waits 3 s for an answer; a command
 * makes its first store calls side by side, so one deadline leaves time to
 * say "I could not reach your ledger" within that.
 */
export const STORE_DEADLINE_MS = 2000;

/**
 * `work`, or a {@link StoreUnavailableError} once `ms` have passed (reason
 * `timeout`) or when the driver says the store cannot be reached (reason
 * `unreachable`). Other errors (a bad query, a bad value) pass through as they are.
 * The timer never keeps the process alive.
 */
export async function withTimeout<T>(
  work: Promise<T>,
  what: string,
  ms: number = STORE_DEADLINE_MS,
  /** Whether `work` writes: a write that timed out may still land. */
  write = false,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new StoreUnavailableError(`the store did not answer ${what} within ${ms} ms`, 'timeout', {
            write,
          }),
        ),
      ms,
    );
    timer.unref?.();
  });
  try {
    return await Promise.race([work, late]);
  } catch (error) {
    if (error instanceof StoreUnavailableError || !isUnreachable(error)) throw error;
    throw new StoreUnavailableError(`the store could not be reached for ${what}`, 'unreachable', {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
    // A call that lost the race may still fail later: that failure is already reported.
    work.catch(() => {});
  }
}

// The adapter calls that reach the store; each gets the deadline.
const STORE_CALLS = new Set([
  'get',
  'set',
  'delete',
  'getMany',
  'setMany',
  'deleteMany',
  'has',
  'hasMany',
  'clear',
  'query',
  'disconnect',
]);

// Of those, the ones that change the store: if one times out, it may still land.
const WRITES = new Set(['set', 'setMany', 'delete', 'deleteMany', 'clear']);

/**
 * The adapter with a deadline on every call that reaches the store, so that
 * a hung or unreachable store costs a caller at most {@link STORE_DEADLINE_MS}
 * and a typed error, whoever calls it (the ledger, the settings, the digest).
 * Everything else (options, the Redis client, events) is the adapter's own.
 */
export function withDeadlines<A extends object>(adapter: A, ms = STORE_DEADLINE_MS): A {
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(adapter, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || !STORE_CALLS.has(String(property))) return value;
      let fn = wrapped.get(property) as ((...args: unknown[]) => unknown) | undefined;
      if (fn === undefined || (fn as { original?: unknown }).original !== value) {
        const original = value as (...args: unknown[]) => unknown;
        fn = Object.assign(
          (...args: unknown[]) =>
            withTimeout(
              Promise.resolve().then(() => original.apply(receiver, args)),
              String(property),
              ms,
              WRITES.has(String(property)),
            ),
          { original },
        );
        wrapped.set(property, fn);
      }
      return fn;
    },
  });
}
