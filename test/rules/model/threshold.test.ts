import { describe, expect, it } from 'vitest';
import { fires, fitLogistic, type Sample } from '../../../src/rules/model/logistic.js';
import { chooseThreshold, fitWithThreshold } from '../../../src/rules/model/threshold.js';

// Offers mostly fire; a "question" alone is noise that some clean notes carry too.
function corpus(): Sample[] {
  const out: Sample[] = [];
  for (let i = 0; i < 40; i++) {
    out.push({ features: { offer: 1, ...(i % 5 === 0 ? { question: 1 } : {}) }, label: 1 });
    out.push({ features: i % 2 === 0 ? { question: 1 } : {}, label: 0 });
  }
  out.push({ features: { offer: 1 }, label: 0 });
  return out;
}

const CANDIDATES = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];

describe('sign-constrained weights', () => {
  it('keeps a signal declared as evidence from turning into a counter-signal', () => {
    // "question" appears more often among negatives: unconstrained, it learns a negative weight.
    const free = fitLogistic('demo', corpus(), { l2: 0.001 });
    expect(free.weights.question ?? 0).toBeLessThan(0);
    const held = fitLogistic('demo', corpus(), { l2: 0.001, signs: { question: 'for' } });
    expect(held.weights.question ?? 0).toBeGreaterThanOrEqual(0);
    expect(held.weights.offer ?? 0).toBeGreaterThan(0);
  });

  it('keeps a counter-signal at or below zero', () => {
    const samples: Sample[] = [
      { features: { thanks: 1, offer: 1 }, label: 1 },
      { features: { thanks: 1, offer: 1 }, label: 1 },
      { features: {}, label: 0 },
    ];
    const w = fitLogistic('demo', samples, { signs: { thanks: 'against' } });
    expect(w.weights.thanks ?? 0).toBeLessThanOrEqual(0);
  });
});

describe('threshold chosen out of fold', () => {
  it('catches every separable positive without false alarms', () => {
    const samples = corpus().slice(0, -1);
    const search = { folds: 4, maxFalseAlarms: 0, candidates: CANDIDATES };
    const t = chooseThreshold('demo', samples, { l2: 0.001 }, search);
    const w = fitWithThreshold('demo', samples, { l2: 0.001 }, search);
    expect(w.threshold).toBe(t);
    for (const s of samples) expect(fires(w, s.features)).toBe(s.label === 1);
  });

  it('gives up recall rather than exceed the false-alarm bound', () => {
    // Negatives that look exactly like positives: any threshold low enough to fire on them alarms.
    const samples: Sample[] = [];
    for (let i = 0; i < 20; i++) {
      samples.push({ features: { offer: 1 }, label: 1 });
      samples.push({ features: { offer: 1 }, label: i % 2 === 0 ? 0 : 1 });
      samples.push({ features: {}, label: 0 });
    }
    const strict = chooseThreshold(
      'demo',
      samples,
      {},
      {
        folds: 4,
        maxFalseAlarms: 0,
        candidates: CANDIDATES,
      },
    );
    const loose = chooseThreshold(
      'demo',
      samples,
      {},
      {
        folds: 4,
        maxFalseAlarms: 1,
        candidates: CANDIDATES,
      },
    );
    expect(strict).toBeGreaterThan(loose);
  });

  it('falls back to the configured threshold when no candidate meets the bound', () => {
    const samples: Sample[] = [
      { features: { offer: 1 }, label: 1 },
      { features: { offer: 1 }, label: 0 },
      { features: { offer: 1 }, label: 1 },
      { features: { offer: 1 }, label: 0 },
    ];
    const t = chooseThreshold(
      'demo',
      samples,
      { threshold: 0.45 },
      {
        folds: 2,
        maxFalseAlarms: 0,
        candidates: [0.1],
      },
    );
    expect(t).toBe(0.45);
  });
});
