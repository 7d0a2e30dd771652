/**
 * How a user's summary is stored: a small head, written with every send and
 * outcome, and the lists beside it, written only now and then. The head holds
 * the counts and a short log of what the latest writes did to the lists; once
 * the log is long, a write folds it into the lists and writes both. A send
 * then rewrites a few hundred bytes, not every pending id of the user.
 */
import { DAY_MS } from './policy/defaults.js';
import {
  applyListChange,
  type Contribution,
  countContribution,
  type LedgerSummary,
  type ListChange,
  listChangeOf,
  pruneSummary,
  SUMMARY_RETAIN_DAYS,
  SUMMARY_VERSION,
  summarise,
} from './policy/summary.js';
import type { LedgerSnapshot } from './read.js';
import { STATUSES } from './records.js';

/** List changes a head keeps before a write folds them into the lists. */
export const LOG_LIMIT = 32;

/** The earliest instant a Date can hold: the horizon of lists that were never pruned (JSON has no -Infinity). */
const EARLIEST = -8.64e15;

/** The part written with every write. `seq` changes with each, so no two writes leave the same text. */
export interface SummaryHead {
  version: typeof SUMMARY_VERSION;
  seq: number;
  /** The `seq` of the lists this head's log applies to. */
  lists: number;
  idk: number;
  byStatus: LedgerSummary['byStatus'];
  entries: number;
  changes: number;
  /** What the writes since the lists were written did to them, oldest first. */
  log: ListChange[];
}

/** The lists of a summary as last folded, at `seq`. */
export interface SummaryLists {
  version: typeof SUMMARY_VERSION;
  seq: number;
  horizon: number;
  sentAt: number[];
  flags: number[];
  pendingAt: number[];
  pendingIds: string[];
}

/** A summary as read back: head and lists joined, with the head's `seq`. */
export type StoredSummary = LedgerSummary & { seq: number };

/** What a summary's key holds: nothing, something this version cannot use (rebuilt), or a summary. */
export type Found =
  | { kind: 'absent' }
  | { kind: 'unreadable'; token: string }
  | { kind: 'found'; summary: StoredSummary; token: string };

/**
 * Where a new summary's write count starts: at random, so that a summary
 * built again (after the user was forgotten) never repeats the text of an
 * earlier one that a slow writer may still hold a token for.
 */
export function firstSeq(): number {
  return Math.floor(Math.random() * 2 ** 31);
}

/** Where the lists of the summary under `key` live. */
export function listsKey(key: string): string {
  return `${key}:lists`;
}

const isCount = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
const isTime = (n: unknown) => typeof n === 'number' && Number.isFinite(n);

function isListChange(c: unknown): c is ListChange {
  if (!Array.isArray(c) || c.length !== 4) return false;
  const [sign, sentAt, flags, id] = c;
  return (
    (sign === 1 || sign === -1) &&
    isTime(sentAt) &&
    isCount(flags) &&
    (id === null || typeof id === 'string')
  );
}

/** Whether `value` is a head this version wrote (anything else is rebuilt, never trusted). */
export function isSummaryHead(value: unknown): value is SummaryHead {
  const s = value as Partial<SummaryHead> | null | undefined;
  if (typeof s !== 'object' || s === null || s.version !== SUMMARY_VERSION) return false;
  if (!isCount(s.seq) || !isCount(s.lists) || !isCount(s.idk)) return false;
  if (!isCount(s.entries) || !isCount(s.changes)) return false;
  if (!Array.isArray(s.log) || !s.log.every(isListChange)) return false;
  const { byStatus } = s;
  if (typeof byStatus !== 'object' || byStatus === null) return false;
  return STATUSES.every((st) => isCount(byStatus[st]));
}

/** Whether `value` is the lists a head at `seq` names. */
export function isSummaryLists(value: unknown, seq: number): value is SummaryLists {
  const s = value as Partial<SummaryLists> | null | undefined;
  if (typeof s !== 'object' || s === null || s.version !== SUMMARY_VERSION || s.seq !== seq)
    return false;
  if (!isTime(s.horizon)) return false;
  const { sentAt, flags, pendingAt, pendingIds } = s;
  if (!Array.isArray(sentAt) || !Array.isArray(flags) || sentAt.length !== flags.length)
    return false;
  if (!Array.isArray(pendingAt) || !Array.isArray(pendingIds)) return false;
  if (pendingAt.length !== pendingIds.length) return false;
  if (!sentAt.every(isTime) || !flags.every(isCount) || !pendingAt.every(isTime)) return false;
  return pendingIds.every((id) => typeof id === 'string');
}

