import { StoreUnavailableError } from './errors.js';
import type { Store } from './store.js';

/** Where a store URL points, without credentials: `redis://cache:6379`, `sqlite:///data/x.sqlite`. */
export function storeWhere(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'sqlite:') return url;
    return `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return 'the configured store';
  }
}

export interface StoreWatch {
  /** Resolves after the first check (reachable or not). */
  readonly checked: Promise<boolean>;
  stop(): void;
}

/**
 * Checks the store at start and says in one line when it cannot be reached;
 * then keeps checking every `intervalMs` until it answers, and says so once.
 * Requests meanwhile fail within their deadline with "I could not reach your
 * ledger" (the drivers reconnect by themselves; this only tells the operator).
 */
export function watchStore(
  store: Store,
  url: string,
  log: { warn(line: string): void; info(line: string): void },
  intervalMs = 5000,
): StoreWatch {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const ping = () =>
    store.ping().then(
      () => true,
      (error: unknown) => {
        if (!(error instanceof StoreUnavailableError)) return true; // it answered, with an error
        return false;
      },
    );
  const retry = () => {
    if (stopped) return;
    timer = setTimeout(async () => {
      if (await ping()) {
        if (!stopped) log.info(`invite-coach: the store at ${storeWhere(url)} is reachable now`);
      } else retry();
    }, intervalMs);
    timer.unref();
  };
  const checked = ping().then((ok) => {
    if (!ok) {
      log.warn(
        `invite-coach: the store at ${storeWhere(url)} is unreachable; ledger commands will say so, and I keep retrying every ${Math.round(intervalMs / 1000)} s`,
      );
      retry();
    }
    return ok;
  });
  return {
    checked,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
