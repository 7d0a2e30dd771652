import { NOTE_LIMITS } from '../limits.js';
import type { Analysis, Clause, Language, Token } from '../text/analysis.js';
import { Note } from '../text/note.js';
import type { LearnedRule } from './model/learned-rule.js';
import { type Features, probability, type Weights } from './model/logistic.js';
import { compilePhrases, findPhrases, type Hit } from './model/phrases.js';
import { placeholder } from './placeholder.js';
import { type RuleFinding, whole } from './rule.js';
import { cannedLines } from './vocab/canned-lines.js';
import vocabulary from './vocab/missing-context.json' with { type: 'json' };
import fitted from './weights/missing-context.json' with { type: 'json' };

/**
 * Context is a relation between the two people (shared history, a shared
 * place, group or event), a third person they share, or a specific thing of
 * the recipient's. The rule reads those as signals from the language layer
 * and the vocabularies in vocab/missing-context.json, weighs them with
 * learned weights (weights/missing-context.json, `npm run train`), and fires
 * when the note most likely says none of it. Things that only look like
 * context (a shared industry, "your work", "the algorithm suggested you")
 * count against it and are named in the finding.
 */
const LIST_NAMES = [
  'sharedHistory',
  'sharedNouns',
  'specificThings',
  'genericThings',
  'ownerWords',
  'referral',
  'kin',
  'consumeVerbs',
  'recipientVerbs',
  'sharedMarkers',
  'notShared',
  'fellowOk',
  'platform',
  'flattery',
  'platformNames',
  'thanks',
  'throughPerson',
  'kinOwners',
] as const;
type ListName = (typeof LIST_NAMES)[number];

interface Lists {
  history: RegExp;
  referral: RegExp;
  platform: RegExp;
  flattery: RegExp;
  thanks: RegExp;
  throughPerson: RegExp;
  kinAfterOwner: RegExp;
  sets: Record<ListName, ReadonlySet<string>>;
}

const RAW = vocabulary as unknown as Record<string, Partial<Record<ListName, string[]>>>;

function compile(language: Language): Lists | undefined {
  const d = RAW[language];
  if (!d) return undefined;
  // Every list exists for every known language, empty if its data has none.
  const sets = Object.fromEntries(
    LIST_NAMES.map((n) => [n, new Set(d[n] ?? [])]),
  ) as unknown as Record<ListName, ReadonlySet<string>>;
  // "my sister", "a mutual friend", "mi amiga": a person the sender shares with them.
  const kin = (d.kin ?? []).flatMap((k) => (d.kinOwners ?? []).map((o) => `${o} ${k}`));
  return {
    history: compilePhrases(d.sharedHistory),
    referral: compilePhrases(d.referral),
    platform: compilePhrases(d.platform),
    flattery: compilePhrases(d.flattery),
    thanks: compilePhrases(d.thanks),
    throughPerson: compilePhrases(d.throughPerson),
    kinAfterOwner: compilePhrases(kin),
    sets,
  };
}

const LISTS = new Map<Language, Lists | undefined>();
function listsFor(language: Language): Lists | undefined {
  if (!LISTS.has(language)) LISTS.set(language, compile(language));
  return LISTS.get(language);
}

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
const RELATIVE = new Set(['that', 'which', 'where', 'when']);
const NOUNISH = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM', 'X']);

/** What the note says that only looks like context, for the finding's message. */
interface Lookalikes {
  generic: string | undefined;
  platform: string | undefined;
  notShared: string | undefined;
  flattery: string | undefined;
}

interface Reading {
  features: Features;
  /** One kind of context the labeling contract names, found outright: the note has context. */
  decisive: boolean;
  lookalikes: Lookalikes;
}

/**
 * The note with every clause that holds a template token blanked out (same
 * length), or the note itself when it has none: "we met at [event]" and
 * "loved your {talk title}" claim context the sender never filled in. The
 * placeholder rule decides what a token is ("[1]" and "[sic]" are not).
 */
function withoutTemplatedClauses(note: Note): Note {
  const found = placeholder.check(note, { account: 'premium', limit: NOTE_LIMITS.premium });
  if (found.length === 0) return note;
  // Findings are in raw offsets; a token reads the same in the plain text.
  const tokens = found.flatMap((f) => {
    const raw = note.raw.slice(f.start, f.end);
    const start = note.text.indexOf(raw);
    return start < 0 ? [] : [{ start, end: start + raw.length }];
  });
  let text = note.text;
  for (const c of note.analysis.clauses) {
    if (tokens.some((t) => t.start < c.end && t.end > c.start))
      text = text.slice(0, c.start) + ' '.repeat(c.end - c.start) + text.slice(c.end);
  }
  return text === note.text ? note : new Note(text);
}

// One reading per note: generic-opener asks for it too, and features and check share it.
const READINGS = new WeakMap<Note, Reading | null>();

