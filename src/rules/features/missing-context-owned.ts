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
  inBody: (t: Token) => boolean = () => true,
): boolean {
  return hits.some((h) => {
    const first = words.find((t) => t.start >= h.start);
    if (!first) return true;
    // "my daughter starts a physio degree": the sender's own family, with the
    // reader nowhere in its sentence and no name, is no one the two share.
    // The greeting's name is the reader being addressed, not a tie.
    if (!sets.articles.has(first.lower))
      return sentenceOf(words, h).some((t) => tiesReader(t) && (t.pos !== 'PROPN' || inBody(t)));
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

const READER = new Set(['you', 'your', 'yours', "you're", "you've", 'u']);
const END = new Set(['.', '!', '?', ';', ':']);

function tiesReader(t: Token): boolean {
  return READER.has(t.lower) || t.pos === 'PROPN' || t.type === 'mention';
}

/** The words of the sentence around a hit, to its end mark. */
function sentenceOf(words: readonly Token[], h: Hit): Token[] {
  let from = words.findIndex((t) => t.start >= h.start);
  while (from > 0 && !END.has((words[from - 1] as Token).text)) from--;
  const out: Token[] = [];
  for (let k = from; k < words.length && !END.has((words[k] as Token).text); k++)
    out.push(words[k] as Token);
  return out;
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
