import { body } from '../text/structure.js';
import { at, type Rule } from './rule.js';

// LinkedIn's stock sentences, current and older, as people paste them.
const STOCK =
  /\b(?:i'd|i would) like to (?:add you to my professional network on linkedin|join your linkedin network)(?:\s*[.!])?/g;

export const defaultText: Rule = {
  id: 'default-text',
  level: 'error',
  description:
    "The note is LinkedIn's stock text with nothing personal beyond a greeting and sign-off.",
  check(note) {
    const stock = [...note.matches(STOCK)];
    if (stock.length === 0) return [];
    // What is left once the stock sentences, greeting and sign-off are gone.
    const { start, end } = body(note.text);
    let rest = note.lower.slice(start, end);
    for (const m of stock) rest = rest.replace(m[0], ' ');
    if (/[\p{L}\p{N}]/u.test(rest)) return [];
    const first = stock[0] as RegExpExecArray;
    return [
      at(
        note,
        first.index,
        first.index + first[0].length,
        "This is LinkedIn's stock text: it reads as no note at all and turns people off.",
        'Replace it with how you know them (where you met, who introduced you, what of theirs you read) and a next step such as a question.',
      ),
    ];
  },
};
