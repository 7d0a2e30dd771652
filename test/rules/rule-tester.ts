import { describe, expect, it } from 'vitest';
import { NOTE_LIMITS } from '../../src/limits.js';
import type { Rule } from '../../src/rules/rule.js';
import { Note } from '../../src/text/note.js';
import type { Account } from '../../src/types.js';

export interface ValidCase {
  note: string;
  account?: Account;
}

export interface InvalidCase extends ValidCase {
  /** The exact text of each finding's range in the note as passed, in order. */
  spans: string[];
}

function run(rule: Rule, { note, account = 'basic' }: ValidCase) {
  return rule.check(new Note(note), { account, limit: NOTE_LIMITS[account] });
}

/**
 * ESLint-style table test: one test per row, so a failure names its case.
 * Invalid rows pin every finding's range, and every finding must carry a fix.
 */
export function testRule(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(`rule ${rule.id}`, () => {
    it('has a kebab-case id, a level and a description', () => {
      expect(rule.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(['error', 'warning', 'info']).toContain(rule.level);
      expect(rule.description.length).toBeGreaterThan(10);
    });

    it('has both valid and invalid cases', () => {
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
    });

    describe('valid', () => {
      for (const c of cases.valid) {
        it(JSON.stringify(c.note).slice(0, 90), () => {
          expect(run(rule, c)).toEqual([]);
        });
      }
    });

    describe('invalid', () => {
      for (const c of cases.invalid) {
        it(JSON.stringify(c.note).slice(0, 90), () => {
          const findings = run(rule, c);
          expect(findings.map((f) => c.note.slice(f.start, f.end))).toEqual(c.spans);
          for (const f of findings) {
            expect(f.message.length).toBeGreaterThan(10);
            expect(f.fix.length).toBeGreaterThan(10);
            expect(f.start).toBeLessThanOrEqual(f.end);
          }
        });
      }
    });
  });
}
