import type { LedgerEntry, StatusChange } from '../records.js';
import { DAY_MS, DEFAULT_LIMITS, type PolicyLimits } from './defaults.js';
import { parseInstant } from './time.js';

/** Bumped whenever the shape or meaning of {@link LedgerSummary} or its stored form changes: an older one is rebuilt. */
export const SUMMARY_VERSION = 2;

/**
 * Sends older than this (before the write that last folded the stored lists) leave the list of
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
 * one pass that allocates nothing per entry: each send's time is read once,
 * straight into the summary's number arrays, and its history walked in
 * place. `horizon` leaves older sends out of the recent list, as pruning
 * after writes would.
 */
export function summarise(
  entries: readonly LedgerEntry[],
  horizon = Number.NEGATIVE_INFINITY,
): LedgerSummary {
  const summary = emptySummary(horizon);
  const { sentAt, flags, pendingAt, pendingIds, byStatus } = summary;
  let sorted = true;
  let pendingSorted = true;
  let changes = 0;
  let idk = 0;
  for (let k = 0; k < entries.length; k++) {
    const entry = entries[k] as LedgerEntry;
    const t = parseInstant(entry.sentAt);
    const history = entry.history;
    let f = entry.personalised ? PERSONALISED : 0;
    let everIdk = false;
    for (let h = 0; h < history.length; h++) {
      const st = (history[h] as StatusChange).status;
      if (st === 'accepted') f |= EVER_ACCEPTED;
      else if (st === 'idk') everIdk = true;
    }
    const status =
      history.length > 0 ? (history[history.length - 1] as StatusChange).status : 'pending';
    changes += history.length - 1;
    byStatus[status] += 1;
    if (everIdk) idk += 1;
    if (status === 'pending') {
      const n = pendingAt.length;
      if (n > 0) {
        const last = pendingAt[n - 1] as number;
        if (last > t || (last === t && (pendingIds[n - 1] as string) > entry.id))
          pendingSorted = false;
      }
      pendingAt.push(t);
      pendingIds.push(entry.id);
    }
    if (t >= horizon) {
      if (sentAt.length > 0 && (sentAt[sentAt.length - 1] as number) > t) sorted = false;
      sentAt.push(t);
      flags.push(f);
    }
  }
  summary.entries = entries.length;
  summary.changes = changes;
  summary.idk = idk;
  // Entries in any order (a caller's own list) give the lists in ledger order all the same.
  if (!sorted) sortRecent(summary);
  if (!pendingSorted) sortPending(summary);
  return summary;
}

/** The recent sends in time order (a stable sort: sends at one instant keep their order). */
function sortRecent(s: LedgerSummary): void {
  const order = s.sentAt
    .map((_, i) => i)
    .sort((a, b) => (s.sentAt[a] as number) - (s.sentAt[b] as number) || a - b);
  s.sentAt = order.map((i) => s.sentAt[i] as number);
  s.flags = order.map((i) => s.flags[i] as number);
}

/** The pending list in ledger order: sent time, then id. */
function sortPending(s: LedgerSummary): void {
  const at = s.pendingAt;
  const ids = s.pendingIds;
  const order = at
    .map((_, i) => i)
    .sort((a, b) => {
      const d = (at[a] as number) - (at[b] as number);
      if (d !== 0) return d;
      const x = ids[a] as string;
      const y = ids[b] as string;
      return x < y ? -1 : x > y ? 1 : 0;
    });
  s.pendingAt = order.map((i) => at[i] as number);
  s.pendingIds = order.map((i) => ids[i] as string);
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

/** What one entry's part does to the summary's lists: `[sign, sentAt, flags, id when pending, else null]`. */
export type ListChange = [sign: 1 | -1, sentAt: number, flags: number, pendingId: string | null];

/** The counts of a summary: what every write changes, kept apart from the lists. */
export type SummaryCounts = Pick<LedgerSummary, 'idk' | 'byStatus' | 'entries' | 'changes'>;

/** Adds (`sign` 1) or takes out (`sign` -1) one entry's part of the counts, in place. */
export function countContribution(s: SummaryCounts, c: Contribution, sign: 1 | -1): void {
  s.entries += sign;
  s.changes += sign * c.changes;
  s.byStatus[c.status] += sign;
  if (c.everIdk) s.idk += sign;
}

export function listChangeOf(c: Contribution, sign: 1 | -1): ListChange {
  return [sign, c.sentAt, flagsOf(c), c.status === 'pending' ? c.id : null];
}

/** Applies one {@link ListChange} to the summary's lists, in place. */
export function applyListChange(s: LedgerSummary, change: ListChange): void {
  const [sign, sentAt, flags, id] = change;
  if (id !== null) {
    const i = pendingIndex(s, sentAt, id);
    if (sign === 1) {
      s.pendingAt.splice(i, 0, sentAt);
      s.pendingIds.splice(i, 0, id);
    } else if (s.pendingIds[i] === id) {
      s.pendingAt.splice(i, 1);
      s.pendingIds.splice(i, 1);
    }
  }
  if (sentAt < s.horizon) return;
  if (sign === 1) {
    const i = lowerBound(s.sentAt, sentAt, true);
    s.sentAt.splice(i, 0, sentAt);
    s.flags.splice(i, 0, flags);
    return;
  }
  // Sends at the same instant with the same flags cannot be told apart, and need not be.
  for (let i = lowerBound(s.sentAt, sentAt); s.sentAt[i] === sentAt; i++) {
    if (s.flags[i] === flags) {
      s.sentAt.splice(i, 1);
      s.flags.splice(i, 1);
      return;
    }
  }
}

/** Adds (`sign` 1) or takes out (`sign` -1) one entry's part, in place. */
export function applyContribution(s: LedgerSummary, c: Contribution, sign: 1 | -1): void {
  countContribution(s, c, sign);
  applyListChange(s, listChangeOf(c, sign));
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
