import { lexicon } from '../text/language.js';
import { type Rule, whole } from './rule.js';

/**
 * A note all about the sender: its clauses are about "I", "we", "my firm" and
 * none (or almost none) turns to the recipient. Reads who each clause is
 * about from the language layer and counts first- and second-person words
 * from the language's function-word lexicon, so it works in every language
 * the layer knows and stays silent on the others.
 */
// Nothing about them at all: a few clauses about the sender are enough.
const MIN_SELF_ALONE = 2;
const MIN_SELF_WORDS_ALONE = 3;
// A long run about the sender with a token "you".
const MIN_SELF = 4;
const RATIO = 3;

export const selfCentered: Rule = {
  id: 'self-centered',
  level: 'warning',
  description: 'The note is all about the sender, with little or nothing about the recipient.',
  check(note) {
    const a = note.analysis;
    if (a.language === 'unknown') return [];
    const lex = lexicon(a.language);
    const inBody = (t: { start: number; end: number }) =>
      t.start >= a.body.start && t.end <= Math.max(a.body.end, a.body.start);
    const words = a.tokens.filter((t) => inBody(t));
    const selfWords = words.filter(
      (t) => lex.firstPerson.has(t.lower) || lex.firstPossessive.has(t.lower),
    ).length;
    const themWords = words.filter(
      (t) => lex.secondPerson.has(t.lower) || lex.secondPossessive.has(t.lower),
    ).length;
    const sender = a.clauses.filter((c) => c.about === 'sender').length;
    // A question or an imperative is addressed to them even without "you".
    const recipient = a.clauses.filter(
      (c) => c.about === 'recipient' || c.question || c.imperative,
    ).length;
    const allAboutSender =
      themWords === 0 && recipient === 0
        ? sender >= MIN_SELF_ALONE && selfWords >= MIN_SELF_WORDS_ALONE
        : sender >= MIN_SELF && sender >= RATIO * Math.max(1, recipient);
    if (!allAboutSender) return [];
    return [
      whole(
        note,
        `All about you: ${sender} of ${a.clauses.length} clauses are about you or your company, ${recipient} about them.`,
        'Turn one sentence toward them: what of theirs caught your eye, or what you would like to hear from them.',
      ),
    ];
  },
};
