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
