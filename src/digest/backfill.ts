import type { LedgerKv } from '../ledger/index.js';
import type { DigestClaims } from '../store/claims.js';
import { ledgerOwner } from '../store/scope.js';
import { joinRoster } from './roster.js';

/**
 * Set once the sweep has run in a store. Bump the version to run a new sweep.
 */
export const BACKFILL_MARKER = 'digest/backfill/v1';
const BACKFILL_CLAIM = 'backfill:v1';
const BACKFILL_LEASE_MS = 30 * 60_000;
const FOREVER_MS = 10 * 365 * 24 * 60 * 60_000;

export interface BackfillDeps {
  kv: LedgerKv;
  claims: DigestClaims;
}

/**
 * Puts on the roster every user who has a ledger but no roster record (their
 * ledger came from before the roster existed, or from the command-line
 * import of an older version), once per store. The marker makes later starts
 * cost one read; a claim in the store lets only one of two instances starting
 * together do the work, and a sweep that dies is taken over after its lease.
 * Users already on the roster are left as they set it. Returns how many were
 * added, or undefined when another instance has it, or it was done before.
 */
export async function backfillRoster(deps: BackfillDeps): Promise<number | undefined> {
  if ((await deps.kv.get(BACKFILL_MARKER)) !== undefined) return undefined;
  if ((await deps.claims.claim(BACKFILL_CLAIM, BACKFILL_LEASE_MS)) === false) return undefined;
  try {
    let added = 0;
    // A user's ledger keys come one after another in SQL stores (key order);
    // a small bounded memory of users seen saves repeated reads elsewhere.
    const seen = new Set<string>();
    for (const top of ['t/', 'e/']) {
      for await (const [key] of deps.kv.scan(top)) {
        const owner = ledgerOwner(key);
        if (!owner || seen.has(owner.prefix)) continue;
        if (seen.size >= 1000) seen.clear();
        seen.add(owner.prefix);
        if (await joinRoster(deps.kv, owner.scope)) added++;
      }
    }
    await deps.kv.set(BACKFILL_MARKER, { done: true });
    await deps.claims.finish(BACKFILL_CLAIM, 'sent', FOREVER_MS);
    return added;
  } catch (error) {
    await deps.claims.release(BACKFILL_CLAIM).catch(() => {});
    throw error;
  }
}
