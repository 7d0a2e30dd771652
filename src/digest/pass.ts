import { LedgerRecordError, type LedgerRepository } from '../ledger/index.js';
import type { DigestClaims } from '../store/claims.js';
import type { LedgerKv } from '../store/kv.js';
import { digestClaimKey, type Scope } from '../store/scope.js';
import {
  type DigestState,
  getDigestState,
  ROSTER_PREFIX,
  RosterRecord,
  rosterScope,
  updateDigestState,
} from './roster.js';
import { type DigestSchedule, dueFor, type IsoDay } from './schedule.js';
import { alreadyInDm, type DigestClient, type DigestRenderer, sendDigest } from './send.js';

/** How long a time zone read from `users.info` is trusted before it is read again. */
export const ZONE_MAX_AGE_MS = 7 * 24 * 60 * 60_000;

export interface DigestLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface DigestRunDeps {
  kv: LedgerKv;
  ledger: LedgerRepository;
  claims: DigestClaims;
  client: DigestClient;
  clock: () => Date;
  logger: DigestLogger;
  render: DigestRenderer;
  /** How long a claim holds before another process may take it over (a crashed holder). */
  leaseMs?: number;
  /** Users being sent to at once. */
  concurrency?: number;
  /**
   * Known time zones read again from `users.info` per pass at most (a user
   * with none is always asked). Slack allows users.info about 100 times a
   * minute; a week's refreshes then spread over the week instead of all
   * landing on the Monday 09:00 pass.
   */
  zoneRefreshesPerPass?: number;
}

export interface DigestRunResult {
  sent: number;
  failed: number;
  skipped: number;
}

export const DEFAULT_LEASE_MS = 10 * 60_000;
export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_ZONE_REFRESHES_PER_PASS = 50;
const KEEP_MS = 60 * 24 * 60 * 60_000;

/**
 * Errors that will not go away by retrying this week: Slack refusing the DM
 * for good, or data that cannot be read (a retry every minute reads the same
 * bytes). Log, mark the week, go on.
 */
function permanent(error: unknown): string | undefined {
  const e = error as { code?: string; data?: { error?: string } };
  if (e?.code === 'slack_webapi_platform_error') return e.data?.error ?? 'platform_error';
  if (error instanceof LedgerRecordError || error instanceof SyntaxError) return 'unreadable data';
  return undefined;
}

export function claimKey(scope: Scope, week: string): string {
  return digestClaimKey(scope, week);
}

/**
 * One pass over the roster: every user whose digest is due this week and not
 * yet sent gets it, once. Users are streamed from the store, `concurrency` at
 * a time. Each one is claimed in the store before sending and marked after,
 * so two instances, or a run that starts again after a crash, skip what is
 * done or being done. A user whose DM fails for good (deactivated, DM
 * closed) is logged by id and marked failed for the week; any other failure
 * gives the claim back for the next tick.
 */
export async function runDigests(deps: DigestRunDeps): Promise<DigestRunResult> {
  let refreshes = deps.zoneRefreshesPerPass ?? DEFAULT_ZONE_REFRESHES_PER_PASS;
  const pass: Pass = {
    deps,
    // One instant for the whole pass: who is due is decided as of its start
    // (anyone whose hour comes while it runs is picked up by the next tick).
    now: deps.clock(),
    leaseMs: deps.leaseMs ?? DEFAULT_LEASE_MS,
    mayRefresh: () => refreshes-- > 0,
    result: { sent: 0, failed: 0, skipped: 0 },
  };
  const inflight = new Set<Promise<void>>();
  const limit = Math.max(1, deps.concurrency ?? DEFAULT_CONCURRENCY);

  // Finished weeks past their keep time leave the claims table (indexed, cheap).
  await deps.claims.sweep?.().catch((error: unknown) => {
    deps.logger.warn(`digest: could not remove expired claims: ${(error as Error).name}`);
  });

  for await (const [key, value] of deps.kv.scan(ROSTER_PREFIX)) {
    const parsed = RosterRecord.safeParse(value);
    if (!parsed.success) {
      deps.logger.warn(`digest: ignored an invalid roster record at ${key}`);
      continue;
    }
    const task: Promise<void> = digestFor(pass, parsed.data)
      .catch((error: unknown) => {
        deps.logger.error(`digest: user ${parsed.data.userId}: ${(error as Error).name}`);
        pass.result.failed++;
      })
      .finally(() => inflight.delete(task));
    inflight.add(task);
    if (inflight.size >= limit) await Promise.race(inflight);
  }
  await Promise.all(inflight);
  return pass.result;
}