/** The summary `head` and `lists` make: the lists copied, with the head's log applied. */
export function joinSummary(head: SummaryHead, lists: SummaryLists): StoredSummary {
  const summary: StoredSummary = {
    version: SUMMARY_VERSION,
    seq: head.seq,
    horizon: lists.horizon === EARLIEST ? Number.NEGATIVE_INFINITY : lists.horizon,
    sentAt: lists.sentAt.slice(),
    flags: lists.flags.slice(),
    pendingAt: lists.pendingAt.slice(),
    pendingIds: lists.pendingIds.slice(),
    idk: head.idk,
    byStatus: { ...head.byStatus },
    entries: head.entries,
    changes: head.changes,
  };
  applyListChanges(summary, head.log);
  return summary;
}

/**
 * Applies `changes` in order, in place. Only additions (an import's batch,
 * sends) are merged in one pass, rather than spliced in one at a time, which
 * costs the whole list per send.
 */
export function applyListChanges(s: LedgerSummary, changes: readonly ListChange[]): void {
  if (changes.length < 16 || changes.some((c) => c[0] === -1)) {
    for (const change of changes) applyListChange(s, change);
    return;
  }
  const pending = changes.filter((c) => c[3] !== null);
  // Stable sorts: changes at one instant keep the order they were made in.
  pending.sort((a, b) => a[1] - b[1] || byId(a[3] as string, b[3] as string));
  const recent = changes.filter((c) => c[1] >= s.horizon).sort((a, b) => a[1] - b[1]);
  const p = mergeInto(s.pendingAt, s.pendingIds, pending, 3, (at, id, c) =>
    at !== c[1] ? at > c[1] : id >= (c[3] as string),
  );
  s.pendingAt = p.times;
  s.pendingIds = p.values;
  const r = mergeInto(s.sentAt, s.flags, recent, 2, (at, _f, c) => at > c[1]);
  s.sentAt = r.times;
  s.flags = r.values;
}

const byId = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/**
 * `times`/`values` (sorted) with `added` (sorted the same way) merged in:
 * an added one goes before the first item `before` says it precedes.
 */
function mergeInto<V>(
  times: readonly number[],
  values: readonly V[],
  added: readonly ListChange[],
  field: 2 | 3,
  before: (at: number, value: V, change: ListChange) => boolean,
): { times: number[]; values: V[] } {
  const outTimes: number[] = [];
  const outValues: V[] = [];
  let i = 0;
  for (const change of added) {
    while (i < times.length && !before(times[i] as number, values[i] as V, change)) {
      outTimes.push(times[i] as number);
      outValues.push(values[i] as V);
      i++;
    }
    outTimes.push(change[1]);
    outValues.push(change[field] as V);
  }
  for (; i < times.length; i++) {
    outTimes.push(times[i] as number);
    outValues.push(values[i] as V);
  }
  return { times: outTimes, values: outValues };
}

/** `summary` stored whole at `seq`: a head with an empty log, and its lists. */
export function splitSummary(
  summary: LedgerSummary,
  seq: number,
): { head: SummaryHead; lists: SummaryLists } {
  const { idk, byStatus, entries, changes } = summary;
  return {
    head: { version: SUMMARY_VERSION, seq, lists: seq, idk, byStatus, entries, changes, log: [] },
    lists: {
      version: SUMMARY_VERSION,
      seq,
      horizon: Number.isFinite(summary.horizon) ? summary.horizon : EARLIEST,
      sentAt: summary.sentAt,
      flags: summary.flags,
      pendingAt: summary.pendingAt,
      pendingIds: summary.pendingIds,
    },
  };
}

/** `head` at `seq` with `changes` counted and their list changes logged (a copy). */
export function withChanges(
  head: SummaryHead,
  changes: ReadonlyArray<[Contribution, 1 | -1]>,
  seq: number,
): SummaryHead {
  const next: SummaryHead = { ...head, seq, byStatus: { ...head.byStatus }, log: head.log.slice() };
  for (const [c, sign] of changes) {
    countContribution(next, c, sign);
    next.log.push(listChangeOf(c, sign));
  }
  return next;
}

/** `head`'s log folded into `lists` (the ones it names), pruned as at `now`, stored at the head's `seq`. */
export function foldSummary(
  head: SummaryHead,
  lists: SummaryLists,
  now: number,
): { head: SummaryHead; lists: SummaryLists } {
  const joined = joinSummary(head, lists);
  pruneSummary(joined, now);
  return splitSummary(joined, head.seq);
}

/** The summary a full read gives, pruned as writes at `now` would prune it. */
export function summaryOfSnapshot(snapshot: LedgerSnapshot, now: number): LedgerSummary {
  return summarise(snapshot.entries, now - SUMMARY_RETAIN_DAYS * DAY_MS);
}

/** Whether a stored summary counts what a full read found (one that does not has drifted). */
export function agreesWith(stored: LedgerSummary, read: LedgerSummary): boolean {
  return (
    stored.entries === read.entries &&
    stored.changes === read.changes &&
    stored.idk === read.idk &&
    stored.pendingIds.length === read.pendingIds.length &&
    STATUSES.every((st) => stored.byStatus[st] === read.byStatus[st])
  );
}
