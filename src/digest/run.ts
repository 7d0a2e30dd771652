import { z } from 'zod';
import { type LedgerKv, LedgerRecordError, type LedgerRepository } from '../ledger/index.js';
import type { DigestClaims } from '../store/claims.js';
import { UNREADABLE } from '../store/kv.js';
import {
  digestClaimKey,
  digestStateKey,
  ROSTER_PREFIX,
  rosterKey,
  type Scope,
  SLACK_ID,
} from '../store/scope.js';
import { buildDigest, type DigestContent } from './build.js';
import {
  DAY_NAMES,
  DEFAULT_DIGEST_DAY,
  DEFAULT_DIGEST_HOUR,
  type DigestSchedule,
  dueFor,
  type IsoDay,
} from './schedule.js';

/**
 * Who gets a digest: one record per user who has used the bot, under one
 * prefix so the scheduler can stream them (`digest/roster/t/<team>/u/<user>`).
 * The record is the user's: their schedule, written only when they change it.
 * What the scheduler learns (the week last sent, the zone from `users.info`)
 * goes in a record of its own under `digest/state/…`, so that a pass can never
 * write back a stale copy over a change the user makes at the same moment.
 * `lastSentWeek` only saves a claim round trip; the claims are what make a
 * week's digest go once.
 */
export { ROSTER_PREFIX, rosterKey };

/** How long a time zone read from `users.info` is trusted before it is read again. */
export const ZONE_MAX_AGE_MS = 7 * 24 * 60 * 60_000;

export const RosterRecord = z.object({
  enterpriseId: z.string().regex(SLACK_ID).optional(),
  teamId: z.string().regex(SLACK_ID).optional(),
  userId: z.string().regex(SLACK_ID),
  enabled: z.boolean().default(true),
  day: z.number().int().min(1).max(7).default(DEFAULT_DIGEST_DAY),
  hour: z.number().int().min(0).max(23).default(DEFAULT_DIGEST_HOUR),
  /** From `users.info` when the user first asked about their digest (shown to them). */
  timeZone: z.string().optional(),
  /** Written by schedulers before the state record existed; read as a fallback. */
  lastSentWeek: z.string().optional(),
});
export type RosterRecord = z.infer<typeof RosterRecord>;

/** What the scheduler keeps about a user: written by passes only, never by the user. */
export const DigestState = z.object({
  lastSentWeek: z.string().optional(),
  timeZone: z.string().optional(),
  /** When `timeZone` was read from `users.info` (ISO instant). */
  zoneCheckedAt: z.string().optional(),
});
export type DigestState = z.infer<typeof DigestState>;

