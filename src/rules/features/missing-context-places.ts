/**
 * Shared places and groups for missing-context: a word for one ("meetup",
 * "class"), named or pointed at ("the Wednesday pottery class", "Jo from the
 * gym"), and the shared markers ("same", "too", "fellow") around a name or a
 * group, unless all they share is a field or a title.
 */
import type { Clause, Token } from '../../text/analysis.js';
import { isSharedMarker, type ListName } from './missing-context-lists.js';
import { fieldWord, isTitle, partOfField } from './missing-context-lookalikes.js';
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
      // "a photographer too", "nurse here too": what is shared is a kind of person.
      if (titleBefore(words, i, sets)) {
        notShared ??= words
          .slice(i - 2, i + 1)
          .map((t) => t.text)
          .join(' ');
        continue;
      }
      // The few words around the marker in its clause ("same X", "X too", "also at X");
      // "both of us …" says its clause of the two of them.
      const near =
        w.lower === 'both'
          ? words.filter((_, k) => k !== i)
          : [...words.slice(Math.max(0, i - 5), i), ...words.slice(i + 1, i + 4)];
      const named = near.some((t) => isName(t) && !isTitle(words, words.indexOf(t), sets, isName));
      const group = near.some((t) => isSharedNoun(t, sets) || sets.fellowOk.has(t.lower));
      const industry = fieldWord(near, sets.notShared);
      // "fellow" is shared only with a group word or a name right after it ("fellow Wharton MBA", "fellow alum").
      // "another" likewise ("another Riverside Rowing member"), but "another question" claims nothing.
      if (w.lower === 'fellow' || w.lower === 'another') {
        const next = words[i + 1];
        // The phrase it opens is shared by its head: "fellow wedding photographer" is a
        // kind of person, "fellow Rotary member" and "fellow meetup organisers" a group.
        const phrase = phraseAfter(words, i + 1);
        const head = phrase.at(-1);
        if (
          next &&
          head &&
          (phrase.some(isName) || sets.fellowOk.has(head.lower) || isSharedNoun(head, sets))
        )
          namedOrGroup = true;
        else if (w.lower === 'fellow' || words.slice(i + 1, i + 4).some((t) => isRoleNoun(t, sets)))
          notShared ??= `${w.text} ${next?.text ?? ''}`.trim();
        continue;
      }
      // A job ("also a Certified Public Accountant") says only what they are, for the message.
      const role = industry ?? near.find((t) => isRoleNoun(t, sets));
      if ((named || group || bothThere(words, i, sets)) && !industry) namedOrGroup = true;
      else if (role) notShared ??= `${w.text} ${role.text}`;
    }
  }
  return { namedOrGroup, notShared };
}

const WE = new Set(['we', "we're", "'re", 'i', 'us']);
const PLACE_PREPOSITIONS = new Set(['at', 'in', 'on', 'with']);

/**
 * "we both swim at the Tooting lido", "you and I both live on the same
 * street": the two of them at one place, named or not. A field after the
 * preposition ("in the same industry") is read as one by the caller.
 */
function bothThere(
  words: readonly Token[],
  i: number,
  sets: Record<ListName, ReadonlySet<string>>,
): boolean {
  if (
    words[i]?.lower !== 'both' ||
    !words.slice(Math.max(0, i - 2), i).some((t) => WE.has(t.lower))
  )
    return false;
  const at = words.findIndex(
    (t, k) =>
      k > i && k < i + 5 && PLACE_PREPOSITIONS.has(t.lower) && words[k + 1]?.lower === 'the',
  );
  if (at < 0) return false;
  const rest = words.slice(at + 2, at + 7);
  const noun = rest.find((t) => t.pos === 'NOUN');
  return noun !== undefined && !isRoleNoun(noun, sets) && !fieldWord(rest, sets.notShared);
}

const PHRASE_WORDS = new Set(['NOUN', 'PROPN', 'ADJ', 'X']);

/** The noun phrase from `from` ("wedding photographer", "ex - Accenture"), at most four words. */
function phraseAfter(words: readonly Token[], from: number): Token[] {
  const phrase: Token[] = [];
  for (let k = from; k < words.length && phrase.length < 4; k++) {
    const t = words[k] as Token;
    const hyphen = t.text === '-' || t.text === '–';
    if (!hyphen && !PHRASE_WORDS.has(t.pos)) break;
    if (!hyphen) phrase.push(t);
  }
  return phrase;
}

/**
 * An article and a common noun ("a photographer too", "a freight forwarder
 * too"), or a noun opening "… here", before the marker: a kind of person.
 */
function titleBefore(
  words: readonly Token[],
  i: number,
  sets: Record<ListName, ReadonlySet<string>>,
): boolean {
  const noun = words[i - 1];
  const before = words[i - 2];
  if (noun?.lower === 'here') return i === 2 && before?.pos === 'NOUN';
  if (noun?.pos !== 'NOUN') return false;
  let k = i - 2;
  while (k >= 0 && k > i - 5 && (words[k]?.pos === 'NOUN' || words[k]?.pos === 'ADJ')) k--;
  const article = words[k];
  return article !== undefined && sets.articles.has(article.lower);
}

