import { body } from '../text/structure.js';
import { at, type Rule } from './rule.js';

const MAX_LINES = 3;
const MAX_SENTENCES = 4;

export const tooManyLines: Rule = {
  id: 'too-many-lines',
  level: 'info',
  description: 'More than about three short lines: an invitation is read in a glance.',
  check(note) {
    const { start, end } = body(note.text);
    const content = note.text.slice(start, end);
    const lines = content.split(/\r?\n/).filter((l) => l.trim() !== '').length;
    // Fragments such as "Best," on their own line are not sentences a reader has to get through.
    const sentences = note.sentences.filter(
      (s) => s.start >= start && s.end <= end && s.text.split(/\s+/).length >= 3,
    ).length;
    if (lines <= MAX_LINES && sentences <= MAX_SENTENCES) return [];
    // Point at what comes after the third sentence: the part to cut or merge.
    const cutFrom = note.sentences.filter((s) => s.start >= start)[MAX_SENTENCES - 1]?.start ?? start;
    const what = lines > MAX_LINES ? `${lines} lines` : `${sentences} sentences`;
    return [
      at(
        note,
        Math.min(cutFrom, end),
        end,
        `${what}: an invitation is read in a glance, and long ones look like form letters.`,
        'Keep it to about three short lines: context, the invitation in your own words, one next step.',
      ),
    ];
  },
};
