import type { Rule } from './rule.js';

export const blankNote: Rule = {
  id: 'blank-note',
  level: 'error',
  description: 'The note is empty or white space only.',
  check(note) {
    if (!note.isBlank) return [];
    return [
      {
        start: 0,
        end: note.raw.length,
        message:
          'The note is empty: a blank invitation looks automated and is accepted less often.',
        fix: 'Write one line on how you know them, one inviting them in your own words, and one suggesting a next step.',
      },
    ];
  },
};
