/**
 * The ledger summary against the full computation: for random ledgers, the
 * status read from a summary (built in one pass, or kept up to date one write
 * at a time, pruned as the store prunes it) equals the status computed the
 * plain way, filter by filter over every entry, at any instant it covers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, DEFAULT_LIMITS, type PolicyLimits } from '../../../src/ledger/policy/defaults.js';
import {
  bySeverity,
  type LedgerStatus,
  status,
  statusFrom,
} from '../../../src/ledger/policy/status.js';
import {
  applyContribution,
  applyListChange,
  type Contribution,
  contributionOf,
  emptySummary,
  type LedgerSummary,
  listChangeOf,
  pruneSummary,
  summarise,
  summaryCovers,
} from '../../../src/ledger/policy/summary.js';
import { dayKey, monthKey } from '../../../src/ledger/policy/time.js';
import {
  currentStatus,
  type LedgerEntry,
  type LedgerSettings,
  OUTCOMES,
  type Outcome,
} from '../../../src/ledger/records.js';
import {
  applyListChanges,
  foldSummary,
  joinSummary,
  LOG_LIMIT,
  splitSummary,
  withChanges,
} from '../../../src/ledger/summary-record.js';
import { entry, settings } from '../helpers.js';

const BASE = Date.UTC(2026, 2, 1);
const ZONES = ['UTC', 'Europe/Paris', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Kolkata'];

/** The plain computation: each figure by its own filter over every entry (the policy before summaries). */
function reference(
  entries: readonly LedgerEntry[],
  s: LedgerSettings,
  now: Date,
  limits: PolicyLimits = DEFAULT_LIMITS,
): Omit<LedgerStatus, 'warnings'> & { warningIds: string[] } {
  const t = now.getTime();
  const ms = (e: LedgerEntry) => Date.parse(e.sentAt);
  const inWindow = (days: number) => entries.filter((e) => ms(e) > t - days * DAY_MS && ms(e) <= t);
  const today = dayKey(t, s.timeZone);
  const month = monthKey(t, s.timeZone);
  const pending = entries.filter((e) => currentStatus(e) === 'pending');
  const stale = pending.filter((e) => t - ms(e) >= limits.stalePendingDays * DAY_MS);
  const used = entries.filter(
    (e) => e.personalised && monthKey(ms(e), s.timeZone) === month,
  ).length;
  const basic = s.account === 'basic';
  return {
    week: { sent: inWindow(limits.weeklyWindowDays).length, cap: s.weeklyCap },
    today: {
      today: entries.filter((e) => dayKey(ms(e), s.timeZone) === today).length,
      limit: Math.floor(s.weeklyCap * limits.dailyPaceShare),
    },
    pending: {
      count: pending.length,
      threshold: limits.pendingDanger,
      stale: stale.length,
      veryStale: stale.filter((e) => t - ms(e) >= limits.veryStalePendingDays * DAY_MS).length,
      staleIds: stale.map((e) => e.id),
    },
    idk: {
      count: entries.filter((e) => e.history.some((h) => h.status === 'idk')).length,
      warnAt: limits.idkWarn,
      dangerAt: limits.idkDanger,
    },
    notes: basic
      ? {
          used,
          limit: limits.basicNotesPerMonth,
          left: Math.max(0, limits.basicNotesPerMonth - used),
        }
      : { used, limit: null, left: null },
    acceptance: limits.acceptanceWindowsDays.map((days) => {
      const w = inWindow(days);
      const accepted = w.filter((e) => e.history.some((h) => h.status === 'accepted')).length;
      return { days, sent: w.length, accepted, rate: w.length === 0 ? null : accepted / w.length };
    }),
    warningIds: [],
  };
}

function comparable(st: LedgerStatus) {
  const { warnings, ...rest } = st;
  expect([...warnings].sort(bySeverity)).toEqual(warnings);
  return { ...rest, warningIds: [] as string[] };
}

type Op =
  | { kind: 'send'; at: number; note: boolean; id: number }
  | { kind: 'outcome'; pick: number; outcome: Outcome; after: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('send' as const),
    // Two years, on a coarse grid so that ties and window edges come up.
    at: fc.integer({ min: 0, max: 2 * 365 * 24 }).map((h) => BASE + h * 3_600_000),
    note: fc.boolean(),
    id: fc.integer({ min: 0, max: 9999 }),
  }),
  fc.record({
    kind: fc.constant('outcome' as const),
    pick: fc.nat(),
    outcome: fc.constantFrom(...OUTCOMES),
    after: fc.integer({ min: 0, max: 60 * 24 }).map((h) => h * 3_600_000),
  }),
);

/** Replays the ops into entries (ledger order) and, one write at a time, a pruned summary. */
/** What a summary counts and lists pending equals a summary rebuilt from the entries. */
function expectCountsOfEntries(summary: LedgerSummary, entries: LedgerEntry[]): void {
  const rebuilt = summarise(entries);
  expect(summary.pendingIds).toEqual(rebuilt.pendingIds);
  expect([summary.entries, summary.changes, summary.idk, summary.byStatus]).toEqual([
    rebuilt.entries,
    rebuilt.changes,
    rebuilt.idk,
    rebuilt.byStatus,
  ]);
}

