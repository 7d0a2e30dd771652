/**
 * Grammatical frames sales-pitch reads off a clause's tokens: a seller
 * described by a relative clause, a sender's offer aimed at the reader,
 * something given for free (whose thing a hit is: ./pitch-ownership.ts). Each takes the
 * clause and the vocabulary hits, never the raw string, so it holds for any
 * wording the vocabularies cover.
 */
import type { Clause, Token } from '../../text/analysis.js';
import type { Language, Lexicon } from '../../text/language.js';
import type { Hit } from '../model/phrases.js';

/** Words that join a second predicate to the same subject: "I'm a broker and help…". */
export const COORDINATORS: ReadonlySet<string> = new Set(['and', 'und', 'y', 'e', 'et']);

/** Relative pronouns that describe the noun before them: "a realtor who works with…". */
const RELATIVES: ReadonlySet<string> = new Set([
  'who',
  'that',
  'which',
  'der',
  'die',
  'das',
  'welche',
  'que',
  'qui',
  'quien',
  'quem',
]);

export function wordsOf(clause: Clause): Token[] {
  return clause.tokens.filter((t) => t.type === 'word' || t.type === 'number');
}

/**
 * "a realtor who mostly works with…", "a bot that cuts no-shows…": a seller
 * noun or role followed by a relative pronoun and, within two words, an
 * offering verb. The seller is described by what it does for clients.
 */
export function sellerWhoOffers(clause: Clause, sellers: Hit[], offerHits: Hit[]): boolean {
  if (sellers.length === 0 || offerHits.length === 0) return false;
  const words = wordsOf(clause);
  return sellers.some((s) => {
    const k = words.findIndex((w) => w.start >= s.end);
    // The seller noun may carry a place or a qualifier first: "a realtor in Scottsdale who…".
    for (let j = k; j >= 0 && j < Math.min(words.length, k + 3); j++) {
      const w = words[j] as Token;
      if (!RELATIVES.has(w.lower)) continue;
      const limit = words[Math.min(words.length, j + 4) - 1]?.end ?? w.end;
      return offerHits.some((h) => h.start > w.start && h.start < limit);
    }
    return false;
  });
}

/**
 * "…help you find a house", "could beat your current rates", "can get you 15%
 * under list": the sender's offering verb takes the reader (or the reader's
 * thing) as its object within two words.
 */
export function offerAimedAtReader(clause: Clause, offerHits: Hit[], lex: Lexicon): boolean {
  const words = wordsOf(clause);
  return offerHits.some((h) => {
    const k = words.findIndex((w) => w.start >= h.end);
    if (k < 0) return false;
    return words
      .slice(k, k + 2)
      .some((w) => lex.secondPerson.has(w.lower) || lex.secondPossessive.has(w.lower));
  });
}

/**
 * "a free pilot", "your free seat", "eine kostenlose Analyse": a free word
 * before a noun (tagged NOUN in English; any word elsewhere), outside a
 * clause about the reader ("if you're free", "feel free to…" have no noun).
 */
export function givenFree(clause: Clause, freeHits: Hit[], language: Language): boolean {
  if (clause.about === 'recipient' && clause.subject !== undefined) return false;
  const words = wordsOf(clause);
  return freeHits.some((h) => {
    // French and Spanish put the adjective after the noun ("un audit gratuit"): the word is enough.
    if (language !== 'en') return true;
    const k = words.findIndex((w) => w.start >= h.end);
    if (k < 0) return false;
    // "a free pilot", "a free 30-day trial", "a free SEO audit": a noun after at most two modifiers.
    for (const w of words.slice(k, k + 3)) {
      if (w.pos === 'NOUN') return true;
      if (!/^(?:ADJ|NUM|PROPN)$/.test(w.pos) && w.type !== 'number') return false;
    }
    return false;
  });
}

// The verb of "help someone do something", per language (folded stems).
const HELP_STEMS: Readonly<Record<string, RegExp>> = {
  en: /^help/,
  de: /^(?:helf|hilf|unterstutz)/,
  es: /^ayud/,
  fr: /^aid/,
  pt: /^ajud/,
};
// What introduces the second verb: "ayudamos a X a reducir", "aidons les PME à réduire", "zu senken".
const INFINITIVE_MARKERS: ReadonlySet<string> = new Set(['a', 'à', 'zu', 'de']);
const INFINITIVE_ENDING = /(?:ar|er|ir|re|en|ern|eln)$/;

/**
 * "I help first-time buyers find…", "helping clinics fill their diaries",
 * "ayudamos a despachos a digitalizar…": the sender helps a class of people
 * (not the reader) do something, which is what a service promises. English
 * reads the tags (help + plural noun(s) + bare verb); other languages look for
 * an infinitive after a marker within a few words of the help verb.
 */