/** What every user of one pass shares: its deps, its instant, its budget of zone refreshes, its counts. */
interface Pass {
  deps: DigestRunDeps;
  now: Date;
  leaseMs: number;
  mayRefresh: () => boolean;
  result: DigestRunResult;
}

/** The week the user's digest is due for as of the pass (none: off, no zone, or sent). */
async function dueWeek(
  pass: Pass,
  record: RosterRecord,
): Promise<{ week: string; state: DigestState } | undefined> {
  if (!record.enabled) return undefined;
  const { deps, now } = pass;
  const { timeZone, state } = await zoneFor(
    deps,
    record,
    await getDigestState(deps.kv, rosterScope(record)),
    now,
    pass.mayRefresh,
  );
  if (timeZone === undefined) return undefined;
  const schedule: DigestSchedule = {
    enabled: record.enabled,
    day: record.day as IsoDay,
    hour: record.hour,
    timeZone,
  };
  const week = dueFor(schedule, state.lastSentWeek ?? record.lastSentWeek, now);
  return week === undefined ? undefined : { week, state };
}

/** One user's turn in the pass: claimed, sent (unless a dead holder already had), marked. */
async function digestFor(pass: Pass, record: RosterRecord): Promise<void> {
  const { deps, now, result } = pass;
  const due = await dueWeek(pass, record);
  if (due === undefined) {
    result.skipped++;
    return;
  }
  const { week, state } = due;
  const scope = rosterScope(record);
  const markSent = () =>
    updateDigestState(deps.kv, scope, { lastSentWeek: week }, state).catch(() => {});
  const key = claimKey(scope, week);
  const claim = await deps.claims.claim(key, pass.leaseMs);
  if (claim === false) {
    result.skipped++;
    return;
  }
  try {
    // A week's digest is posted in that week: eight days back holds it, however busy the DM.
    const since = new Date(now.getTime() - 8 * 24 * 60 * 60_000);
    if (claim === 'takeover' && (await alreadyInDm(deps.client, record.userId, week, since))) {
      await deps.claims.finish(key, 'sent', KEEP_MS);
      await markSent();
      result.skipped++;
      return;
    }
    await sendDigest(deps, scope, week);
  } catch (error) {
    const reason = permanent(error);
    if (reason === undefined) {
      deps.logger.error(`digest: send to user ${record.userId} failed: ${(error as Error).name}`);
      await deps.claims.release(key).catch(() => {});
      result.failed++;
      return;
    }
    deps.logger.warn(`digest: user ${record.userId} not reachable (${reason}); skipped this week`);
    await deps.claims.finish(key, 'failed', KEEP_MS);
    await markSent();
    result.failed++;
    return;
  }
  await deps.claims.finish(key, 'sent', KEEP_MS);
  await markSent();
  result.sent++;
}

/**
 * The user's time zone for this pass: the one `users.info` gave, read again
 * once it is older than {@link ZONE_MAX_AGE_MS} (people move, and travel)
 * while `mayRefresh` allows. When Slack cannot be asked, a zone already known
 * is used as it is; with none at all the user is skipped until a later pass.
 */
async function zoneFor(
  deps: Pick<DigestRunDeps, 'kv' | 'client' | 'logger'>,
  record: RosterRecord,
  state: DigestState,
  now: Date,
  mayRefresh: () => boolean,
): Promise<{ timeZone: string | undefined; state: DigestState }> {
  const checkedAt = state.zoneCheckedAt ? Date.parse(state.zoneCheckedAt) : Number.NaN;
  if (state.timeZone !== undefined && now.getTime() - checkedAt < ZONE_MAX_AGE_MS)
    return { timeZone: state.timeZone, state };
  const known = state.timeZone ?? record.timeZone;
  if (known !== undefined && !mayRefresh()) return { timeZone: known, state };
  const checked = { zoneCheckedAt: now.toISOString() };
  try {
    const info = await deps.client.users.info({ user: record.userId });
    const timeZone = info.user?.tz ?? known ?? 'UTC';
    const changed = { ...checked, timeZone };
    return {
      timeZone,
      state: await updateDigestState(deps.kv, rosterScope(record), changed, state),
    };
  } catch (error) {
    if (known === undefined) {
      deps.logger.warn(
        `digest: no time zone for user ${record.userId}: ${permanent(error) ?? (error as Error).name}`,
      );
      return { timeZone: undefined, state };
    }
    // Keep the zone known for another while rather than ask Slack every tick.
    const changed = { ...checked, timeZone: known };
    return {
      timeZone: known,
      state: await updateDigestState(deps.kv, rosterScope(record), changed, state).catch(
        () => state,
      ),
    };
  }
}
