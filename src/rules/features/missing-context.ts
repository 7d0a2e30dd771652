/**
 * What missing-context reads in a note, with its vocabularies
 * (./missing-context-lists.ts): the frames of context in the clauses — the two of them in the past, a thing of the recipient's,
 * something the recipient did or did for the sender, the sender knowing their
 * work first-hand, a named shared place. The rule (../missing-context.ts)
 * turns them into features and weighs them with learned weights.
 */
import type { Analysis, Clause, Token } from '../../text/analysis.js';
import type { Hit } from '../model/phrases.js';
import { isSharedMarker, type ListName } from './missing-context-lists.js';
import { fieldWord, isTitle, partOfField } from './missing-context-lookalikes.js';

const PREPOSITION_AFTER = new Set(['on', 'about', 'at', 'for', 'with', 'from', 'in', 'of', 'to']);
const TIME_WORDS = new Set([
  'while',
  'time',
  'year',
  'month',
  'week',
  'day',
  'age',
  'decade',
  'now',
  'moment',
]);
// "we never met", "we didn't overlap": a past said not to have been.
const NEVER = new Set(['never', "n't", 'not']);
const RELATIVE = new Set(['that', 'which', 'where', 'when']);
const NOUNISH = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM', 'X']);

// Present forms: "we're hiring", "we have" say what the sender does now, not what the two shared.
const PRESENT = new Set([
  'am',
  'is',
  'are',
  "'re",
  "'s",
  "'m",
  "'ve",
  'have',
  'has',
  "'d",
  'do',
  'does',
]);

/** "we spent three years bidding…", "we were on the same panel": the two of them, in the past. */
export function weDid(clauses: readonly Clause[]): boolean {
  return clauses.some((c) => {
    const we = c.tokens.findIndex((t) => t.lower === 'we');
    // "about time we connected" wishes for a past that has not happened.
    if (we < 0 || c.tokens[we - 1]?.lemma === 'time') return false;
    const after = c.tokens.slice(we + 1, we + 4);
    const verb = after.find((t) => t.pos === 'VERB' || t.pos === 'AUX');
    if (!verb || PRESENT.has(verb.lower) || verb.lower === verb.lemma) return false;
    if (after.some((t) => t.start < verb.start && NEVER.has(t.lower))) return false;
    return (
      !verb.lower.endsWith('ing') &&
      !/^(?:would|could|should|will|can|may|might|must)$/.test(verb.lemma)
    );
  });
}

/**
 * "your Strange Loop talk", "your answer on the mailing list", "your Lagos
 * office": a thing of theirs, made specific by its noun, a modifier or what
 * follows. "your work", "your profile", "your journey" alone are generic.
 */
export function recipientThings(
  words: readonly Token[],
  sets: Record<ListName, ReadonlySet<string>>,
): { specific: boolean; generic: boolean; genericHit: Hit | undefined } {
  let specific = false;
  let generic = false;
  let genericHit: Hit | undefined;
  for (let i = 0; i < words.length; i++) {
    const owner = words[i] as Token;
    if (!sets.ownerWords.has(owner.lower)) continue;
    const run: Token[] = [];
    let j = i + 1;
    while (j < words.length && run.length < 5) {
      const w = words[j] as Token;
      // "open-source library": a hyphen inside a word keeps the phrase going.
      const joined =
        w.text === '-' && w.start === (words[j - 1] as Token).end && words[j + 1]?.start === w.end;
      if (!joined && !NOUNISH.has(w.pos)) break;
      if (!joined) run.push(w);
      j++;
    }
    const nouns = run.filter((t) => t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'X');
    const first = nouns[0];
    const head = nouns.at(-1);
    if (!first || !head) continue;
    const after = words[j];
    const object = words[j + 1];
    // "your post on …", "your post quoting …", "your talk that …": what follows makes it specific.
    const followed =
      after !== undefined &&
      object !== undefined &&
      !sets.platformNames.has(object.lower) &&
      object.type !== 'punctuation' &&
      (PREPOSITION_AFTER.has(after.lower) ||
        RELATIVE.has(after.lower) ||
        (after.pos === 'VERB' && after.lower.endsWith('ing')));
    const named = nouns.some((t) => t.pos === 'PROPN' && !sets.platformNames.has(t.lower));
    const known = (t: Token, set: ReadonlySet<string>) => set.has(t.lemma) || set.has(t.lower);
    const listed = nouns.some((t) => known(t, sets.specificThings));
    const isGeneric = known(first, sets.genericThings);
    // A generic head needs a real object after it: "your work on Kafka", not "your journey for a while".
    const described =
      !isGeneric ||
      words
        .slice(j + 1, j + 7)
        .filter((t) => t.type !== 'punctuation')
        .slice(0, 4)
        .some((t) => (t.pos === 'NOUN' || t.pos === 'PROPN') && !TIME_WORDS.has(t.lemma));
    if (named || listed || (followed && first.pos !== 'X' && described) || (followed && !isGeneric))
      specific = true;
    else if (isGeneric) {
      generic = true;
      genericHit ??= {
        start: owner.start,
        end: head.end,
      };
    }
  }
  return { specific, generic, genericHit };
}

