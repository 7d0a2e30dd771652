import { isBareToken } from './placeholder.js';
import { at, overlapsAny, type Rule, type RuleFinding } from './rule.js';

// Three or more capitalised words in a row, or a long capitalised word that
// is not an acronym; and runs of !!! or ???.
const CAPS_RUN = /\b\p{Lu}{2,}(?:[\s,.!?'’-]+\p{Lu}{2,}){2,}\b/gu;
const CAPS_WORD = /\b\p{Lu}{7,}\b/gu;
const TOKEN_EDGE = /[%{[<_$]/;
const PUNCT_RUN = /[!?]{3,}|!{2,}/g;

export const shouting: Rule = {
  id: 'shouting',
  level: 'warning',
  description: 'Words in capitals or runs of exclamation marks read as shouting or as an ad.',
  check(note) {
    const out: RuleFinding[] = [];
    const seen: Array<[number, number]> = [];
    for (const pattern of [CAPS_RUN, CAPS_WORD]) {
      for (const m of note.matches(pattern, 'text')) {
        const s = m.index;
        const e = s + m[0].length;
        if (overlapsAny(seen, [s, e])) continue;
        // %FIRSTNAME%, {NAME}: a template token, which the placeholder rule reports.
        if (TOKEN_EDGE.test(note.text[s - 1] ?? '') || isBareToken(m[0])) continue;
        seen.push([s, e]);
        out.push(
          at(
            note,
            s,
            e,
            'Capital letters read as shouting.',
            'Write it in normal case; let the words carry the emphasis.',
          ),
        );
      }
    }
    for (const m of note.matches(PUNCT_RUN, 'text')) {
      out.push(
        at(
          note,
          m.index,
          m.index + m[0].length,
          'Stacked punctuation reads as over-excited or as an ad.',
          'Use a single "!" or "?".',
        ),
      );
    }
    return out;
  },
};
