/**
 * Messages between the main thread and the digest pass thread, gathered and
 * sent together once per turn of the event loop. Each message posted to a
 * thread that is waiting wakes it (a system call, and on a busy machine the
 * CPU handed over): with one message per Slack call and per answer, that
 * round trip cost the main thread more than the Slack call itself.
 */
export function batched<T>(post: (items: T[]) => void): (item: T) => void {
  let queued: T[] = [];
  const flush = () => {
    const items = queued;
    queued = [];
    post(items);
  };
  return (item) => {
    // After the callbacks of this turn (their answers and calls join the same message).
    if (queued.length === 0) setImmediate(flush);
    queued.push(item);
  };
}
