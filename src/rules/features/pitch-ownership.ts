/**
 * Whose thing a vocabulary hit names, read off the noun phrase before it:
 * the reader's or a third party's ("your pricing page", "its action plan")
 * is not on offer; the sender's ("our API", "my clients") is.
 */
import type { Clause, Token } from '../../text/analysis.js';
import type { Language, Lexicon } from '../../text/language.js';
import type { Hit } from '../model/phrases.js';
import { wordsOf } from './pitch-frames.js';

/** Third-person possessives (the lexicons list second-person ones per language). */
const THIRD_POSSESSIVE: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set(['their', 'its', 'his', 'her']),
  de: new Set(['sein', 'seine', 'seinen', 'seinem', 'seiner', 'deren', 'dessen']),
  es: new Set(['sus']),
  fr: new Set(['leur', 'leurs', 'son', 'sa', 'ses']),
  pt: new Set(['dele', 'dela', 'deles', 'delas']),
};

// Prepositions of a topic: "a talk on…", "un article sur…", "ein Beitrag über…".
const TOPIC: ReadonlySet<string> = new Set([
  'on',
  'about',
  'regarding',
  'sobre',
  'sur',
  'uber',
  'zum',
  'zur',
]);

// Words between a possessive and its noun: "your current business policy rates".
const OWNERSHIP_REACH = 4;

/**
 * "your subscription business", "its heat action plan", "Ethan's pricing post":
 * the hit names the reader's or a third party's thing, not the sender's offer.
 * Looks back over the noun phrase only (no verb, preposition or punctuation between).
 */
export function ownedByOther(
  h: Hit,
  clause: Clause,
  lex: Lexicon,
  language: Language,
  folded: string,
): boolean {
  const ts = clause.tokens;
  let k = ts.findIndex((t) => t.start <= h.start && t.end > h.start);
  if (k < 0) return false;
  const third = THIRD_POSSESSIVE[language] ?? new Set<string>();
  // "your talk on pricing pages", "su artículo sobre precios": the topic of the reader's thing
  // is theirs too, so the walk may cross one topic preposition.
  let topics = 1;
  for (let steps = 0; k > 0 && steps < OWNERSHIP_REACH + 2; steps++) {
    const t = ts[--k] as Token;
    const word = folded.slice(t.start, t.end);
    if (lex.secondPossessive.has(t.lower) || third.has(t.lower) || third.has(word)) return true;
    // "it's a paid retainer": the contraction of "is" (tagged AUX) owns nothing.
    if ((t.text === "'s" || t.text === '’s') && t.pos !== 'AUX') return true;
    if (lex.firstPossessive.has(t.lower)) return false;
    if (t.type !== 'word' && t.type !== 'number') return false;
    if (TOPIC.has(word) && topics-- > 0) continue;
    if (/^(?:VERB|AUX|ADP|SCONJ|CCONJ|PRON)$/.test(t.pos)) return false;
  }
  return false;
}

/**
 * "our reconciliation API", "my bookkeeping practice", "nuestra plataforma":
 * a seller noun the sender owns, anywhere in the clause (the subject case is
 * possessedSeller's). Only the noun phrase after the possessive counts.
 */
export function ownsSellerNoun(clause: Clause, sellers: Hit[], lex: Lexicon): boolean {
  return ownedBySender(clause, sellers, lex, clause.subject);
}

/** "our clients", "my customers", "nos clients", "unsere Kunden": the sender has clients. */
export function hasClients(clause: Clause, customers: Hit[], lex: Lexicon): boolean {
  return ownedBySender(clause, customers, lex);
}

function ownedBySender(clause: Clause, hits: Hit[], lex: Lexicon, except?: Token): boolean {
  if (hits.length === 0) return false;
  const words = wordsOf(clause);
  return hits.some((h) => {
    const k = words.findIndex((w) => w.start <= h.start && w.end > h.start);
    for (let j = k - 1; j >= 0 && j >= k - OWNERSHIP_REACH; j--) {
      const w = words[j] as Token;
      if (lex.firstPossessive.has(w.lower)) return w !== except;
      // "our rostering app", "my invoicing tool": a gerund the tagger reads as a verb still qualifies the noun.
      if (w.pos === 'VERB' && w.lower.endsWith('ing') && j === k - 1) continue;
      if (/^(?:VERB|AUX|ADP|SCONJ|CCONJ|PRON|DET)$/.test(w.pos)) return false;
    }
    return false;
  });
}

// How far back a class may sit inside the noun phrase of someone's thing: "your talk on pricing for…".
const TOPIC_REACH = 8;

/**
 * "your talk on pricing for marketplaces", "su artículo sobre precios para clínicas": the class
 * is what the reader's (or a third party's) piece is about, not whom the sender serves. Walks back
 * over nouns, adjectives and prepositions only; a verb or a clause break ends the phrase.
 */
export function inReadersTopic(h: Hit, clause: Clause, lex: Lexicon): boolean {
  const ts = clause.tokens;
  let k = ts.findIndex((t) => t.start <= h.start && t.end > h.start);
  for (let steps = 0; k > 0 && steps < TOPIC_REACH; steps++) {
    const t = ts[--k] as Token;
    if (lex.secondPossessive.has(t.lower) || THIRD_POSSESSIVE.en?.has(t.lower)) return true;
    if (t.text === "'s" || t.text === '’s') return true;
    if (lex.firstPossessive.has(t.lower)) return false;
    if (!/^(?:NOUN|PROPN|ADJ|ADP|DET|NUM|X)$/.test(t.pos)) return false;
  }
  return false;
}