function read(note: Note): Reading | undefined {
  let reading = READINGS.get(note);
  if (reading === undefined) {
    reading = readOnce(note) ?? null;
    READINGS.set(note, reading);
  }
  return reading ?? undefined;
}

function readOnce(original: Note): Reading | undefined {
  const lists = listsFor(original.analysis.language);
  if (!lists) return undefined;
  const note = withoutTemplatedClauses(original);
  const a = note.analysis;
  // Lower case without accents, the same length as the text: what vocabularies match.
  const lower = a.folded;
  const words = a.tokens.filter((t) => t.type !== 'punctuation');
  const inBody = (t: { start: number; end: number }) =>
    t.start >= a.body.start && t.end <= Math.max(a.body.end, a.body.start);

  const history = findPhrases(lists.history, lower);
  const referral = findPhrases(lists.referral, lower);
  const platform = findPhrases(lists.platform, lower);
  const flattery = findPhrases(lists.flattery, lower);
  const kin = findPhrases(lists.kinAfterOwner, lower).length > 0;

  const your = recipientThings(a.tokens, lists.sets);
  const bodyNames = a.properNouns.filter(
    (p) => inBody(p) && !lists.sets.platformNames.has(p.text.toLowerCase()),
  );
  // Tokens inside a proper noun, by offset: one lookup per token even in a 100 KB note.
  const nameStarts = new Set(bodyNames.flatMap((n) => n.tokens.map((t) => t.start)));
  const isName = (t: Token) => nameStarts.has(t.start);
  const shared = sharedMarkers(a.clauses, lists.sets, isName);
  const names = bodyNames.length;
  // A named person doing something: "Ahmed Yilmaz is an old friend", "Chloé and José said…".
  const namedThirdParty = a.clauses.some((c) => {
    const subject = c.subject;
    if (c.about !== 'third-party' || !subject || !isName(subject)) return false;
    return c.tokens.some((t) => t.start > subject.end && (t.pos === 'VERB' || t.pos === 'AUX'));
  });
  // "reaching out through Omar", "intro from Marco Bianchi": a named go-between.
  const through = findPhrases(lists.throughPerson, lower).some((h) =>
    words.some(
      (t) => t.start > h.end && t.start <= h.end + 2 && (isName(t) || t.type === 'mention'),
    ),
  );
  // A Slack mention is a person; one that opens the note is the recipient being addressed.
  const lead = note.text.length - note.text.trimStart().length;
  const mention = note.entities.some((e) => e.kind === 'mention' && e.start > lead);

  // Each independent sign of a shared past adds confidence: "wir haben uns … kennengelernt" is two.
  const relation =
    new Set(history.map((h) => lower.slice(h.start, h.end))).size +
    [kin, namedThirdParty || mention, weDid(a.clauses), through].filter(Boolean).length;
  const theirThing =
    your.specific ||
    recipientDid(a.clauses, lists.sets, inBody) ||
    consumed(a.clauses, lists.sets) ||
    thankedFor(findPhrases(lists.thanks, lower), words, lists.sets, isName);
  // Few features, each a kind of context the corpus README names: each can
  // carry a note on its own, so none has its weight spread over near-copies.
  const features: Record<string, number> = {
    relation: Math.min(relation, 2) / 2,
    referral: referral.length > 0 ? 1 : 0,
    theirThing: theirThing ? 1 : 0,
    sharedPlace: sharedPlace(words, lists.sets, inBody, isName) || shared.namedOrGroup ? 1 : 0,
    sharedNoun: words.some((t) => inBody(t) && isSharedNoun(t, lists.sets)) ? 1 : 0,
    names: Math.min(names, 3) / 3,
    namesOutsideSender: namesOutsideSenderClauses(a, bodyNames) ? 1 : 0,
    platform: platform.length > 0 || cannedLines(note).length > 0 ? 1 : 0,
  };
  const referralNamed = referral.length > 0 && (names > 0 || kin || mention);
  return {
    features,
    decisive: relation > 0 || theirThing || features.sharedPlace === 1 || referralNamed,
    lookalikes: {
      generic: your.generic && !your.specific ? said(note, your.genericHit) : undefined,
      platform: said(note, platform[0]),
      notShared: shared.notShared,
      flattery: said(note, flattery[0]),
    },
  };
}

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
function weDid(clauses: readonly Clause[]): boolean {
  return clauses.some((c) => {
    const we = c.tokens.findIndex((t) => t.lower === 'we');
    if (we < 0) return false;
    const verb = c.tokens.slice(we + 1, we + 4).find((t) => t.pos === 'VERB' || t.pos === 'AUX');
    if (!verb || PRESENT.has(verb.lower) || verb.lower === verb.lemma) return false;
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
function recipientThings(
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
function sharedMarkers(
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
      if (!sets.sharedMarkers.has(w.lower)) continue;
      // The few words around the marker in its clause ("same X", "X too", "also at X").
      const near = [...words.slice(Math.max(0, i - 5), i), ...words.slice(i + 1, i + 4)];
      const named = near.some(isName);
      const group = near.some((t) => isSharedNoun(t, sets) || sets.fellowOk.has(t.lower));
      const industry = near.find((t) => sets.notShared.has(t.lemma) || sets.notShared.has(t.lower));
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

function isSharedNoun(t: Token, sets: Record<ListName, ReadonlySet<string>>): boolean {
  if (t.pos !== 'NOUN' && t.pos !== 'PROPN' && t.pos !== 'X') return false;
  return sets.sharedNouns.has(t.lower) || sets.sharedNouns.has(t.lemma);
}

/** "you ran the Bath breakfast club", "saw you shipped the plugin": something they did, named. */
function recipientDid(
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
function thankedFor(
  hits: readonly Hit[],
  words: readonly Token[],
  sets: Record<ListName, ReadonlySet<string>>,
  isName: (t: Token) => boolean,
): boolean {
  return hits.some((h) =>
    words
      .filter((t) => t.start >= h.end)
      .slice(0, 7)
      .some((t) => isName(t) || isSharedNoun(t, sets) || sets.specificThings.has(t.lemma)),
  );
}

/** "I read Rivers of Trade", "we've used your SDK": the sender knows their work first-hand. */
function consumed(
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

/** "the Wednesday pottery class", "my Leeds running crowd", "Rails Girls Lyon workshops": a named or pointed-at shared place. */
function sharedPlace(
  words: readonly Token[],
  sets: Record<ListName, ReadonlySet<string>>,
  inBody: (t: Token) => boolean,
  isName: (t: Token) => boolean,
): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Token;
    if (!isSharedNoun(w, sets) || !inBody(w)) continue;
    const before = words.slice(Math.max(0, i - 3), i);
    const after = words.slice(i + 1, i + 3);
    if (before.some(isName) || after.some(isName)) return true;
    if (/^\p{Lu}/u.test(w.text) && w.pos !== 'X') return true;
  }
  return false;
}

function namesOutsideSenderClauses(a: Analysis, names: Analysis['properNouns']): boolean {
  return names.some((n) => {
    const clause = a.clauses.find((c) => c.start <= n.start && n.end <= c.end);
    if (!clause) return false;
    if (clause.about !== 'sender') return true;
    return clause.tokens.some((t) => t.lower === 'you' || t.lower === 'your' || t.lower === 'we');
  });
}

/** The words of the note at a hit, as the user wrote them. */
function said(note: Note, hit: Hit | undefined): string | undefined {
  return hit && note.text.slice(hit.start, hit.end).replace(/\s+/g, ' ');
}

/** Whether the note states one kind of context outright (not only hints at it). */
export function hasOutrightContext(note: Note): boolean {
  return read(note)?.decisive ?? false;
}

function message(lookalikes: Lookalikes): string {
  const lead = 'Nothing says how you know them or why you picked them';
  if (lookalikes.platform)
    return `${lead}: “${lookalikes.platform}” is not a relation between you two, so they may answer "I don't know this person".`;
  if (lookalikes.notShared)
    return `${lead}: sharing an industry, field or job title is not a reason they would recognise you.`;
  if (lookalikes.generic)
    return `${lead}: “${lookalikes.generic}” is too general to show you know what they do.`;
  if (lookalikes.flattery)
    return `${lead}: praise (“${lookalikes.flattery}”) is not context, so they may not recognise you.`;
  return `${lead}, so they may not recognise you and could answer "I don't know this person".`;
}

const FIX =
  'Open with the context: where you met, who suggested you connect, what you share (school, employer, group), or the piece of their work that made you write.';

export function makeMissingContext(weights: Weights): LearnedRule {
  return {
    id: 'missing-context',
    level: 'warning',
    description:
      'Nothing says how they know each other or why this person: no shared history, event, place, group, employer, school, mutual connection or specific piece of their work.',
    weights,
    // Little shrinkage: each feature is a kind of context with a clear sign, few enough not to overfit.
    fitOptions: { l2: 0.001, iterations: 4000, learningRate: 0.5 },
    features(note) {
      return read(note)?.features ?? {};
    },
    withWeights: makeMissingContext,
    check(note): RuleFinding[] {
      // A language the layer does not know: say nothing rather than guess.
      const reading = read(note);
      if (!reading) return [];
      // Any one kind of context is enough (corpus labeling rule 4); the
      // weights judge the notes whose context is only hinted at (names, places).
      if (reading.decisive || probability(weights, reading.features) < weights.threshold) return [];
      return [whole(note, message(reading.lookalikes), FIX)];
    },
  };
}

export const missingContext: LearnedRule = makeMissingContext(fitted as Weights);
