/**
 * Things in a note that look like context to missing-context and are not:
 * history said to be absent, a shared field named in one or more words, and
 * a job title written in capitals ("I'm also a Chartered Accountant").
 */
import type { Token } from '../../text/analysis.js';
import type { Hit } from '../model/phrases.js';
import type { ListName } from './missing-context-lists.js';

// Present forms after "since we": a cause ("since we're both in fintech"), not a shared past.
const PRESENT = new Set(['am', 'is', 'are', "'re", "'m", 'have', "'ve", 'do']);

/**
 * History said to be absent ("not sure we've met", "I don't think we spoke")
 * is no history, nor is a past only wished for ("high time we talked");
 * "you may not remember, but we met" still is.
 */
export function affirmed(
  hits: readonly Hit[],
  tokens: readonly Token[],
  sets: Record<ListName, ReadonlySet<string>>,
): Hit[] {
  return hits.filter((h) => {
    const at = tokens.findIndex((t) => t.start >= h.start);
    const before = tokens.slice(Math.max(0, at - 4), at < 0 ? tokens.length : at);
    const clause = before.slice(before.findLastIndex((t) => t.type === 'punctuation') + 1);
    // "about time we talked" wishes for a past that has not happened.
    if (sets.wishedPast.has(`${clause.at(-2)?.lower} ${clause.at(-1)?.lower}`)) return false;
    // "let's keep each other in mind" proposes; it recalls nothing.
    if (clause.some((t) => t.lower === "let's" || t.lower === 'let')) return false;
    const inside = tokens.filter((t) => t.start >= h.start && t.end <= h.end);
    if (inside.at(-1)?.lower === 'we') {
      // "since we move in similar circles", "since we're in the same field": a reason, not a time.
      const after = tokens.filter((t) => t.start >= h.end).slice(0, 3);
      const verb = after.find((t) => t.pos === 'VERB' || t.pos === 'AUX');
      if (verb && (PRESENT.has(verb.lower) || verb.lower === verb.lemma)) return false;
    }
    const negated = clause.findIndex((t) => sets.negations.has(t.lower));
    if (negated < 0) return true;
    return clause
      .slice(negated)
      .some((t) => sets.memoryVerbs.has(t.lemma) || sets.memoryVerbs.has(t.lower));
  });
}

/** The first word of a field ("real estate", "line of work", "fintech") among `words`, if any. */
export function fieldWord(words: readonly Token[], fields: ReadonlySet<string>): Token | undefined {
  return words.find((t, k) => {
    if (fields.has(t.lemma) || fields.has(t.lower)) return true;
    const two = `${t.lower} ${words[k + 1]?.lower ?? ''}`;
    return fields.has(two) || fields.has(`${two} ${words[k + 2]?.lower ?? ''}`);
  });
}

/** Whether the word at `i` ends a two-word field ("real estate"): not a shared "estate". */
export function partOfField(
  words: readonly Token[],
  i: number,
  fields: ReadonlySet<string>,
): boolean {
  const before = words[i - 1];
  return before !== undefined && fields.has(`${before.lower} ${(words[i] as Token).lower}`);
}

/**
 * Whether the name at `i` is a title after an article ("a Chartered Accountant",
 * "un Ingeniero Industrial"): a kind of person, not a place, group or person
 * they share. "a Google engineer" names an employer, so a noun after the run keeps it a name.
 */
export function isTitle(
  words: readonly Token[],
  i: number,
  sets: Record<ListName, ReadonlySet<string>>,
  isName: (t: Token) => boolean,
): boolean {
  let first = i;
  while (first > 0 && isName(words[first - 1] as Token)) first--;
  let last = i;
  while (last + 1 < words.length && isName(words[last + 1] as Token)) last++;
  const before = words[first - 1];
  const after = words[last + 1];
  if (!before || !sets.articles.has(before.lower)) return false;
  return !after || (after.pos !== 'NOUN' && after.pos !== 'PROPN');
}