export function isRoleNoun(t: Token, sets: Record<ListName, ReadonlySet<string>>): boolean {
  return [t.lemma, t.lower, t.lower.replace(/s$/u, '')].some((w) => sets.roleNouns.has(w));
}

export function isSharedNoun(t: Token, sets: Record<ListName, ReadonlySet<string>>): boolean {
  if (t.pos !== 'NOUN' && t.pos !== 'PROPN' && t.pos !== 'X') return false;
  return sets.sharedNouns.has(t.lower) || sets.sharedNouns.has(t.lemma);
}
/** A word for a shared place or group ("meetup", "class"), not one inside a field ("real estate"). */
export function hasSharedNoun(
  words: readonly Token[],
  sets: Record<ListName, ReadonlySet<string>>,
  inBody: (t: Token) => boolean,
  own: ReadonlySet<number>,
): boolean {
  return words.some(
    (t, i) =>
      inBody(t) &&
      isSharedNoun(t, sets) &&
      !own.has(t.start) &&
      !partOfField(words, i, sets.notShared) &&
      !sendersNew(words, i, sets) &&
      !kindInGeneral(words, i),
  );
}

const OWN_OR_ANY = new Set(['a', 'an', 'my', 'our']);
const SECOND_PERSON = new Set(['you', 'your', 'yours', "you're", 'u', 'ur']);
// "thanks for stopping by our table": the reader was there.
const THANKS = new Set(['thanks', 'thank', 'congrats', 'congratulations']);
const PHRASE_TAIL = new Set(['ADP', 'NOUN', 'PROPN', 'ADJ', 'NUM']);

/**
 * Words that cannot be a place or group the two share, by start offset: the
 * sender's own or only proposed group ("my team at Shopify is hiring", "I'm
 * part of a Slack group", "happy to set up a meeting", "a meetup for Python
 * devs in Osaka") with the names in its phrase: "a", "my" or "our" before it
 * and the reader nowhere near. "Jo from my running club" and "I saw you at a
 * meetup" stay shared. Also the tail of a hyphenated word ("on-call").
 */
export function sendersOwnGroups(
  clauses: readonly Clause[],
  sets: Record<ListName, ReadonlySet<string>>,
): Set<number> {
  const own = new Set<number>();
  for (const c of clauses) {
    const words = c.tokens.filter((t) => t.type !== 'punctuation');
    if (words.some((t) => THANKS.has(t.lower)) || weDidThere(words)) continue;
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as Token;
      if (!isSharedNoun(w, sets)) continue;
      const hyphen = c.tokens[c.tokens.indexOf(w) - 1];
      if (hyphen?.text === '-' && hyphen.end === w.start) {
        own.add(w.start);
        continue;
      }
      let k = i - 1;
      while (k >= 0 && ['ADJ', 'NOUN', 'PROPN', 'NUM'].includes((words[k] as Token).pos)) k--;
      const det = words[k];
      if (!det || !OWN_OR_ANY.has(det.lower) || words[k - 1]?.lower === 'from') continue;
      const near = [...words.slice(0, i), ...words.slice(i + 1, i + 5)];
      if (near.some((t, j) => SECOND_PERSON.has(t.lower) || isSharedMarker(near, j, sets)))
        continue;
      let end = i + 1;
      while (end < Math.min(words.length, i + 7) && PHRASE_TAIL.has((words[end] as Token).pos))
        end++;
      for (const t of words.slice(k + 1, end)) own.add(t.start);
    }
  }
  return own;
}

/** "we shared a panel", "we ran a workshop": the group is one the two were in. */
function weDidThere(words: readonly Token[]): boolean {
  return words.some((t, i) => {
    if (t.lower !== 'we') return false;
    const verb = words.slice(i + 1, i + 3).find((w) => w.pos === 'VERB' || w.pos === 'AUX');
    return (
      verb !== undefined &&
      verb.lower !== verb.lemma &&
      /ed$|^(?:were|did|ran|met|sat|spent|went|had)$/u.test(verb.lower)
    );
  });
}

// What pins a plural to particular ones: "the/our meetups", "two teams", "at conferences".
const PINNED = new Set(['DET', 'PRON', 'NUM', 'ADP', 'PROPN', 'PART']);

/**
 * "how teams test their pipelines", "other groups I've seen": a plural with
 * nothing pinning it (no article, owner, number, name or preposition) is
 * the kind in general, not a group the two are in.
 */
function kindInGeneral(words: readonly Token[], i: number): boolean {
  const w = words[i] as Token;
  if (w.lower === w.lemma || !w.lower.endsWith('s')) return false;
  let k = i - 1;
  while (k >= 0 && ['ADJ', 'NOUN'].includes((words[k] as Token).pos)) k--;
  const before = words[k];
  return before === undefined || !PINNED.has(before.pos);
}

