import { z } from 'zod';
import { type LedgerKv, UNREADABLE } from '../store/kv.js';
import { digestStateKey, ROSTER_PREFIX, rosterKey, type Scope, SLACK_ID } from '../store/scope.js';
import { DAY_NAMES, DEFAULT_DIGEST_DAY, DEFAULT_DIGEST_HOUR } from './schedule.js';

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
export async function updateDigestState(
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
/** A record, with a value that cannot be decoded read as absent (the roster and state are rewritten whole). */
async function getDecoded(kv: LedgerKv, key: string): Promise<unknown> {
  const value = await kv.get(key);
  return value === UNREADABLE ? undefined : value;
}

/** The user a roster record is for. */
export function rosterScope(record: RosterRecord): Scope {
  return { enterpriseId: record.enterpriseId, teamId: record.teamId, userId: record.userId };
}

/** The schedule in a few words, for the digest command and the Home tab: "Fridays at 08:00 (Europe/Paris)" or "off". */
export function scheduleSummary(record: RosterRecord): string {
  if (!record.enabled) return 'off';
  const day = DAY_NAMES[record.day - 1] ?? 'monday';
  const hour = String(record.hour).padStart(2, '0');
  const zone = record.timeZone ? ` (${record.timeZone})` : ' in your Slack time zone';
  return `${day[0]?.toUpperCase()}${day.slice(1)}s at ${hour}:00${zone}`;
}
