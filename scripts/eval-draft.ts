/**
 * Drafting figures (issue 11): on ../shared/corpus/contexts.jsonl, per fold, and on the
 * held-out contexts written before the drafter was tuned. A context passes when, on both
 * accounts and both variants, it gets a ready note within the limit that keeps every
 * `must_include` and has no `must_not_include` (or, for `none`, a question back).
 *   npm run eval:draft            figures
 *   npm run eval:draft -- --show  every draft, failures marked
 */
import { fileURLToPath } from 'node:url';
import { createDrafter } from '../src/draft/index.js';
import { type DraftCase, draftProblems, readDraftCases } from './draft-cases.js';

const FOLDS = 4;
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const show = process.argv.includes('--show');
const drafter = createDrafter();

/** Stable fold of a case: the same split every run, by its id. */
export function foldOf(id: string): number {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % FOLDS;
}

async function problems(c: DraftCase): Promise<string[]> {
  const out: string[] = [];
  for (const account of ['basic', 'premium'] as const) {
    for (const variant of [0, 1]) {
      const r = await drafter.draft(c.context, { account, variant });
      const where = `${account} v${variant}`;
      if (show)
        console.log(`  ${where}: ${r.kind === 'draft' ? r.note : `? ${r.message.slice(0, 80)}…`}`);
      for (const problem of draftProblems(c, r)) out.push(`${where}: ${problem}`);
    }
  }
  return out;
}

async function measure(label: string, cases: DraftCase[]): Promise<void> {
  const drafts = cases.filter((c) => c.scenario !== 'none');
  const nones = cases.filter((c) => c.scenario === 'none');
  let draftsOk = 0;
  let nonesOk = 0;
  const failures: string[] = [];
  for (const c of cases) {
    if (show) console.log(`${c.id}: ${c.context}`);
    const p = await problems(c);
    if (p.length === 0) {
      if (c.scenario === 'none') nonesOk++;
      else draftsOk++;
    } else failures.push(`    ${c.id}: ${p.join('; ')}`);
  }
  const pct = (n: number, d: number) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)}%`);
  console.log(
    `${label.padEnd(34)} drafts ${String(draftsOk).padStart(3)}/${String(drafts.length).padEnd(3)} ${pct(draftsOk, drafts.length).padStart(6)} (target ≥ 95%) · questions ${nonesOk}/${nones.length} ${pct(nonesOk, nones.length)} (target 100%)`,
  );
  for (const f of failures) console.log(f);
}

const corpus = readDraftCases(here('../../shared/corpus/contexts.jsonl'));
const heldout = readDraftCases(here('../test/fixtures/drafting/heldout-contexts.jsonl'));
console.log('Template drafter: a case passes on both accounts and both variants.\n');
await measure('contexts.jsonl, all', corpus);
for (let f = 0; f < FOLDS; f++) {
  await measure(
    `contexts.jsonl, fold ${f}`,
    corpus.filter((c) => foldOf(c.id) === f),
  );
}
await measure('held-out (test/fixtures)', heldout);