const FIRST_PERSON = new Set(['i', 'we', "i'm", "we're"]);

/**
 * "I'm starting a little peer group", "we run a book club": one the sender
 * has or makes now, not one the reader is in. "we met at a meetup" is past.
 */
function sendersNew(
  words: readonly Token[],
  i: number,
  sets: Record<ListName, ReadonlySet<string>>,
): boolean {
  let k = i - 1;
  while (k > i - 4 && k >= 0 && ['ADJ', 'NOUN', 'PROPN'].includes((words[k] as Token).pos)) k--;
  if (k < 0 || !sets.articles.has((words[k] as Token).lower)) return false;
  const verb = words[k - 1];
  if (verb?.pos !== 'VERB' || !(verb.lower.endsWith('ing') || verb.lower === verb.lemma))
    return false;
  return words.slice(Math.max(0, k - 4), k - 1).some((t) => FIRST_PERSON.has(t.lower));
}

/** "the Wednesday pottery class", "my Leeds running crowd", "Rails Girls Lyon workshops": a named or pointed-at shared place. */
export function sharedPlace(
  words: readonly Token[],
  sets: Record<ListName, ReadonlySet<string>>,
  inBody: (t: Token) => boolean,
  isName: (t: Token) => boolean,
  own: ReadonlySet<number>,
): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Token;
    if (!isSharedNoun(w, sets) || !inBody(w) || partOfField(words, i, sets.notShared)) continue;
    if (own.has(w.start)) continue;
    const before = words.slice(Math.max(0, i - 3), i);
    const after = words.slice(i + 1, i + 3);
    if (before.some(isName) || after.some(isName)) return true;
    if (/^\p{Lu}/u.test(w.text) && w.pos !== 'X') return true;
    // "the Wednesday pottery class": a day makes it one they both go to.
    if (before.some((t) => sets.eventDays.has(t.lower) && t.pos !== 'ADV')) return true;
    if (fromThe(words, i, before, sets)) return true;
  }
  if (namedFromThe(words, inBody, sets)) return true;
  return words.some((t, i) => sets.eventDays.has(t.lower) && dayOwns(words, i));
}

/**
 * "Jo from the gym", "you from the Tuesday club": someone placed by a place
 * the reader knows without its name. "from the sales team at Acme" is an
 * employer the sender names, read elsewhere.
 */
function fromThe(
  words: readonly Token[],
  i: number,
  before: readonly Token[],
  sets: Record<ListName, ReadonlySet<string>>,
): boolean {
  const from = before.findIndex((t) => t.lower === 'from');
  // "Tom from the growth team": a unit of the sender's company, which the reader need not share.
  if (sets.orgUnits.has((words[i] as Token).lemma)) return false;
  if (from < 0 || !['the', 'our'].includes(before[from + 1]?.lower ?? '')) return false;
  // "from the Acme team": a company the sender names for themself.
  if (before.slice(from + 2).some((t) => t.pos === 'PROPN')) return false;
  const next = words[i + 1];
  return !next || !['at', 'of', 'in', 'for'].includes(next.lower);
}

/**
 * "Kate from the climbing wall", "it's mia from pilates": the sender named by
 * a place the reader knows, whatever its noun. "It's Dan from TalentHub" names a company.
 */
function namedFromThe(
  words: readonly Token[],
  inBody: (t: Token) => boolean,
  sets: Record<ListName, ReadonlySet<string>>,
): boolean {
  return words.some((t, i) => {
    if (t.lower !== 'from' || !inBody(t)) return false;
    const name = words[i - 1];
    const the = words[i + 1]?.lower === 'the';
    // "it's mia from pilates": introduced as someone the reader should know, lower case or not.
    const itIs = words[i - 2]?.lower === "'s" && words[i - 3]?.lower === 'it';
    if (!the && !itIs) return false;
    if (!itIs && (name?.pos !== 'PROPN' || !/^\p{Lu}/u.test(name.text))) return false;
    const rest = words.slice(i + (the ? 2 : 1), i + 5);
    const end = rest.findIndex((w) => w.pos !== 'NOUN' && w.pos !== 'ADJ' && w.pos !== 'VERB');
    // Common words only: a name stops it, as "from the Acme team" names the sender's company.
    const phrase = end < 0 ? rest : rest.slice(0, end);
    const next = rest[phrase.length];
    return (
      phrase.some((w) => w.pos === 'NOUN') &&
      !phrase.some((w) => sets.orgUnits.has(w.lemma)) &&
      (!next || !['at', 'of', 'in', 'for'].includes(next.lower))
    );
  });
}

/** "Thursday's photo walk", "last night's meetup": an occasion both know by its day. */
function dayOwns(words: readonly Token[], i: number): boolean {
  if (words[i + 1]?.lower !== "'s") return false;
  return words.slice(i + 2, i + 5).some((t) => t.pos === 'NOUN');
}
