import { body } from '../text/structure.js';
import { at, type Rule } from './rule.js';

const MAX_LINES = 3;
const MAX_SENTENCES = 4;

export const tooManyLines: Rule = {
  id: 'too-many-lines',
  level: 'info',
  description: 'More than about three short lines: an invitation is read in a glance.',
  check(note) {
    // The language layer has the body already, unless it read only the start of a paste.
    const a = note.analysis;
    const { start, end } = a.truncated ? body(note.text) : a.body;
    const lineStarts: number[] = [];
    const content = note.text.slice(start, end);
    for (const m of content.matchAll(/[^\r\n]*\S[^\r\n]*/g)) {
      lineStarts.push(start + m.index + (m[0].length - m[0].trimStart().length));
    }
    // Fewer sentence ends than the limit: no need to segment.
    const ends = content.match(/[.!?。！？]+(?:\s|$)/g)?.length ?? 0;
    // Fragments such as "Best," on their own line are not sentences a reader has to get through.
    const sentences = (ends + 1 <= MAX_SENTENCES ? [] : note.sentences).filter(
      (s) => s.end > start && s.start < end && s.text.split(/\s+/).length >= 3,
    );
    // Point at what comes past the limit: the part to cut or merge.
    let cutFrom: number | undefined;
    let what = '';
    if (lineStarts.length > MAX_LINES) {
      cutFrom = lineStarts[MAX_LINES];
      what = `${lineStarts.length} lines`;
    } else if (sentences.length > MAX_SENTENCES) {
      cutFrom = sentences[MAX_SENTENCES]?.start;
      what = `${sentences.length} sentences`;
    }
    if (cutFrom === undefined) return [];
    return [
      at(
        note,
        cutFrom,
        end,
        `${what}: an invitation is read in a glance, and long ones look like form letters.`,
        'Keep it to about three short lines: context, the invitation in your own words, one next step.',
      ),
    ];
  },
};
