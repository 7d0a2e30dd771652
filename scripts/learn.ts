/** Fitting every learned rule from labelled notes: shared by train and eval. */
import { NOTE_LIMITS } from '../src/limits.js';
import { rules } from '../src/rules/index.js';
import { isLearned, type LearnedRule } from '../src/rules/model/learned-rule.js';
import { fitLogistic, type Sample, type Weights } from '../src/rules/model/logistic.js';
import { fitWithThreshold } from '../src/rules/model/threshold.js';
import type { Rule } from '../src/rules/rule.js';
import { Note } from '../src/text/note.js';
import type { LabelledNote } from './corpus.js';

export const learnedRules: readonly LearnedRule[] = rules.filter(isLearned);

/** One sample per note that labels the rule (in `fire` or `quiet`), in order. */
export function samplesFor(rule: LearnedRule, notes: readonly LabelledNote[]): Sample[] {
  const out: Sample[] = [];
  for (const n of notes) {
    const label = n.fire.includes(rule.id) ? 1 : n.quiet.includes(rule.id) ? 0 : undefined;
    if (label === undefined) continue;
    const note = new Note(n.note);
    if (note.isBlank) continue;
    const context = { account: n.account, limit: NOTE_LIMITS[n.account] };
    out.push({ features: rule.features(note, context), label });
  }
  return out;
}

export function fitRule(rule: LearnedRule, notes: readonly LabelledNote[]): Weights {
  const samples = samplesFor(rule, notes);
  if (rule.thresholdSearch)
    return fitWithThreshold(rule.id, samples, rule.fitOptions ?? {}, rule.thresholdSearch);
  return fitLogistic(rule.id, samples, rule.fitOptions);
}

/** The registry with every learned rule refitted on `notes`. */
export function rulesFittedOn(notes: readonly LabelledNote[]): Rule[] {
  return rules.map((r) => (isLearned(r) ? r.withWeights(fitRule(r, notes)) : r));
}
