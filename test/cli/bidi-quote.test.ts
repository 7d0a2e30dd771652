import pc from 'picocolors';
import { describe, expect, it } from 'vitest';
import { checkNote } from '../../src/check.js';
import { formatReport, underline } from '../../src/cli/format.js';

const BIDI = /[\u202A-\u202E\u2066-\u2069]/;

describe('the CLI quoting a note with bidi controls', () => {
  const note = 'Hi Sam, we met at the Lisbon meetup.\u202e Coffee next week?';

  it('warns about the control and prints none, a dot under the caret instead', () => {
    const out = formatReport(note, checkNote(note), 'basic', pc.createColors(false));
    expect(out).toContain('bidi-control');
    expect(out).toContain('U+202E RIGHT-TO-LEFT OVERRIDE');
    expect(out).not.toMatch(BIDI);
    const at = note.indexOf('\u202e');
    const { line, carets } = underline(note, at, at + 1);
    expect(line[carets.indexOf('^')]).toBe('·');
  });
});
