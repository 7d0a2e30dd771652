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
 * Each backend makes them in its own store (see `OpenBackend.claims`):
 * Redis, a script on the key; Postgres and SQLite, a table beside keyv's.
 */
export type Claim = 'new' | 'takeover' | false;

export interface DigestClaims {
  /**
   * `new` when nobody had the key, `takeover` when an expired lease was taken
   * over (its holder may have sent before dying: check before sending), false
   * when the week is done or another holder's lease is live.
   */
  claim(key: string, leaseMs: number): Promise<Claim>;
  finish(key: string, state: 'sent' | 'failed', keepMs: number): Promise<void>;
  release(key: string): Promise<void>;
  /**
   * Removes what has expired: finished weeks past `keepMs`, and leases whose
   * holder died more than a week ago. Redis expires its keys itself.
   */
  sweep?(): Promise<number>;
  close?(): Promise<void>;
}

/** For one process only (the memory store, tests, the bench). */
export function memoryClaims(clock: () => number = Date.now): DigestClaims {
  const held = new Map<string, { state: string; expires: number }>();
  return {
    async claim(key, leaseMs) {
      const now = clock();
      const current = held.get(key);
      if (current && (current.state !== 'lease' || current.expires > now)) return false;
      held.set(key, { state: 'lease', expires: now + leaseMs });
      return current ? 'takeover' : 'new';
    },
    async finish(key, state, keepMs) {
      held.set(key, { state, expires: clock() + keepMs });
    },
    async release(key) {
      if (held.get(key)?.state === 'lease') held.delete(key);
    },
    async sweep() {
      const now = clock();
      let removed = 0;
      for (const [key, { state, expires }] of held) {
        if (expires < (state === 'lease' ? now - KEEP_LEASE_KEY_MS : now)) {
          held.delete(key);
          removed++;
        }
      }
      return removed;
    },
  };
}

/** How long a lease's key outlives its lease, so that a takeover knows to look in the DM first. */
export const KEEP_LEASE_KEY_MS = 8 * 24 * 60 * 60_000;