export function helpsOthersDo(
  clause: Clause,
  offerHits: Hit[],
  lex: Lexicon,
  language: Language,
  folded: string,
): boolean {
  const stem = HELP_STEMS[language];
  if (!stem) return false;
  const words = wordsOf(clause);
  return offerHits.some((h) => {
    const k = words.findIndex((w) => w.start === h.start);
    const verb = words[k];
    if (!verb || !stem.test(folded.slice(verb.start, verb.end))) return false;
    const after = words.slice(k + 1, k + 8);
    const object = after[0];
    if (!object || lex.secondPerson.has(object.lower) || lex.secondPossessive.has(object.lower))
      return false;
    if (language === 'en') {
      // help + up to three nouns/adjectives naming people + a bare verb: "help tech folks buy".
      for (let i = 0; i < Math.min(after.length, 4); i++) {
        const w = after[i] as Token;
        if (w.pos === 'VERB') return i > 0 && w.lemma === w.lower;
        // An article inside the group ("Series A teams") but not leading it ("help the team…").
        const modifier = /^(?:NOUN|PROPN|ADJ|NUM|ADV)$/.test(w.pos) || (i > 0 && w.pos === 'DET');
        if (!modifier) return false;
      }
      return false;
    }
    return after.some(
      (w, i) =>
        i > 0 &&
        INFINITIVE_MARKERS.has(after[i - 1]?.lower ?? '') &&
        INFINITIVE_ENDING.test(folded.slice(w.start, w.end)),
    );
  });
}

/**
 * "Entry is £395, which covers your table", "it's €20 a month for your team":
 * an amount in a statement that names the reader, with nobody but the reader
 * in it — what they would pay. "Our budget is $4,000" is the sender's money.
 */
export function readerPays(clause: Clause, money: boolean, lex: Lexicon): boolean {
  if (!money || clause.question) return false;
  const words = wordsOf(clause);
  const reader = words.some(
    (w) => lex.secondPerson.has(w.lower) || lex.secondPossessive.has(w.lower),
  );
  const sender = words.some(
    (w) => lex.firstPerson.has(w.lower) || lex.firstPossessive.has(w.lower),
  );
  return reader && !sender;
}

// "P.S.", "PS", "P.-S." (fr), "PD" (es): a postscript, where pitches hide after the context.
const POSTSCRIPT = /^(?:p\.?\s?s\.?|p\.-s\.?|p\.?d\.?)$/;

/** Where the note's postscript starts (plain offset), if it has one. */
export function postscriptStart(tokens: readonly Token[], bodyStart: number): number | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.start < bodyStart || !POSTSCRIPT.test(t.lower)) continue;
    // Only at the start of a sentence or line: "ps" inside a sentence is something else.
    const prev = tokens[i - 1];
    if (!prev || prev.type === 'tabCRLF' || /[.!?]$/.test(prev.text) || prev.text.trim() === '')
      return t.start;
  }
  return undefined;
}

// Verbs of wanting and talking: "that's what we need", "that's what I meant" are no offer.
const NOT_AN_OFFER = new Set([
  'need',
  'want',
  'love',
  'like',
  'hope',
  'think',
  'mean',
  'say',
  'know',
  'see',
  'expect',
  'try',
  'get',
  'have',
  'be',
]);
const DEMONSTRATIVES = new Set(['that', 'this', "that's", 'thats']);

/**
 * "That's exactly what we fix", "This is the problem we solve at Acme": the
 * sender answers the reader's problem with their own work. English tags: a
 * demonstrative and "be" open the clause, then a first-person subject with a
 * verb in the present (what the sender does habitually, not what happened).
 */
export function answersWithOwnWork(clause: Clause, lex: Lexicon, language: Language): boolean {
  if (language !== 'en') return false;
  const words = wordsOf(clause);
  const first = words[0];
  if (!first || !DEMONSTRATIVES.has(first.lower)) return false;
  const be = first.lower.endsWith("'s") || first.lower === 'thats' ? first : words[1];
  if (!be || (be !== first && be.lemma !== 'be')) return false;
  return words.some((w, i) => {
    if (i < 2 || !lex.firstPerson.has(w.lower)) return false;
    const verb = words[i + 1];
    return (
      verb !== undefined &&
      verb.pos === 'VERB' &&
      verb.lemma === verb.lower &&
      !NOT_AN_OFFER.has(verb.lemma)
    );
  });
}

// Present-tense verbs of a person's life, not a trade: "I love dogs", "we use tools like…".
const NOT_A_TRADE = new Set([
  ...NOT_AN_OFFER,
  'use',
  'read',
  'follow',
  'enjoy',
  'miss',
  'admire',
  'attend',
  'collect',
  'study',
  'live',
  'work',
  'run',
  'go',
  'come',
  'look',
  'feel',
  'believe',
  'wonder',
  'remember',
  'meet',
  'hire',
  'recruit',
  'cover',
  'pay',
  'buy',
]);

/**
 * "I photograph weddings", "we repair e-bikes", "I restore old boats": the sender's verb in the
 * present with a bare plural object (a class of things, no article or possessive) is a trade,
 * whatever the verb (English tags; the offering verbs are the vocabulary's).
 */
export function senderTrade(clause: Clause, lex: Lexicon, language: Language): boolean {
  if (language !== 'en' || clause.about !== 'sender' || clause.question) return false;
  const subject = clause.subject;
  if (!subject || !lex.firstPerson.has(subject.lower)) return false;
  const words = wordsOf(clause);
  let k = words.indexOf(subject) + 1;
  while (words[k]?.pos === 'ADV') k++;
  const verb = words[k];
  if (verb?.pos !== 'VERB' || verb.lemma !== verb.lower || NOT_A_TRADE.has(verb.lemma))
    return false;
  for (const w of words.slice(k + 1, k + 4)) {
    if (w.pos === 'NOUN' || w.pos === 'PROPN') {
      if (/[^s]s$/.test(w.lower)) return true;
      continue;
    }
    if (w.pos !== 'ADJ') return false;
  }
  return false;
}
