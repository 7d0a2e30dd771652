/**
 * `npm run eval`: recall and false-alarm rate of every contract rule, and
 * verdict accuracy, in sample and under k-fold cross-validation (learned
 * weights, and the threshold where a rule chooses one by inner cross-validation,
 * refitted on k−1 folds, scored on the fold held back), then on each
 * held-out set under test/fixtures/ with the committed weights.
 *
 * Recall: share of notes with the rule in `fire` where it fired. False
 * alarms: share of notes with the rule in `quiet` where it fired.
 */
import { checkNoteWith } from '../src/check.js';
import { rules } from '../src/rules/index.js';
import type { Rule } from '../src/rules/rule.js';
import {
  CONTRACT_RULES,
  corpusNotes,
  heldOutSets,
  type LabelledNote,
  trainingNotes,
  trainingSets,
} from './corpus.js';
import { rulesFittedOn } from './learn.js';

const K = 5;
const SEED = 20260;

interface Tally {
  fire: number;
  caught: number;
  quiet: number;
  alarms: number;
}

interface Score {
  byRule: Map<string, Tally>;
  verdicts: number;
  correct: number;
  missed: string[];
}

function emptyScore(): Score {
  const byRule = new Map<string, Tally>();
  for (const id of CONTRACT_RULES) byRule.set(id, { fire: 0, caught: 0, quiet: 0, alarms: 0 });
  return { byRule, verdicts: 0, correct: 0, missed: [] };
}

type Report = ReturnType<typeof checkNoteWith>;

function score(into: Score, ruleSet: readonly Rule[], notes: readonly LabelledNote[]): Score {
  for (const n of notes) tally(into, n, checkNoteWith(ruleSet, n.note, { account: n.account }));
  return into;
}

function tally(into: Score, n: LabelledNote, report: Report): void {
  const fired = new Set(report.findings.map((f) => f.rule));
  for (const id of CONTRACT_RULES) {
    const t = into.byRule.get(id) as Tally;
    if (n.fire.includes(id)) {
      t.fire++;
      if (fired.has(id)) t.caught++;
      else into.missed.push(`${n.id} misses ${id}`);
    } else if (n.quiet.includes(id)) {
      t.quiet++;
      if (fired.has(id)) {
        t.alarms++;
        into.missed.push(`${n.id} false ${id}`);
      }
    }
  }
  if (n.ready !== undefined) {
    into.verdicts++;
    if (report.ready === n.ready) into.correct++;
  }
}

// mulberry32: a small seeded PRNG, so the folds are the same on every run.
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Folds stratified by the note's first label group (its id prefix) and verdict. */
function folds(notes: readonly LabelledNote[], k: number): LabelledNote[][] {
  const rand = random(SEED);
  const strata = new Map<string, LabelledNote[]>();
  for (const n of notes) {
    const key = `${n.id.split('-')[0]}:${n.ready}`;
    strata.set(key, [...(strata.get(key) ?? []), n]);
  }
  const out: LabelledNote[][] = Array.from({ length: k }, () => []);
  let next = 0;
  for (const key of [...strata.keys()].sort()) {
    const group = [...(strata.get(key) as LabelledNote[])];
    for (let i = group.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [group[i], group[j]] = [group[j] as LabelledNote, group[i] as LabelledNote];
    }
    for (const n of group) {
      (out[next % k] as LabelledNote[]).push(n);
      next++;
    }
  }
  return out;
}

function pct(a: number, b: number): string {
  return b === 0 ? '   –  ' : (a / b).toFixed(3).padStart(6);
}

