/**
 * What missing-context reads in a note, with its vocabularies
 * (./missing-context-lists.ts): the frames of context in the clauses — the two of them in the past, a thing of the recipient's,
 * something the recipient did or did for the sender, the sender knowing their
 * work first-hand, a named shared place. The rule (../missing-context.ts)
 * turns them into features and weighs them with learned weights.
 */
import type { Analysis, Clause, Token } from '../../text/analysis.js';
import type { Hit } from '../model/phrases.js';
import type { ListName } from './missing-context-lists.js';
import { isSharedNoun } from './missing-context-places.js';

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
const PHRASE = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM', 'X', 'DET', 'ADP', 'CCONJ', 'PART']);
const DEICTIC = new Set(['the', 'this', 'that', 'these', 'those']);
const NOUNISH = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM', 'X']);
const POSSESSIVE = new Set(["'s", '’s']);

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
    // "we raised $4M", "we hired 30 people": the sender's company counting its results.
    const object = c.tokens[c.tokens.indexOf(verb) + 1];
    if (object && (object.pos === 'NUM' || object.pos === 'SYM' || object.type === 'currency'))
      return false;
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
    let run: Token[] = [];
    let j = i + 1;
    while (j < words.length && run.length < 5) {
      const w = words[j] as Token;
      const next = words[j + 1];
      // "open-source library": a hyphen inside a word keeps the phrase going.
      const joined =
        w.text === '-' && w.start === (words[j - 1] as Token).end && next?.start === w.end;
      // "on-call handbook": the word before that hyphen belongs to the phrase whatever its tag.
      const hyphenated = next?.text === '-' && next.start === w.end;
      // "your team's paper": the thing is the one the possessive points to.
      if (POSSESSIVE.has(w.lower) && run.length > 0 && w.start === (words[j - 1] as Token).end) {
        run = [];
        j++;
        continue;
      }
      // "saw your posting for…": a kind of piece, even mis-tagged as a verb.
      const piece = sets.specificThings.has(w.lower);
      if (!joined && !hyphenated && !piece && !NOUNISH.has(w.pos)) break;
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
    const topic = nounPhrase(words, j + 1);
    const described =
      !isGeneric ||
      (onePiece(head, sets)
        ? topic.some((t) => (t.pos === 'NOUN' || t.pos === 'PROPN') && !TIME_WORDS.has(t.lemma))
        : pointedAt(topic, sets));
    // "your invoice parser", "your pottery reels": a kind of thing narrowed by a noun before it.
    // "your marketing background", "your sales team", "your profile today" stay generic.
    const compound =
      nouns.length >= 2 &&
      !known(first, sets.genericThings) &&
      !known(head, sets.genericThings) &&
      !TIME_WORDS.has(head.lemma) &&
      !sets.eventDays.has(head.lower) &&
      !sets.orgUnits.has(head.lower) &&
      !nouns.some((t) => sets.platformNames.has(t.lower));
    if (
      named ||
      listed ||
      compound ||
      (followed && first.pos !== 'X' && described) ||
      (followed && !isGeneric)
    )
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

/** "the startup world", "the tech space": a field even when pointed at. */
function fieldLike(phrase: readonly Token[], sets: Record<ListName, ReadonlySet<string>>): boolean {
  const end = phrase.findIndex((t) => t.pos === 'ADP');
  const t = (end < 0 ? phrase : phrase.slice(0, end)).at(-1);
  return t !== undefined && (sets.notShared.has(t.lemma) || sets.genericThings.has(t.lemma));
}

/**
 * The noun phrase from `from`, up to its verb or its punctuation: "…in
 * sustainability | is inspiring". A hyphen joins words whatever their tags ("cold-start").
 */
function nounPhrase(words: readonly Token[], from: number): Token[] {
  const phrase: Token[] = [];
  for (let k = from; k < words.length && phrase.length < 6; k++) {
    const t = words[k] as Token;
    const prev = words[k - 1];
    const hyphen = t.text === '-' && prev?.end === t.start && words[k + 1]?.start === t.end;
    if (hyphen) continue;
    const joined = prev?.text === '-' && prev.end === t.start;
    if (!joined && (t.type === 'punctuation' || !PHRASE.has(t.pos))) break;
    phrase.push(t);
  }
  return phrase;
}

/**
 * "your post on churn" is one piece; "your posts on leadership", "your
 * content on supply chain", "your work in sustainability" are a field they
 * cover, however it is named.
 */
function onePiece(head: Token, sets: Record<ListName, ReadonlySet<string>>): boolean {
  return head.lower === head.lemma && sets.genericPieces.has(head.lower);
}

/** A topic that is one thing, not a field: named, counted, pointed at ("the Thames barrier"), or a kind of piece. */
function pointedAt(topic: readonly Token[], sets: Record<ListName, ReadonlySet<string>>): boolean {
  return topic.some(
    (t, k) =>
      (t.pos === 'PROPN' && !sets.platformNames.has(t.lower) && !sets.fieldAcronyms.has(t.lower)) ||
      t.type === 'number' ||
      sets.specificThings.has(t.lemma) ||
      (DEICTIC.has(t.lower) && k < 2 && !fieldLike(topic.slice(k + 1), sets)),
  );
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
    // "what you've built in your career", "what are you building these days": no thing of theirs named.
    return c.tokens.some(
      (t) =>
        inBody(t) &&
        (t.pos === 'PROPN' || t.pos === 'NOUN') &&
        t.start > verb.end &&
        !sets.genericThings.has(t.lemma) &&
        !sets.genericThings.has(t.lower) &&
        !TIME_WORDS.has(t.lemma),
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
    // "finished my degree at Warwick", "used our budget": the sender's own thing, not theirs.
    if (sets.senderAlone.has(c.tokens[verb + 1]?.lower ?? '')) return false;
    // Their generic "posts" or "work" do not count; a named book, talk or product does.
    // A title in capitals mid-sentence is a name whatever its tag ("finished reading Inspired").
    return c.tokens
      .slice(verb + 1, verb + 5)
      .some(
        (t, k, ts) =>
          (t.pos === 'PROPN' ||
            (/^\p{Lu}\p{Ll}/u.test(t.text) && k > 0 && ts[k - 1]?.type !== 'punctuation')) &&
          !sets.platformNames.has(t.lower),
      );
  });
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
