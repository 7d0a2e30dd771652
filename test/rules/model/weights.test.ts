import { describe, expect, it } from 'vitest';
import { trainingNotes } from '../../../scripts/corpus.js';
import { fitRule } from '../../../scripts/learn.js';
import { salesPitch } from '../../../src/rules/sales-pitch.js';
import committed from '../../../src/rules/weights/sales-pitch.json' with { type: 'json' };

describe('learned weights', () => {
  it('sales-pitch: the committed weights are what npm run train fits from the corpus', () => {
    // Fails when the features or vocabularies change without a retrain.
    expect(fitRule(salesPitch, trainingNotes())).toEqual(committed);
  }, 180_000);

  it('sales-pitch: fitting is deterministic', () => {
    const notes = trainingNotes().slice(0, 120);
    expect(fitRule(salesPitch, notes)).toEqual(fitRule(salesPitch, notes));
  }, 180_000);
});