/** "same class", "fellow Wharton MBA", "at Zendesk too": shared, unless it is only an industry or title. */
export function sharedMarkers(
  clauses: readonly Clause[],
  sets: Record<ListName, ReadonlySet<string>>,
  isName: (t: Token) => boolean,
): { namedOrGroup: boolean; notShared: string | undefined } {
  let namedOrGroup = false;
  let notShared: string | undefined;
  for (const c of clauses) {
    const words = c.tokens.filter((t) => t.type !== 'punctuation');
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as Token;
      if (!isSharedMarker(words, i, sets)) continue;
      // The few words around the marker in its clause ("same X", "X too", "also at X").
      const near = [...words.slice(Math.max(0, i - 5), i), ...words.slice(i + 1, i + 4)];
      const named = near.some((t) => isName(t) && !isTitle(words, words.indexOf(t), sets, isName));
      const group = near.some((t) => isSharedNoun(t, sets) || sets.fellowOk.has(t.lower));
      const industry = fieldWord(near, sets.notShared);
      // "fellow" is shared only with a group word or a name right after it ("fellow Wharton MBA", "fellow alum").
      if (w.lower === 'fellow') {
        const next = words[i + 1];
        if (next && (isName(next) || sets.fellowOk.has(next.lower) || isSharedNoun(next, sets)))
          namedOrGroup = true;
        else notShared ??= `${w.text} ${next?.text ?? ''}`.trim();
        continue;
      }
      if ((named || group) && !industry) namedOrGroup = true;
      else if (industry || w.lower === 'fellow')
        notShared ??= `${w.text} ${industry?.text ?? words[i + 1]?.text ?? ''}`.trim();
    }
  }
  return { namedOrGroup, notShared };
}

export function isSharedNoun(t: Token, sets: Record<ListName, ReadonlySet<string>>): boolean {
  if (t.pos !== 'NOUN' && t.pos !== 'PROPN' && t.pos !== 'X') return false;
  return sets.sharedNouns.has(t.lower) || sets.sharedNouns.has(t.lemma);
}

/** "you ran the Bath breakfast club", "saw you shipped the plugin": something they did, named. */
export function recipientDid(
  clauses: readonly Clause[],
  sets: Record<ListName, ReadonlySet<string>>,
  inBody: (t: Token) => boolean,
): boolean {
  return clauses.some((c) => {
    const you = c.tokens.findIndex(
      (t) => t.lower === 'you' || t.lower === 'du' || t.lower === 'sie',
    );
    if (you < 0) return false;
    const rest = c.tokens.slice(you + 1, you + 5);
    const verb = rest.find(
      (t) => sets.recipientVerbs.has(t.lower) || sets.recipientVerbs.has(t.lemma),
    );
    if (!verb) return false;
    return c.tokens.some(
      (t) => inBody(t) && (t.pos === 'PROPN' || t.pos === 'NOUN') && t.start > verb.end,
    );
  });
}