/** The scheduler's record for the user (empty when it has none). */
export async function getDigestState(kv: LedgerKv, scope: Scope): Promise<DigestState> {
  const raw = await getDecoded(kv, digestStateKey(scope));
  // Nothing yet is the common case on a first pass: no zod error to build for it.
  if (raw === undefined) return {};
  const parsed = DigestState.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

/**
 * Changes the scheduler's record. Only passes write it, and what they write
 * is the same whichever pass writes it (the week sent, the zone Slack gave),
 * so a lost race here costs at most a repeated claim or `users.info` call.
 */
async function updateDigestState(
  kv: LedgerKv,
  scope: Scope,
  change: Partial<DigestState>,
  current?: DigestState,
): Promise<DigestState> {
  const base = current ?? (await getDigestState(kv, scope));
  const state = DigestState.parse({ ...base, ...change });
  await kv.set(digestStateKey(scope), state);
  return state;
}

/**
 * The user's roster record, if they have one, with the time zone the
 * scheduler last read from Slack when it has one (what the digest follows,
 * so what the Home tab and `/invite-coach digest` should show).
 */
export async function getRoster(kv: LedgerKv, scope: Scope): Promise<RosterRecord | undefined> {
  const [record, state] = await Promise.all([readRoster(kv, scope), getDigestState(kv, scope)]);
  if (record === undefined) return undefined;
  return state.timeZone ? { ...record, timeZone: state.timeZone } : record;
}

/** The user's own roster record as stored, without the scheduler's state. */
async function readRoster(kv: LedgerKv, scope: Scope): Promise<RosterRecord | undefined> {
  const parsed = RosterRecord.safeParse(await getDecoded(kv, rosterKey(scope)));
  return parsed.success ? parsed.data : undefined;
}

/**
 * Puts the user on the roster (default schedule) or changes their schedule:
 * the user's own changes only (the scheduler writes its state elsewhere).
 */
export async function enrollDigest(
  kv: LedgerKv,
  scope: Scope,
  change: Partial<Pick<RosterRecord, 'enabled' | 'day' | 'hour' | 'timeZone'>> = {},
): Promise<RosterRecord> {
  const current = await readRoster(kv, scope);
  const record = RosterRecord.parse({
    ...current,
    ...(scope.enterpriseId ? { enterpriseId: scope.enterpriseId } : {}),
    ...(scope.teamId ? { teamId: scope.teamId } : {}),
    userId: scope.userId,
    ...change,
  });
  await kv.set(rosterKey(scope), record);
  return record;
}

/**
 * A user who has used the bot (a send logged, an export imported) joins the
 * roster once with the default schedule; one already on it is left as they set it.
 */
export async function joinRoster(kv: LedgerKv, scope: Scope): Promise<boolean> {
  if (await readRoster(kv, scope)) return false;
  await enrollDigest(kv, scope);
  return true;
}

export async function leaveRoster(kv: LedgerKv, scope: Scope): Promise<void> {
  await kv.delete(rosterKey(scope));
  await kv.delete(digestStateKey(scope));
}

/**
 * The part of the Slack Web API the digest uses (Bolt's `app.client` fits:
 * its WebClient sends a string argument as it is).
 */
export interface DigestClient {
  chat: {
    postMessage(args: {
      channel: string;
      text: string;
      /**
       * The Block Kit blocks as JSON text. Slack takes the arguments
       * form-encoded, blocks as a JSON string; given an array, @slack/web-api
       * walks and stringifies it for its debug log (even when debug is off)
       * and again to send it, a large share of a digest's cost.
       */
      blocks: string;
      metadata?: { event_type: string; event_payload: Record<string, string> };
    }): Promise<unknown>;
  };
  conversations: {
    open(args: { users: string }): Promise<{ channel?: { id?: string } }>;
    history(args: {
      channel: string;
      limit: number;
      include_all_metadata: boolean;
      oldest?: string;
      cursor?: string;
    }): Promise<{
      messages?: Array<{ metadata?: { event_type?: string; event_payload?: unknown } }>;
      has_more?: boolean;
      response_metadata?: { next_cursor?: string };
    }>;
  };
  users: { info(args: { user: string }): Promise<{ user?: { tz?: string } }> };
}

export interface DigestLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/**
 * The digest as the message to post, from what `buildDigest` computed: the
 * Slack side's builder (`slack/blocks/digest-message.ts`), handed in so that
 * this layer builds no Block Kit.
 */
export type DigestRenderer = (
  content: DigestContent,
  now: Date,
) => { text: string; blocks: readonly unknown[] };

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

/** A record, with a value that cannot be decoded read as absent (the roster and state are rewritten whole). */
async function getDecoded(kv: LedgerKv, key: string): Promise<unknown> {
  const value = await kv.get(key);
  return value === UNREADABLE ? undefined : value;
}

function scopeOf(record: RosterRecord): Scope {
  return { enterpriseId: record.enterpriseId, teamId: record.teamId, userId: record.userId };
}

export function claimKey(scope: Scope, week: string): string {
  return digestClaimKey(scope, week);
}

/** Builds and sends one user's digest now (`/invite-coach digest now` and the scheduler). */
export const DIGEST_EVENT = 'invite_coach_digest';

/** The most of a DM's history a takeover reads (200 messages a page). */
const MAX_HISTORY_PAGES = 25;

/**
 * Whether this week's digest is already in the user's DM: asked only when a
 * claim was taken over from a holder that died, which may have posted just
 * before. Each digest carries its week in the message metadata. The history
 * is paged back to `since` (when the week's digest could first have been
 * posted), so a DM busy with checked notes since then still shows it.
 */
export async function alreadyInDm(
  client: DigestClient,
  userId: string,
  week: string,
  since?: Date,
): Promise<boolean> {
  const dm = await client.conversations.open({ users: userId });
  const channel = dm.channel?.id;
  if (!channel) return false;
  let cursor: string | undefined;
  for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
    const history = await client.conversations.history({
      channel,
      limit: 200,
      include_all_metadata: true,
      ...(since ? { oldest: (since.getTime() / 1000).toFixed(6) } : {}),
      ...(cursor ? { cursor } : {}),
    });
    const found = (history.messages ?? []).some(
      (m) =>
        m.metadata?.event_type === DIGEST_EVENT &&
        (m.metadata.event_payload as { week?: unknown } | undefined)?.week === week,
    );
    if (found) return true;
    cursor = history.response_metadata?.next_cursor || undefined;
    if (cursor === undefined) return false;
  }
  return false;
}

