/** What {@link withTimeout} gives when the work did not finish in time. */
export const TIMED_OUT: unique symbol = Symbol('timed out');

/**
 * `work`'s value, or {@link TIMED_OUT} once `ms` have passed without it. The
 * timer is cleared as soon as either comes and never keeps the process alive.
 * `work` goes on: whoever still holds it can wait for it, and a failure after
 * the deadline is not reported here (it is handled, so it is never unhandled).
 */
export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
    timer.unref?.();
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
