/**
 * `npm run train`: refits every learned rule over ../shared/corpus/dev.jsonl
 * and notes.jsonl and writes its weights to src/rules/weights/<id>.json.
 * Deterministic: the same notes give the same file.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { trainingNotes } from './corpus.js';
import { fitRule, learnedRules } from './learn.js';

const notes = trainingNotes();
if (learnedRules.length === 0) console.log('No learned rules to train.');
for (const rule of learnedRules) {
  const weights = fitRule(rule, notes);
  const file = new URL(`../src/rules/weights/${rule.id}.json`, import.meta.url);
  writeFileSync(fileURLToPath(file), `${JSON.stringify(weights, null, 2)}\n`);
  const used = Object.values(weights.weights).filter((w) => w !== 0).length;
  console.log(`${rule.id}: ${used} features, bias ${weights.bias} → ${fileURLToPath(file)}`);
}
