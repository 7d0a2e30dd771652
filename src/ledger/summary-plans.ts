/** The writes a summary update runs, and how it gathers what they plan. */
import type { Contribution, LedgerSummary } from './policy/summary.js';

/** What a write does to the ledger, planned against the summary it read. */
export interface SummaryPlan<T> {
  result: T;
  /** The records to write with the summary; none: nothing is written. */
  writes: Array<[string, unknown]>;
  /** The entries' parts the writes add (1) or take out (-1), for the summary to count. */
  changes?: Array<[Contribution, 1 | -1]>;
}

/** A plan gets the summary read just now (a copy) when it asked for the lists, else `undefined`. */
export type Plan = (summary: LedgerSummary | undefined) => Promise<SummaryPlan<unknown>>;

export interface Waiting {
  plan: Plan;
  batchable: boolean;
  lists: boolean;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Runs each plan against `summary`, gathering what they write. Only plans
 * that need no summary go together (see `SummaryStore.update`), so none
 * needs to see what the one before it changed.
 */
export async function runPlans(batch: readonly Waiting[], summary: LedgerSummary | undefined) {
  const writes: Array<[string, unknown]> = [];
  const changes: Array<[Contribution, 1 | -1]> = [];
  const results: Array<{ value: unknown } | { error: unknown }> = [];
  for (const { plan } of batch) {
    try {
      const planned = await plan(summary);
      results.push({ value: planned.result });
      if (planned.writes.length === 0) continue;
      writes.push(...planned.writes);
      changes.push(...(planned.changes ?? []));
    } catch (error) {
      results.push({ error });
    }
  }
  return { writes, changes, results };
}
