/**
 * Whose a person or thing in a note is, for missing-context: someone the
 * sender knows ("a friend of mine", not "a mentor" they want) and a thing
 * of the recipient's named after it ("a lecture of yours").
 */
import type { Token } from '../../text/analysis.js';
import type { Hit } from '../model/phrases.js';
import type { ListName } from './missing-context-lists.js';

const NOUNISH = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM', 'X']);

// After "a friend": "of mine", "who…", "said…" make it someone real.
const KNOWN_AFTER = new Set(['of', 'who', 'that', 'whom', 'from', 'at']);

/**
 * "my sister", "a friend of mine", "a colleague told me": a person the
 * sender knows. "looking for a mentor", "as a manager" is a kind of person
 * the sender wants or is, not one they share.
 */
export function someoneKnown(
  hits: readonly Hit[],
  words: readonly Token[],
  sets: Record<ListName, ReadonlySet<string>>,
  isName: (t: Token) => boolean,
): boolean {
  return hits.some((h) => {
    const first = words.find((t) => t.start >= h.start);
    if (!first || !sets.articles.has(first.lower)) return true;
    // Its own sentence ends it ("…a mentor. Could we…"); "a friend, Dana, said" names them.
    const at = words.findIndex((t) => t.start >= h.end);
    const next = words[at]?.text === ',' ? words[at + 1] : words[at];
    if (next !== undefined && words[at]?.text === ',') return isName(next);
    // "a mum of two" counts children; "a friend of mine" is someone.
    if (next?.lower === 'of') return words[at + 1]?.pos !== 'NUM';
    return (
      next !== undefined &&
      (KNOWN_AFTER.has(next.lower) || isName(next) || next.pos === 'VERB' || next.pos === 'AUX')
    );
  });
}

/** "a lecture of yours", "that talk of yours": a thing of theirs, named after it. */
export function ofYours(
  words: readonly Token[],
  sets: Record<ListName, ReadonlySet<string>>,
): boolean {
  return words.some((t, i) => {
    const thing = words[i - 2];
    return (
      sets.ownerWords.has(t.lower) &&
      // "of yours" on its own, not "of your team".
      !NOUNISH.has(words[i + 1]?.pos ?? '') &&
      words[i - 1]?.lower === 'of' &&
      thing?.pos === 'NOUN' &&
      !sets.genericThings.has(thing.lemma) &&
      !sets.genericThings.has(thing.lower)
    );
  });
}
