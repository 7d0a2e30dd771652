import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkNote } from '../src/index.js';
import type { Account } from '../src/types.js';

interface CorpusCase {
  id: string;
  note: string;
  account: Account;
  fire: string[];
  quiet: string[];
  ready?: boolean;
  why?: string;
}

function load(url: URL): CorpusCase[] {
  return readFileSync(fileURLToPath(url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusCase);
}

// The labelled corpus lives beside the repository, in shared/ (CI clones it there too).
const cases = load(new URL('../../shared/corpus/dev.jsonl', import.meta.url));
// Notes written apart from the corpus, to keep the rules honest beyond it.
const more = load(new URL('./fixtures/more-notes.jsonl', import.meta.url));

function assertLabels(c: CorpusCase): void {
  const report = checkNote(c.note, { account: c.account });
  const fired = new Set(report.findings.map((f) => f.rule));
  expect({ fired: c.fire.filter((id) => fired.has(id)) }).toEqual({ fired: c.fire });
  expect({ quiet: c.quiet.filter((id) => fired.has(id)) }).toEqual({ quiet: [] });
  if (c.ready !== undefined) expect(report.ready).toBe(c.ready);
}

describe('dev corpus', () => {
  it('is there to test against', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
  });

  for (const c of cases) {
    it(`${c.id}: ${c.why}`, () => assertLabels(c));
  }
});

describe('more labelled notes', () => {
  for (const c of more) {
    it(`${c.id}: ${c.note.slice(0, 60)}`, () => assertLabels(c));
  }
});
