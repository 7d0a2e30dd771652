/**
 * What the Slack check reply says about notes the rules added for issues 10
 * and 12: bidi controls flagged but never echoed.
 */
import { describe, expect, it } from 'vitest';
import { checkNote } from '../../../src/check.js';
import { faultInContext, reportMessage } from '../../../src/slack/blocks/report.js';

const BIDI = /[\u202A-\u202E\u2066-\u2069]/;

describe('a note holding bidi controls', () => {
  const note = 'Hi Sam, we met at the Lisbon \u2067meetup\u2069.\u202e Coffee?';

  it('gets the warning, and the reply echoes none of the controls', () => {
    const report = checkNote(note);
    expect(report.findings.filter((f) => f.rule === 'bidi-control')).toHaveLength(3);
    const reply = JSON.stringify(reportMessage(note, report, 'basic'));
    expect(reply).toContain('text-direction control');
    expect(reply).toContain('U+202E RIGHT-TO-LEFT OVERRIDE');
    expect(reply).not.toMatch(BIDI);
  });

  it('marks where the invisible control sits', () => {
    const at = note.indexOf('\u202e');
    expect(faultInContext(note, at, at + 1)).toBe(' …met at the Lisbon meetup.‸ Coffee?');
  });
});