function replay(ops: readonly Op[]) {
  const byId = new Map<string, LedgerEntry>();
  let summary = emptySummary();
  let clock = BASE;
  // And as the store keeps it: a head logging each write, folded into its lists when long, as JSON.
  let { head, lists } = splitSummary(emptySummary(), 1);
  const store = (changes: Array<[Contribution, 1 | -1]>) => {
    let next = withChanges(head, changes, head.seq + 1);
    if (next.log.length > LOG_LIMIT) ({ head: next, lists } = foldSummary(next, lists, clock));
    head = JSON.parse(JSON.stringify(next));
    lists = JSON.parse(JSON.stringify(lists));
  };
  for (const o of ops) {
    if (o.kind === 'send') {
      const id = `id${o.id}`;
      if (byId.has(id)) continue; // an id logged twice keeps the first
      const e = entry({ id, sentAt: new Date(o.at).toISOString(), noteLength: o.note ? 40 : 0 });
      byId.set(id, e);
      clock = Math.max(clock, o.at);
      applyContribution(summary, contributionOf(e), 1);
      pruneSummary(summary, clock);
      store([[contributionOf(e), 1]]);
    } else {
      const list = [...byId.values()];
      const before = list[o.pick % Math.max(1, list.length)];
      if (before === undefined) continue;
      const at = Date.parse(before.history.at(-1)?.at ?? before.sentAt) + o.after;
      const history = before.history.filter((h, i) => i === 0 || h.status !== o.outcome);
      const last = history.at(-1);
      if (last?.status !== o.outcome)
        history.push({ status: o.outcome, at: new Date(at).toISOString() });
      const after = { ...before, history };
      byId.set(before.id, after);
      applyContribution(summary, contributionOf(before), -1);
      applyContribution(summary, contributionOf(after), 1);
      clock = Math.max(clock, at);
      pruneSummary(summary, clock);
      store([
        [contributionOf(before), -1],
        [contributionOf(after), 1],
      ]);
      // What the store does: the summary written and read back as JSON.
      summary = JSON.parse(JSON.stringify(summary));
    }
  }
  const entries = [...byId.values()].sort(
    (a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt) || (a.id < b.id ? -1 : 1),
  );
  return { entries, summary, clock, stored: joinSummary(head, lists) };
}

const userSettings = fc.record({
  weeklyCap: fc.integer({ min: 100, max: 200 }),
  account: fc.constantFrom('basic' as const, 'premium' as const),
  timeZone: fc.constantFrom(...ZONES),
});

describe('the ledger summary', () => {
  it('gives the same status as the full computation, built in one pass', () => {
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 120 }),
        userSettings,
        fc.integer({ min: -30 * 24, max: 800 * 24 }),
        (ops, chosen, hours) => {
          const { entries } = replay(ops);
          const s = settings(chosen);
          const now = new Date(BASE + hours * 3_600_000);
          expect(comparable(status(entries, s, now))).toEqual(reference(entries, s, now));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same status kept up to date write by write and pruned, wherever it covers', () => {
    fc.assert(
      fc.property(
        fc.array(op, { minLength: 1, maxLength: 150 }),
        userSettings,
        fc.integer({ min: 0, max: 200 * 24 }),
        (ops, chosen, hoursLater) => {
          const { entries, summary, clock } = replay(ops);
          const s = settings(chosen);
          const now = new Date(clock + hoursLater * 3_600_000);
          expect(summaryCovers(summary, now)).toBe(true);
          expect(statusFrom(summary, s, now)).toEqual(status(entries, s, now));
          // Equal to a summary rebuilt from the entries, in what it counts.
          expectCountsOfEntries(summary, entries);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same status stored as a head and its lists, folded now and then', () => {
    fc.assert(
      fc.property(
        fc.array(op, { minLength: 1, maxLength: 150 }),
        userSettings,
        fc.integer({ min: 0, max: 200 * 24 }),
        (ops, chosen, hoursLater) => {
          const { entries, stored, clock } = replay(ops);
          const s = settings(chosen);
          const now = new Date(clock + hoursLater * 3_600_000);
          expect(summaryCovers(stored, now)).toBe(true);
          expect(statusFrom(stored, s, now)).toEqual(status(entries, s, now));
          expectCountsOfEntries(stored, entries);
          expect(stored.pendingAt).toEqual(summarise(entries).pendingAt);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('merges many additions into the lists as adding them one at a time would', () => {
    const sendAt = fc.integer({ min: 0, max: 40 }).map((h) => BASE + h * 3_600_000);
    const send = fc.record({ at: sendAt, id: fc.integer({ min: 0, max: 60 }), note: fc.boolean() });
    fc.assert(
      fc.property(
        fc.array(send, { maxLength: 40 }),
        fc.array(send, { minLength: 16, maxLength: 60 }),
        fc.integer({ min: 0, max: 20 }),
        (before, added, horizonHours) => {
          const toEntry = (x: { at: number; id: number; note: boolean }, tag: string) =>
            contributionOf(
              entry({
                id: `${tag}${x.id}`,
                sentAt: new Date(x.at).toISOString(),
                noteLength: x.note ? 40 : 0,
              }),
            );
          const start = emptySummary(BASE + horizonHours * 3_600_000);
          for (const x of before) applyContribution(start, toEntry(x, 'b'), 1);
          const changes = added.map((x) => listChangeOf(toEntry(x, 'a'), 1));
          const oneByOne = structuredClone(start);
          for (const change of changes) applyListChange(oneByOne, change);
          const merged = structuredClone(start);
          applyListChanges(merged, changes);
          expect(merged).toEqual(oneByOne);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('does not claim to cover an instant whose windows reach past what it pruned', () => {
    const summary = emptySummary();
    pruneSummary(summary, BASE);
    // Pruned 120 days back; the acceptance window looks back 90.
    expect(summaryCovers(summary, new Date(BASE))).toBe(true);
    expect(summaryCovers(summary, new Date(BASE - 30 * DAY_MS))).toBe(true);
    expect(summaryCovers(summary, new Date(BASE - 31 * DAY_MS))).toBe(false);
  });
});