/** One line per training set: each contract rule's recall/false alarms there, then verdicts. */
function printBySet(bySet: Map<string, Score>): void {
  const shown = CONTRACT_RULES.filter((id) => id !== 'blank-note' && id !== 'note-length');
  console.log('\nCross-validated, by training set (recall/false alarms; – where none is labelled)');
  console.log(`  ${'set'.padEnd(26)}${shown.map((id) => id.padEnd(19)).join('')}verdict`);
  for (const [name, s] of [...bySet].sort((a, b) => a[0].localeCompare(b[0]))) {
    const cells = shown.map((id) => {
      const t = s.byRule.get(id) as Tally;
      return `${pct(t.caught, t.fire).trim()}/${pct(t.alarms, t.quiet).trim()}`.padEnd(19);
    });
    console.log(`  ${name.padEnd(26)}${cells.join('')}${pct(s.correct, s.verdicts).trim()}`);
  }
}

function print(title: string, s: Score): void {
  console.log(`\n${title}`);
  console.log('  rule               recall  (n)   false-alarms  (n)');
  for (const [id, t] of s.byRule) {
    console.log(
      `  ${id.padEnd(18)} ${pct(t.caught, t.fire)} ${String(t.fire).padStart(4)}   ${pct(t.alarms, t.quiet)}      ${String(t.quiet).padStart(4)}`,
    );
  }
  console.log(
    `  verdict accuracy   ${pct(s.correct, s.verdicts)} ${String(s.verdicts).padStart(4)}`,
  );
}

const notes = trainingNotes();
const corpusIds = new Set(corpusNotes().map((n) => n.id));
const setOf = new Map<string, string>();
for (const set of trainingSets()) for (const n of set.notes) setOf.set(n.id, set.name);
const verbose = process.argv.includes('--verbose');

const inSample = score(emptyScore(), rules, notes);
print(
  `In sample (committed weights), ${notes.length} training notes (${corpusIds.size} of the shared corpus)`,
  inSample,
);

// Folds over every training note; the notes of the shared corpus are also scored apart.
const cv = emptyScore();
const cvCorpus = emptyScore();
const cvBySet = new Map<string, Score>();
const parts = folds(notes, K);
for (let f = 0; f < K; f++) {
  const train = parts.filter((_, i) => i !== f).flat();
  const fitted = rulesFittedOn(train);
  // Each held-out note is checked once and counted in every score it belongs to.
  for (const n of parts[f] as LabelledNote[]) {
    const report = checkNoteWith(fitted, n.note, { account: n.account });
    const name = setOf.get(n.id) as string;
    if (!cvBySet.has(name)) cvBySet.set(name, emptyScore());
    tally(cv, n, report);
    if (corpusIds.has(n.id)) tally(cvCorpus, n, report);
    tally(cvBySet.get(name) as Score, n, report);
  }
}
const how = `k=${K}, seed ${SEED}, learned weights and chosen thresholds refitted per fold`;
print(`Cross-validated (${how}), all ${notes.length} training notes`, cv);
if (verbose) for (const m of cv.missed) console.log(`    ${m}`);
print(`Cross-validated (${how}), the ${corpusIds.size} notes of the shared corpus`, cvCorpus);
printBySet(cvBySet);

// Random folds put every writer's notes on both sides, so a rule tuned to a writer's wording
// looks better there than on the next writer's. Leaving one set out at a time (each set is one
// writer's) scores every note with weights fitted without its writer: the figure closest to
// notes nobody here wrote. Slower (one fit per set), so on request.
if (process.argv.includes('--by-writer')) {
  const byWriter = emptyScore();
  const sets = trainingSets();
  for (const held of sets) {
    score(
      byWriter,
      rulesFittedOn(sets.filter((s) => s !== held).flatMap((s) => s.notes)),
      held.notes,
    );
  }
  print(
    `Left one training set out at a time (${sets.length} sets, weights and thresholds refitted without it), all ${notes.length} training notes`,
    byWriter,
  );
}

for (const set of heldOutSets()) {
  const s = score(emptyScore(), rules, set.notes);
  print(`Held out: ${set.name}, ${set.notes.length} notes (committed weights)`, s);
  if (verbose) for (const m of s.missed) console.log(`    ${m}`);
}
