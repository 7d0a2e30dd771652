import type { Clause } from '../text/analysis.js';
import { Note } from '../text/note.js';
import { isSharedMarker, listsFor } from './features/missing-context-lists.js';
import { hasOutrightContext } from './missing-context.js';
import { at, quote, type Rule, type RuleFinding } from './rule.js';
import { cannedLines, type Kind } from './vocab/canned-lines.js';

/**
 * Canned lines that automation tools and copy-paste templates use in place of
 * a reason, by kind: the profile seen, the network grown, like-minded people,
 * mutual benefit, what LinkedIn suggested, a shared industry, their content
 * in general, praise with no object, a stock greeting. The words per language live in vocab/generic-opener.json; what
 * makes a line canned is that it would fit any recipient. "Came across your
 * talk on X" names something real, so only the profile-shaped versions count.
 */
const WHY: Record<Kind, (phrase: string) => string> = {
  profile: (p) =>
    `${p} is what automation says: it names their profile, not a reason to connect with them.`,
  network: (p) => `${p} says why you want more connections, not why this person.`,
  likeMinded: (p) => `${p} is a stock phrase that could be sent to anyone.`,
  mutual: (p) => `${p} promises mutual benefit without saying anything about them.`,
  platform: (p) => `${p} is something LinkedIn shows everyone, not a reason you chose them.`,
  sameField: (p) =>
    `${p}: sharing an industry is true of thousands of people, so it is not a reason.`,
  content: (p) => `${p} could be said to anyone who posts: it names nothing of theirs you read.`,
  praise: (p) => `${p} praises them in general: it names nothing they did that you know of.`,
  observation: (p) =>
    `${p} could be said of anyone's company or career: it names nothing you actually saw.`,
  stock: (p) => `${p} is a stock opener that reads as a template.`,
};

export const genericOpener: Rule = {
  id: 'generic-opener',
  level: 'warning',
  description:
    'A canned, automated-sounding line stands in for context: "I came across your profile", "expanding my network", "like-minded professionals", "we could add value to each other".',
  check(note) {
    const lines = cannedLines(note);
    if (lines.length === 0) return [];
    // A canned line beside real context is not standing in for it ("we met at
    // the Leeds meetup; let's support each other's launches"). The context must
    // hold without the canned lines: "been following your work" or "your
    // network of amazing people" read as a thing of theirs only by their words.
    // Nor is what the sender says they are ("we're a Pune-based dev team", "I
    // am an engineer from Kathmandu"): their city or firm is not something the
    // two share.
    if (
      hasOutrightContext(note) &&
      hasOutrightContext(withoutLines(note, [...lines, ...selfDescriptions(note)]))
    )
      return [];
    const out: RuleFinding[] = [];
    for (const h of lines) {
      out.push(
        at(
          note,
          h.start,
          h.end,
          WHY[h.kind](quote(note.text.slice(h.start, h.end))),
          'Replace it with the specific reason: where you met, who suggested you connect, or the piece of their work you read.',
        ),
      );
    }
    return out;
  },
};

// A form of "be" after the subject: the sender saying what they are.
const COPULA = new Set(['be']);
const SECOND_PERSON = new Set(['you', 'your', 'yours', 'yourself', 'u', 'ur']);

/**
 * Clauses where the sender says what they are, and nothing the two share:
 * "I am an engineer from Kathmandu", "We're a Pune-based dev team". A subject
 * "I" or "we" with a form of "be" next, no "you", no shared marker ("I'm in
 * Leeds too", "as well"), no kin or colleague ("I'm Dana's cousin") and no
 * possessive of a name.
 */
function selfDescriptions(note: Note): Clause[] {
  const lists = listsFor(note.analysis.language);
  if (!lists) return [];
  const { sets } = lists;
  return note.analysis.clauses.filter((c) => {
    if (c.about !== 'sender' || !c.subject) return false;
    const i = c.tokens.indexOf(c.subject);
    const verb = c.tokens.slice(i + 1, i + 3).find((t) => t.pos === 'AUX' || t.pos === 'VERB');
    if (!verb || !COPULA.has(verb.lemma)) return false;
    const words = c.tokens.filter((t) => t.type !== 'punctuation');
    return !words.some(
      (t, k) =>
        SECOND_PERSON.has(t.lower) ||
        t.type === 'mention' ||
        t.lower === "'s" ||
        sets.kin.has(t.lower) ||
        isSharedMarker(words, k, sets),
    );
  });
}

/** The note with its canned lines blanked out, same length, so what is left is the rest of it. */
function withoutLines(note: Note, lines: readonly { start: number; end: number }[]): Note {
  let text = note.text;
  for (const l of lines)
    text = text.slice(0, l.start) + ' '.repeat(l.end - l.start) + text.slice(l.end);
  return new Note(text);
}