export async function sendDigest(
  deps: Pick<DigestRunDeps, 'ledger' | 'client' | 'clock' | 'render'>,
  scope: Scope,
  week?: string,
): Promise<void> {
  const now = deps.clock();
  const { entries, settings } = await deps.ledger.snapshot(scope);
  const digest = deps.render(buildDigest(entries, settings, now), now);
  await deps.client.chat.postMessage({
    channel: scope.userId,
    text: digest.text,
    // As JSON text, which is what a form-encoded post carries: the Web API
    // client would otherwise serialise the array more than once.
    blocks: JSON.stringify(digest.blocks),
    ...(week ? { metadata: { event_type: DIGEST_EVENT, event_payload: { week } } } : {}),
  });
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
  const result: DigestRunResult = { sent: 0, failed: 0, skipped: 0 };
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  const inflight = new Set<Promise<void>>();
  const limit = Math.max(1, deps.concurrency ?? 4);
  let refreshes = deps.zoneRefreshesPerPass ?? DEFAULT_ZONE_REFRESHES_PER_PASS;
  const mayRefresh = () => refreshes-- > 0;
  // One instant for the whole pass: who is due is decided as of its start
  // (anyone whose hour comes while it runs is picked up by the next tick).
  const now = deps.clock();

  const one = async (record: RosterRecord): Promise<void> => {
    if (!record.enabled) {
      result.skipped++;
      return;
    }
    const scope = scopeOf(record);
    const { timeZone, state } = await zoneFor(
      deps,
      record,
      await getDigestState(deps.kv, scope),
      now,
      mayRefresh,
    );
    if (timeZone === undefined) {
      result.skipped++;
      return;
    }
    const schedule: DigestSchedule = {
      enabled: record.enabled,
      day: record.day as IsoDay,
      hour: record.hour,
      timeZone,
    };
    const week = dueFor(schedule, state.lastSentWeek ?? record.lastSentWeek, now);
    if (week === undefined) {
      result.skipped++;
      return;
    }
    const markSent = () =>
      updateDigestState(deps.kv, scope, { lastSentWeek: week }, state).catch(() => {});
    const key = claimKey(scope, week);
    const claim = await deps.claims.claim(key, leaseMs);
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
      deps.logger.warn(
        `digest: user ${record.userId} not reachable (${reason}); skipped this week`,
      );
      await deps.claims.finish(key, 'failed', KEEP_MS);
      await markSent();
      result.failed++;
      return;
    }
    await deps.claims.finish(key, 'sent', KEEP_MS);
    await markSent();
    result.sent++;
  };

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
    const task: Promise<void> = one(parsed.data)
      .catch((error: unknown) => {
        deps.logger.error(`digest: user ${parsed.data.userId}: ${(error as Error).name}`);
        result.failed++;
      })
      .finally(() => inflight.delete(task));
    inflight.add(task);
    if (inflight.size >= limit) await Promise.race(inflight);
  }
  await Promise.all(inflight);
  return result;
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
      state: await updateDigestState(deps.kv, scopeOf(record), changed, state),
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
      state: await updateDigestState(deps.kv, scopeOf(record), changed, state).catch(() => state),
    };
  }
}

/** The schedule in a few words, for the digest command and the Home tab: "Fridays at 08:00 (Europe/Paris)" or "off". */
export function scheduleSummary(record: RosterRecord): string {
  if (!record.enabled) return 'off';
  const day = DAY_NAMES[record.day - 1] ?? 'monday';
  const hour = String(record.hour).padStart(2, '0');
  const zone = record.timeZone ? ` (${record.timeZone})` : ' in your Slack time zone';
  return `${day[0]?.toUpperCase()}${day.slice(1)}s at ${hour}:00${zone}`;
}
