/**
 * Drafting contexts (../shared/corpus/contexts.jsonl and the held-out ones) and
 * issue 11's bar for one draft: shared by `npm run eval:draft` and the
 * drafter's tests, so that both judge a case the same way.
 */
import { readFileSync } from 'node:fs';
import type { DraftResult } from '../src/draft/result.js';
import type { Account } from '../src/types.js';

export interface DraftCase {
  id: string;
  context: string;
  account: Account;
  must_include: string[];
  must_not_include: string[];
  scenario: string;
}

export function readDraftCases(path: string): DraftCase[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as DraftCase);
}

/**
 * What keeps one result from meeting the bar for its case, empty when it does:
 * `none` asks a question; any other scenario drafts a ready note that keeps
 * every `must_include` and holds no `must_not_include` (case-insensitive).
 */
export function draftProblems(c: DraftCase, r: DraftResult): string[] {
  if (c.scenario === 'none') return r.kind === 'question' ? [] : ['drafted instead of asking'];
  if (r.kind !== 'draft') return ['asked instead of drafting'];
  const note = r.note.toLowerCase();
  const out: string[] = [];
  if (!r.report.ready) out.push('not ready');
  const missing = c.must_include.filter((m) => !note.includes(m.toLowerCase()));
  if (missing.length) out.push(`lost ${missing.join(', ')}`);
  const bad = c.must_not_include.filter((m) => note.includes(m.toLowerCase()));
  if (bad.length) out.push(`contains ${bad.join(', ')}`);
  return out;
}
