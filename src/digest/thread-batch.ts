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

/**
 * Runs at most `limit` tasks at once and the rest in the order they came,
 * each started on this thread as soon as one before it ends. The pass thread
 * sends its Slack calls ahead of their turn, so the main thread never waits
 * on a round trip to it for the next call to make.
 */
export class TurnQueue<T> {
  limit = Number.POSITIVE_INFINITY;
  #running = 0;
  readonly #waiting: T[] = [];
  readonly #run: (item: T) => Promise<void>;

  constructor(run: (item: T) => Promise<void>) {
    this.#run = run;
  }

  push(item: T): void {
    this.#waiting.push(item);
    this.#next();
  }

  /** Drops what has not started (its thread is gone). */
  clear(): void {
    this.#waiting.length = 0;
  }

  #next(): void {
    while (this.#running < this.limit && this.#waiting.length > 0) {
      const item = this.#waiting.shift() as T;
      this.#running++;
      const done = () => {
        this.#running--;
        this.#next();
      };
      this.#run(item).then(done, done);
    }
  }
}
