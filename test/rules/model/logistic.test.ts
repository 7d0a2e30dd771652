import { describe, expect, it } from 'vitest';
import { fires, fitLogistic, probability, type Sample } from '../../../src/rules/model/logistic.js';

const samples: Sample[] = [
  { features: { offer: 1, question: 1 }, label: 1 },
  { features: { offer: 1 }, label: 1 },
  { features: { offer: 1, price: 1 }, label: 1 },
  { features: { question: 1 }, label: 0 },
  { features: { question: 1, context: 1 }, label: 0 },
  { features: {}, label: 0 },
];

describe('logistic regression', () => {
  it('learns which signals make the label', () => {
    const w = fitLogistic('demo', samples);
    expect(w.weights.offer).toBeGreaterThan(0);
    expect(w.weights.context ?? 0).toBeLessThanOrEqual(0);
    expect(fires(w, { offer: 1 })).toBe(true);
    expect(fires(w, { question: 1 })).toBe(false);
  });

  it('gives the same weights for the same data', () => {
    expect(fitLogistic('demo', samples)).toEqual(fitLogistic('demo', samples));
  });

  it('shrinks weights with a stronger L2 penalty', () => {
    const loose = fitLogistic('demo', samples, { l2: 0.001 });
    const tight = fitLogistic('demo', samples, { l2: 1 });
    expect(Math.abs(tight.weights.offer ?? 0)).toBeLessThan(Math.abs(loose.weights.offer ?? 0));
  });

  it('ignores features it has no weight for', () => {
    const w = fitLogistic('demo', samples);
    expect(probability(w, { offer: 1, unseen: 5 })).toBe(probability(w, { offer: 1 }));
  });
});
