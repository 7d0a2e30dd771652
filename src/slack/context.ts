import type { Logger } from '@slack/bolt';
import { LRUCache } from 'lru-cache';
import { type DigestClaims, storeClaims } from '../digest/claims.js';
import { joinRoster, leaveRoster } from '../digest/run.js';
import type { Drafter } from '../draft/index.js';
import {
  budgetLine,
  keyvLedgerKv,
  type LedgerEntry,
  LedgerRepository,
  type LedgerSettings,
  type LedgerStatus,
  scopePrefix,
  statusFrom,
} from '../ledger/index.js';
import { DEFAULT_ACCOUNT, SETTINGS } from '../store/records.js';
import { type Scope, scopedKey } from '../store/scope.js';
import { getAccount, setAccount } from '../store/settings.js';
import type { Store } from '../store/store.js';
import type { Account } from '../types.js';

/**
 * How long a user's account type is trusted from memory. A change made through
 * this process is seen at once; one made through another instance (several
 * HTTP instances behind a load balancer) within this time.
 */
export const ACCOUNT_CACHE_TTL_MS = 60_000;

/** What handlers need besides Bolt's arguments. */
export interface Deps {
  store: Store;
  /** Each user's invitations, in the same store (keys under the user's scope). */
  ledger: LedgerRepository;
  /** Templates always; an LLM on top when configured. */
  drafter: Drafter;
  /** The edge's clock: handlers pass `now` to the pure policy from here. */
  clock: () => Date;
  /** Account types by store key, so a check costs no store round trip. */
  accounts: LRUCache<string, Account>;
  /**
   * Users whose ledger was empty when last read, by ledger prefix, so that a
   * check by someone who never logged a send costs no ledger read. Logging a
   * send through this process clears the mark at once; one logged through
   * another instance is seen within {@link ACCOUNT_CACHE_TTL_MS}.
   */
  emptyLedgers: LRUCache<string, true>;
  /** Short locks in the store, so that two outcomes pressed at once on one invitation record one. */
  outcomeLocks: DigestClaims;
}

export function createDeps(
  store: Store,
  drafter: Drafter,
  clock: () => Date = () => new Date(),
  logger?: Pick<Logger, 'warn'>,
): Deps {
  return {
    store,
    drafter,
    // One unreadable record leaves that record out (logged by key, ids only), never the whole ledger.
    ledger: new LedgerRepository(keyvLedgerKv(store.keyv), {
      clock,
      onSkipped: (key, why) =>
        (logger ?? console).warn(
          `ledger: left out ${why === 'newer' ? 'a newer' : 'an unreadable'} record at ${key}`,
        ),
    }),
    clock,
    accounts: new LRUCache({ max: 10_000, ttl: ACCOUNT_CACHE_TTL_MS }),
    emptyLedgers: new LRUCache({ max: 10_000, ttl: ACCOUNT_CACHE_TTL_MS }),
    // Real time, not the handlers' clock: a lock's expiry is the store's business, not policy.
    outcomeLocks: storeClaims(store.keyv),
  };
}

/**
 * The user's ledger judged by the policy, with the account type the user chose
 * in the Slack settings (the one source of it; the ledger's own copy is ignored).
 */
export async function ledgerStatus(
  deps: Deps,
  scope: Scope,
  account: Account,
): Promise<LedgerStatus> {
  const now = deps.clock();
  const { summary, settings } = await deps.ledger.summary(scope, now);
  return statusFrom(summary, { ...settings, account }, now);
}

/**
 * The user's account type for a check. A store that fails or is slow must not
 * cost the user their answer (Slack gives us 3 seconds): after `timeoutMs` or an
 * error we check against the default and log the failure (ids only).
 */
export async function accountFor(
  deps: Deps,
  scope: Scope,
  logger: Logger,
  timeoutMs = 1500,
): Promise<Account> {
  let key: string;
  try {
    key = scopedKey(scope, 'settings');
  } catch (error) {
    logger.error(`settings read refused for user ${scope.userId}: ${(error as Error).name}`);
    return DEFAULT_ACCOUNT;
  }
  const cached = deps.accounts.get(key);
  if (cached) return cached;

  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => {
      logger.warn(`settings read timed out for user ${scope.userId}; using ${DEFAULT_ACCOUNT}`);
      resolve(undefined);
    }, timeoutMs);
  });
  try {
    const account = await Promise.race([getAccount(deps.store, scope), timeout]);
    if (account === undefined) return DEFAULT_ACCOUNT;
    deps.accounts.set(key, account);
    return account;
  } catch (error) {
    logger.error(`settings read failed for user ${scope.userId}: ${(error as Error).name}`);
    return DEFAULT_ACCOUNT;
  } finally {
    clearTimeout(timer);
  }
}