/** "thanks for hosting last night's Python Ireland meetup": something they did for the sender, named. */
export function thankedFor(
  hits: readonly Hit[],
  words: readonly Token[],
  sets: Record<ListName, ReadonlySet<string>>,
  isName: (t: Token) => boolean,
): boolean {
  return hits.some((h) => {
    const after = words.filter((t) => t.start >= h.end).slice(0, 7);
    return (
      after.some((t) => isName(t) || isSharedNoun(t, sets) || sets.specificThings.has(t.lemma)) ||
      didForSender(after, sets)
    );
  });
}

/** "thanks for pulling my van out", "for mentoring me": a deed done for the sender, not for the note itself. */
function didForSender(
  after: readonly Token[],
  sets: Record<ListName, ReadonlySet<string>>,
): boolean {
  if (after[0]?.pos !== 'VERB') return false;
  const owned = after.slice(1, 4).findIndex((t) => sets.senderOwned.has(t.lower));
  if (owned < 0) return false;
  return !after
    .slice(owned + 1, owned + 4)
    .some((t) => sets.noteItself.has(t.lemma) || sets.noteItself.has(t.lower));
}

/** "I read Rivers of Trade", "we've used your SDK": the sender knows their work first-hand. */
export function consumed(
  clauses: readonly Clause[],
  sets: Record<ListName, ReadonlySet<string>>,
): boolean {
  return clauses.some((c) => {
    if (c.about !== 'sender') return false;
    const verb = c.tokens.findIndex((t) => sets.consumeVerbs.has(t.lower));
    if (verb < 0) return false;
    // Their generic "posts" or "work" do not count; a named book, talk or product does.
    return c.tokens
      .slice(verb + 1, verb + 5)
      .some((t) => t.pos === 'PROPN' && !sets.platformNames.has(t.lower));
  });
}

/** A word for a shared place or group ("meetup", "class"), not one inside a field ("real estate"). */
export function hasSharedNoun(
  words: readonly Token[],
  sets: Record<ListName, ReadonlySet<string>>,
  inBody: (t: Token) => boolean,
): boolean {
  return words.some(
    (t, i) => inBody(t) && isSharedNoun(t, sets) && !partOfField(words, i, sets.notShared),
  );
}

/** "the Wednesday pottery class", "my Leeds running crowd", "Rails Girls Lyon workshops": a named or pointed-at shared place. */
export function sharedPlace(
  words: readonly Token[],
  sets: Record<ListName, ReadonlySet<string>>,
  inBody: (t: Token) => boolean,
  isName: (t: Token) => boolean,
): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Token;
    if (!isSharedNoun(w, sets) || !inBody(w) || partOfField(words, i, sets.notShared)) continue;
    const before = words.slice(Math.max(0, i - 3), i);
    const after = words.slice(i + 1, i + 3);
    if (before.some(isName) || after.some(isName)) return true;
    if (/^\p{Lu}/u.test(w.text) && w.pos !== 'X') return true;
  }
  return false;
}

export function namesOutsideSenderClauses(a: Analysis, names: Analysis['properNouns']): boolean {
  return names.some((n) => {
    const clause = a.clauses.find((c) => c.start <= n.start && n.end <= c.end);
    if (!clause) return false;
    if (clause.about !== 'sender') return true;
    return clause.tokens.some((t) => t.lower === 'you' || t.lower === 'your' || t.lower === 'we');
  });
}

/** "Ahmed Yilmaz is an old friend", "Chloé and José said…": a named person doing something. */
export function namedPersonActs(
  clauses: readonly Clause[],
  isName: (t: Token) => boolean,
): boolean {
  return clauses.some((c) => {
    const subject = c.subject;
    if (c.about !== 'third-party' || !subject || !isName(subject)) return false;
    return c.tokens.some((t) => t.start > subject.end && (t.pos === 'VERB' || t.pos === 'AUX'));
  });
}

/** "reaching out through Omar", "intro from Marco Bianchi": a named go-between. */
export function throughNamedPerson(
  hits: readonly Hit[],
  words: readonly Token[],
  isName: (t: Token) => boolean,
): boolean {
  return hits.some((h) =>
    words.some(
      (t) => t.start > h.end && t.start <= h.end + 2 && (isName(t) || t.type === 'mention'),
    ),
  );
}
