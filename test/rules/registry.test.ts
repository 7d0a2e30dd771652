import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/rules/index.js';

const srcDir = fileURLToPath(new URL('../../src/rules/', import.meta.url));
const testDir = fileURLToPath(new URL('./', import.meta.url));
const corpusReadme = fileURLToPath(new URL('../../../shared/corpus/README.md', import.meta.url));

// Like ESLint's checkRuleFiles: rules, registry, files and tests stay in step.
describe('rule registry', () => {
  const ruleFiles = readdirSync(srcDir)
    .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'rule.ts')
    .map((f) => f.replace(/\.ts$/, ''));

  it('has unique ids', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('registers every rule module, each in a file named after its id', () => {
    expect(rules.map((r) => r.id).sort()).toEqual([...ruleFiles].sort());
  });

  it('has a table test for every rule', () => {
    const tests = new Set(readdirSync(testDir).filter((f) => f.endsWith('.test.ts')));
    for (const r of rules) expect(tests, r.id).toContain(`${r.id}.test.ts`);
  });

  it('keeps the contract ids and levels of the corpus README', () => {
    const table = readFileSync(corpusReadme, 'utf8');
    const contract = [...table.matchAll(/^\| `([a-z-]+)` \| (error|warning|info) \|/gm)];
    expect(contract.length).toBe(8);
    for (const [, id, level] of contract) {
      expect(rules.find((r) => r.id === id)?.level, id).toBe(level);
    }
  });
});
