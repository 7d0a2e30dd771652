/**
 * The firing threshold of a learned rule, chosen from the training notes
 * alone: the weights are refitted on k−1 inner folds and score the fold held
 * back, so every training note gets a probability from weights that never saw
 * it; the threshold is the one that catches most of those out-of-fold
 * positives while its out-of-fold false alarms stay under a bound. Chosen this
 * way inside each cross-validation fold, the threshold is measured out of
 * sample like the weights, instead of being picked with the whole corpus in view.
 */
import {
  type FitOptions,
  fitLogistic,
  probability,
  type Sample,
  type Weights,
} from './logistic.js';

export interface ThresholdSearch {
  /** Inner folds (samples are dealt round-robin, in order, so the choice is deterministic). */
  folds: number;
  /** Highest out-of-fold false-alarm rate a threshold may have. */
  maxFalseAlarms: number;
  /** Candidate thresholds, lowest first. */
  candidates: readonly number[];
}

/** Out-of-fold probability of every sample, in order. */
function outOfFold(rule: string, samples: readonly Sample[], options: FitOptions, k: number) {
  const p = new Array<number>(samples.length).fill(0);
  for (let f = 0; f < k; f++) {
    const train = samples.filter((_, i) => i % k !== f);
    const w = fitLogistic(rule, train, options);
    samples.forEach((s, i) => {
      if (i % k === f) p[i] = probability(w, s.features);
    });
  }
  return p;
}

export function chooseThreshold(
  rule: string,
  samples: readonly Sample[],
  options: FitOptions,
  search: ThresholdSearch,
): number {
  const p = outOfFold(rule, samples, options, search.folds);
  const positives = samples.filter((s) => s.label === 1).length;
  const negatives = samples.length - positives;
  let best: number[] = [];
  let bestCaught = -1;
  for (const t of search.candidates) {
    let caught = 0;
    let alarms = 0;
    samples.forEach((s, i) => {
      if ((p[i] as number) < t) return;
      if (s.label === 1) caught++;
      else alarms++;
    });
    if (negatives > 0 && alarms / negatives > search.maxFalseAlarms) continue;
    if (caught > bestCaught) {
      bestCaught = caught;
      best = [t];
    } else if (caught === bestCaught) best.push(t);
  }
  // Of the thresholds that do equally well, the lowest: they catch the same training notes,
  // and the lowest still catches the pitches worded unlike any of them (recall is what new
  // wording costs most), within the same false-alarm bound.
  const fallback = options.threshold ?? 0.5;
  if (positives === 0 || best.length === 0) return fallback;
  return best[0] as number;
}

/** Weights fitted on every sample, with the threshold chosen out of fold on the same samples. */
export function fitWithThreshold(
  rule: string,
  samples: readonly Sample[],
  options: FitOptions,
  search: ThresholdSearch,
): Weights {
  const threshold = chooseThreshold(rule, samples, options, search);
  return { ...fitLogistic(rule, samples, options), threshold };
}