/** Stores the user's choice and remembers it for the next check. */
export async function chooseAccount(deps: Deps, scope: Scope, account: Account): Promise<void> {
  await setAccount(deps.store, scope, account);
  deps.accounts.set(scopedKey(scope, 'settings'), account);
  joinDigest(deps, scope);
}

/** The user's ledger with the account type from the Slack settings, as the policy judges it. */
export async function ledgerSnapshot(
  deps: Deps,
  scope: Scope,
  account: Account,
): Promise<{ entries: LedgerEntry[]; settings: LedgerSettings }> {
  const { entries, settings } = await deps.ledger.snapshot(scope);
  return { entries, settings: { ...settings, account } };
}

/** Call after logging a send: the user has a ledger now, so checks show the budget line. */
export function ledgerWritten(deps: Deps, scope: Scope): void {
  try {
    deps.emptyLedgers.delete(scopePrefix(scope));
  } catch {
    // An unusable scope has no ledger to mark.
  }
  joinDigest(deps, scope);
}

/** A user who has used the bot gets the weekly digest: on the roster once, left as they set it. */
function joinDigest(deps: Deps, scope: Scope): void {
  void joinRoster(deps.store.keyv, scope).catch(() => {});
}

export interface AccountAndBudget {
  account: Account;
  budget: string | undefined;
  /** Personalised notes left this month on Basic, for a user with a ledger (null on Premium). */
  notesLeft?: number | null;
}

/**
 * The account type and, for a user who has a ledger, the budget line ("This
 * week 37/100 · 212 pending · 2 personalised notes left this month"), read
 * together so the ledger costs a check no extra round trip in sequence. A
 * user known to have an empty ledger costs no ledger read at all. A ledger
 * read that fails or takes longer than `timeoutMs` gives no budget line, never
 * a lost check (ids only are logged).
 */
export async function accountAndBudget(
  deps: Deps,
  scope: Scope,
  logger: Logger,
  timeoutMs = 1500,
): Promise<AccountAndBudget> {
  let prefix: string | undefined;
  try {
    prefix = scopePrefix(scope);
  } catch {
    prefix = undefined;
  }
  if (prefix === undefined || deps.emptyLedgers.has(prefix)) {
    // No ledger to read: the account alone (cached after the first check), no timer to set.
    return { account: await accountFor(deps, scope, logger), budget: undefined };
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  // The stored summary, not every entry: a heavy user's check costs what a new user's does.
  const now = deps.clock();
  const read = Promise.race([deps.ledger.summary(scope, now), timeout]).catch((error: unknown) => {
    logger.error(`ledger read failed for user ${scope.userId}: ${(error as Error).name}`);
    return undefined;
  });
  try {
    const [account, snapshot] = await Promise.all([accountFor(deps, scope, logger), read]);
    if (snapshot === 'timeout') {
      logger.warn(`ledger read timed out for user ${scope.userId}; no budget line`);
      return { account, budget: undefined };
    }
    if (snapshot === undefined) return { account, budget: undefined };
    if (snapshot.summary.entries === 0) {
      deps.emptyLedgers.set(prefix, true);
      return { account, budget: undefined };
    }
    const summary = statusFrom(snapshot.summary, { ...snapshot.settings, account }, now);
    return { account, budget: budgetLine(summary), notesLeft: summary.notes.left };
  } finally {
    clearTimeout(timer);
  }
}

/** Deletes everything held about the user: the ledger, the settings, and the cached account type. */
export async function forgetUser(deps: Deps, scope: Scope): Promise<number> {
  const ledgerRecords = await deps.ledger.forgetUser(scope);
  const settings = (await deps.store.delete(scope, SETTINGS)) ? 1 : 0;
  await leaveRoster(deps.store.keyv, scope).catch(() => {});
  deps.accounts.delete(scopedKey(scope, 'settings'));
  return ledgerRecords + settings;
}
