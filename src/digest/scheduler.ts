import { Cron } from 'croner';
import { errorName } from '../errors.js';
import { type DigestRunDeps, type DigestRunResult, runDigests } from './pass.js';

export interface DigestScheduler {
  /** Runs one pass now (tests, and the first pass at start). */
  tick(): Promise<DigestRunResult | undefined>;
  /** Stops the timer and waits for a pass under way to end. */
  stop(): Promise<void>;
}

/**
 * Ticks once a minute (croner, `protect` so a slow pass is never overlapped
 * by the next) and sends the digests that are due. Each user's own time zone
 * is applied per user by `dueFor`; the cron pattern only sets the tick.
 * Failures of a whole pass (the store down) are logged and retried at the
 * next tick.
 */
export interface DigestSchedulerOptions {
  /** croner pattern of the tick; every minute by default (tests tick every second). */
  pattern?: string;
  /** Told after each pass, with its result (undefined when the pass failed). */
  onPass?: (result: DigestRunResult | undefined) => void;
  /** Runs a pass somewhere else (the digest thread); `runDigests(deps)` here by default. */
  runPass?: () => Promise<DigestRunResult>;
}

export const DEFAULT_TICK_PATTERN = '* * * * *';

export function startDigestScheduler(
  deps: DigestRunDeps,
  options: DigestSchedulerOptions = {},
): DigestScheduler {
  let running: Promise<DigestRunResult | undefined> | undefined;
  let stopped = false;
  const tick = () => {
    if (stopped) return Promise.resolve(undefined);
    running ??= (options.runPass ? options.runPass() : runDigests(deps))
      .then((result) => {
        if (result.sent + result.failed > 0) {
          deps.logger.info(`digest: sent ${result.sent}, failed ${result.failed}`);
        }
        return result;
      })
      .catch((error: unknown) => {
        deps.logger.error(`digest: pass failed: ${errorName(error)}`);
        return undefined;
      })
      .then((result) => {
        options.onPass?.(result);
        return result;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const job = new Cron(
    options.pattern ?? DEFAULT_TICK_PATTERN,
    { protect: true, unref: true },
    async () => {
      await tick();
    },
  );
  return {
    tick,
    async stop() {
      stopped = true;
      job.stop();
      await running;
    },
  };
}
