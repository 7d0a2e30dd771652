import { graphemeOffset } from '../text/graphemes.js';
import { at, type Rule } from './rule.js';

export const noteLength: Rule = {
  id: 'note-length',
  level: 'error',
  description:
    "The note is longer than the account's limit (200 Basic, 300 Premium), counted as a person sees characters.",
  check(note, { account, limit }) {
    if (note.length <= limit) return [];
    const over = note.length - limit;
    // Highlight what LinkedIn would not accept: everything past the limit.
    const cut = graphemeOffset(note.text, limit);
    const label = account === 'premium' ? 'Premium' : 'Basic';
    return [
      at(
        note,
        cut,
        note.text.length,
        `${note.length} characters: ${over} over the ${limit}-character limit for ${label} accounts.`,
        `Cut at least ${over} character${over === 1 ? '' : 's'}: keep one line of context, the invitation and a short next step.`,
      ),
    ];
  },
};
