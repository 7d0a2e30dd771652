import type { LedgerEntry } from '../records.js';
import { DAY_MS, DEFAULT_LIMITS, type PolicyLimits } from './defaults.js';
import { parseInstant } from './time.js';

/** Bumped whenever the shape or meaning of {@link LedgerSummary} changes: an older one is rebuilt. */
export const SUMMARY_VERSION = 1;

/**
 * Sends older than this (before the last write) leave the summary's list of
 * recent sends; they still count in `pending`, `idk` and `byStatus`. Longer
 * than any window the policy looks back over (see {@link summaryCovers}).
 */
export const SUMMARY_RETAIN_DAYS = 120;

/** Flags of a recent send. */
const PERSONALISED = 1;
const EVER_ACCEPTED = 2;

/**
 * What the ledger policy needs of a user's ledger, kept small enough to be
 * stored beside it and read instead of every entry. Every status figure and
 * the digest's counts come from it, so they are the same numbers everywhere.
 * Times are milliseconds since the epoch, read once.
 */
export interface LedgerSummary {
  version: typeof SUMMARY_VERSION;
  /** Sends before this instant are not in `sentAt`/`flags` (pruned). */
  horizon: number;
  /** Every send at or after `horizon`, oldest first. */
  sentAt: number[];
  /** Per item of `sentAt`: 1 personalised, 2 ever accepted. */
  flags: number[];
  /** Pending entries in ledger order (sent time, then id). */
  pendingAt: number[];
  pendingIds: string[];
  /** Entries ever answered "I don't know this person". */
  idk: number;
  /** Entries by current status (all time). */
  byStatus: Record<LedgerEntry['history'][number]['status'], number>;
  /** Entries and status changes counted: a full read that counts others finds the summary stale. */
  entries: number;
  changes: number;
}

/** The part of one entry the summary holds. */
export interface Contribution {
  id: string;
  sentAt: number;
  personalised: boolean;
  everAccepted: boolean;
  everIdk: boolean;
  status: LedgerEntry['history'][number]['status'];
  /** History items after the first (`pending`). */
  changes: number;
}

export function contributionOf(
  entry: LedgerEntry,
  sentAt = parseInstant(entry.sentAt),
): Contribution {
  let everAccepted = false;
  let everIdk = false;
  for (const h of entry.history) {
    if (h.status === 'accepted') everAccepted = true;
    else if (h.status === 'idk') everIdk = true;
  }
  return {
    id: entry.id,
    sentAt,
    personalised: entry.personalised,
    everAccepted,
    everIdk,
    status: entry.history.at(-1)?.status ?? 'pending',
    changes: entry.history.length - 1,
  };
}

export function emptySummary(horizon = Number.NEGATIVE_INFINITY): LedgerSummary {
  return {
    version: SUMMARY_VERSION,
    horizon,
    sentAt: [],
    flags: [],
    pendingAt: [],
    pendingIds: [],
    idk: 0,
    byStatus: { pending: 0, accepted: 0, ignored: 0, withdrawn: 0, idk: 0 },
    entries: 0,
    changes: 0,
  };
}

/**
 * The summary of `entries` (in ledger order: oldest send first, then id), in
 * one pass. `horizon` leaves older sends out of the recent list, as pruning
 * after writes would.
 */
export function summarise(
  entries: readonly LedgerEntry[],
  horizon = Number.NEGATIVE_INFINITY,
): LedgerSummary {
  const summary = emptySummary(horizon);
  const recent: Array<[number, number]> = [];
  const pending: Array<[number, string]> = [];
  let sorted = true;
  let pendingSorted = true;
  for (const entry of entries) {
    const c = contributionOf(entry);
    summary.entries += 1;
    summary.changes += c.changes;
    summary.byStatus[c.status] += 1;
    if (c.everIdk) summary.idk += 1;
    if (c.status === 'pending') {
      const last = pending.at(-1);
      if (last !== undefined && (last[0] > c.sentAt || (last[0] === c.sentAt && last[1] > c.id)))
        pendingSorted = false;
      pending.push([c.sentAt, c.id]);
    }
    if (c.sentAt >= horizon) {
      const last = recent.at(-1);
      if (last !== undefined && last[0] > c.sentAt) sorted = false;
      recent.push([c.sentAt, flagsOf(c)]);
    }
  }
  if (!sorted) recent.sort((a, b) => a[0] - b[0]);
  // Entries in any order (a caller's own list) give the pending list in ledger order all the same.
  if (!pendingSorted)
    pending.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  for (const [t, id] of pending) {
    summary.pendingAt.push(t);
    summary.pendingIds.push(id);
  }
  for (const [t, f] of recent) {
    summary.sentAt.push(t);
    summary.flags.push(f);
  }
  return summary;
}

