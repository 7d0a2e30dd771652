import type { Rule, RuleFinding } from './rule.js';

// Bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069). They are
// invisible, reorder the text around them when shown, and are the trick behind
// "Trojan Source" text: what the recipient sees is not what was typed. The
// plain text has them stripped, so this rule reads the note as passed.
const BIDI_RUN = /[\u202A-\u202E\u2066-\u2069]+/g;

const NAMES: Record<string, string> = {
  '\u202A': 'LEFT-TO-RIGHT EMBEDDING',
  '\u202B': 'RIGHT-TO-LEFT EMBEDDING',
  '\u202C': 'POP DIRECTIONAL FORMATTING',
  '\u202D': 'LEFT-TO-RIGHT OVERRIDE',
  '\u202E': 'RIGHT-TO-LEFT OVERRIDE',
  '\u2066': 'LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE',
  '\u2068': 'FIRST STRONG ISOLATE',
  '\u2069': 'POP DIRECTIONAL ISOLATE',
};

/** "U+202E RIGHT-TO-LEFT OVERRIDE", for each distinct control in a run. */
function describe(run: string): string {
  return [...new Set(run)]
    .map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()} ${NAMES[c] ?? ''}`)
    .join(', ');
}

export const bidiControl: Rule = {
  id: 'bidi-control',
  level: 'warning',
  description:
    'The note holds an invisible text-direction control (bidi embedding, override or isolate).',
  check(note) {
    if (note.raw === note.text) return []; // nothing was stripped, so there is none
    const out: RuleFinding[] = [];
    BIDI_RUN.lastIndex = 0;
    for (let m = BIDI_RUN.exec(note.raw); m; m = BIDI_RUN.exec(note.raw)) {
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        message: `Invisible text-direction control (${describe(m[0])}): it can make the note show in a different order from what you typed, and it looks like a trick.`,
        fix: 'Delete it: retype the words around it, or paste the note as plain text.',
      });
    }
    return out;
  },
};
