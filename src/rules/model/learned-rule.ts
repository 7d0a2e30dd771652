import type { Note } from '../../text/note.js';
import type { Rule, RuleContext } from '../rule.js';
import type { Features, FitOptions, Weights } from './logistic.js';
import type { ThresholdSearch } from './threshold.js';

/**
 * A rule whose decision combines signals with learned weights. It exposes the
 * named features it computes for a note, so `npm run train` can fit its
 * weights and `npm run eval` can cross-validate them, and it can be rebuilt
 * with other weights (a fold's) without touching the registry.
 *
 * Weights live as JSON beside the rules: `src/rules/weights/<id>.json`.
 */
export interface LearnedRule extends Rule {
  weights: Weights;
  /** Named numeric features of the note (only non-zero ones need be present). */
  features(note: Note, context: RuleContext): Features;
  /** How `npm run train` fits this rule (defaults otherwise). */
  fitOptions?: FitOptions;
  /** When set, training chooses the threshold out of fold instead of taking fitOptions.threshold. */
  thresholdSearch?: ThresholdSearch;
  /** The same rule deciding with other weights. */
  withWeights(weights: Weights): LearnedRule;
}

export function isLearned(rule: Rule): rule is LearnedRule {
  return typeof (rule as Partial<LearnedRule>).withWeights === 'function';
}