function flagsOf(c: Contribution): number {
  return (c.personalised ? PERSONALISED : 0) | (c.everAccepted ? EVER_ACCEPTED : 0);
}

/** First index in sorted `xs` whose value is ≥ `x` (or > `x` with `after`). */
export function lowerBound(xs: readonly number[], x: number, after = false): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = xs[mid] as number;
    if (v < x || (after && v === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where `(at, id)` goes in the pending list, which is in ledger order. */
function pendingIndex(s: LedgerSummary, at: number, id: string): number {
  let i = lowerBound(s.pendingAt, at);
  while (i < s.pendingAt.length && s.pendingAt[i] === at && (s.pendingIds[i] as string) < id) i++;
  return i;
}

/** Adds (`sign` 1) or takes out (`sign` -1) one entry's part, in place. */
export function applyContribution(s: LedgerSummary, c: Contribution, sign: 1 | -1): void {
  s.entries += sign;
  s.changes += sign * c.changes;
  s.byStatus[c.status] += sign;
  if (c.everIdk) s.idk += sign;
  if (c.status === 'pending') {
    const i = pendingIndex(s, c.sentAt, c.id);
    if (sign === 1) {
      s.pendingAt.splice(i, 0, c.sentAt);
      s.pendingIds.splice(i, 0, c.id);
    } else if (s.pendingIds[i] === c.id) {
      s.pendingAt.splice(i, 1);
      s.pendingIds.splice(i, 1);
    }
  }
  if (c.sentAt < s.horizon) return;
  const flags = flagsOf(c);
  if (sign === 1) {
    const i = lowerBound(s.sentAt, c.sentAt, true);
    s.sentAt.splice(i, 0, c.sentAt);
    s.flags.splice(i, 0, flags);
    return;
  }
  // Sends at the same instant with the same flags cannot be told apart, and need not be.
  for (let i = lowerBound(s.sentAt, c.sentAt); s.sentAt[i] === c.sentAt; i++) {
    if (s.flags[i] === flags) {
      s.sentAt.splice(i, 1);
      s.flags.splice(i, 1);
      return;
    }
  }
}

/** Drops recent sends older than {@link SUMMARY_RETAIN_DAYS} before `now`, in place. */
export function pruneSummary(s: LedgerSummary, now: number): void {
  const horizon = now - SUMMARY_RETAIN_DAYS * DAY_MS;
  if (!(horizon > s.horizon)) return;
  const cut = lowerBound(s.sentAt, horizon);
  if (cut > 0) {
    s.sentAt.splice(0, cut);
    s.flags.splice(0, cut);
  }
  s.horizon = horizon;
}

/** How far back from `now` the policy looks: the longest window, and a calendar month. */
export function lookBackMs(limits: PolicyLimits = DEFAULT_LIMITS): number {
  const days = Math.max(limits.weeklyWindowDays, 33, ...limits.acceptanceWindowsDays);
  return days * DAY_MS;
}

/** Whether the summary holds every send the policy needs to judge the ledger at `now`. */
export function summaryCovers(
  s: LedgerSummary,
  now: Date,
  limits: PolicyLimits = DEFAULT_LIMITS,
): boolean {
  return s.horizon <= now.getTime() - lookBackMs(limits);
}

/** Recent sends in `(from, to]`, as index bounds into `sentAt`. */
export function sentBetween(s: LedgerSummary, from: number, to: number): [number, number] {
  return [lowerBound(s.sentAt, from, true), lowerBound(s.sentAt, to, true)];
}

/** Of the recent sends in `[i, j)`, those ever accepted. */
export function acceptedIn(s: LedgerSummary, i: number, j: number): number {
  let n = 0;
  for (let k = i; k < j; k++) if (((s.flags[k] as number) & EVER_ACCEPTED) !== 0) n++;
  return n;
}

/** Of the recent sends in `[i, j)`, the personalised ones (with their times). */
export function personalisedIn(s: LedgerSummary, i: number, j: number): number[] {
  const out: number[] = [];
  for (let k = i; k < j; k++)
    if (((s.flags[k] as number) & PERSONALISED) !== 0) out.push(s.sentAt[k] as number);
  return out;
}
