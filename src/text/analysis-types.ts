/** The shapes of the language layer (analysis.ts): what every semantic rule reads. */

import type { Language } from './language.js';
import type { Span } from './span.js';

export type { Language };

export interface Token extends Span {
  text: string;
  lower: string;
  /** Dictionary form (English only; other languages: the lower-cased word). */
  lemma: string;
  /** Universal POS tag (NOUN, VERB, PROPN, PRON, NUM, PUNCT, …); `X` for words of other languages. */
  pos: string;
  /** wink's token type: word, number, punctuation, emoji, url, email, mention, hashtag, currency, symbol… */
  type: string;
  /** Index of the token in `analysis.tokens`. */
  index: number;
}

/** Who a clause is about, from its grammatical subject. */
export type About = 'sender' | 'recipient' | 'third-party' | 'none';

export interface Clause extends Span {
  text: string;
  tokens: readonly Token[];
  about: About;
  /** The token that decided `about` (subject word, possessive, or the leading verb). */
  subject: Token | undefined;
  /** Subject-less clause led by a verb: "Built a bot…" / "Helping teams…" (sender) or "Book a call" (imperative). */
  leadingVerb: Token | undefined;
  /** Index into analysis.sentences. */
  sentence: number;
  question: boolean;
  imperative: boolean;
  /** A first-person subject word anywhere in the clause ("the problem we solve", "what I do"). */
  mentionsSender: boolean;
}

export interface Sentence extends Span {
  text: string;
  tokens: readonly Token[];
  clauses: readonly Clause[];
  question: boolean;
}

/** A run of proper-noun tokens ("Hacker Dojo", "Dana Whitfield", "SXSW"). */
export interface Phrase extends Span {
  text: string;
  tokens: readonly Token[];
}

export interface Analysis {
  language: Language;
  /** True when only the first ANALYSIS_LIMIT characters were read. */
  truncated: boolean;
  /** note.text lower-cased and without accents, offset for offset: what vocabularies match against. */
  folded: string;
  tokens: readonly Token[];
  sentences: readonly Sentence[];
  clauses: readonly Clause[];
  /** Proper nouns outside the greeting and the sign-off. */
  properNouns: readonly Phrase[];
  /** Number tokens and amounts ("30", "5x", "$349", "two"). */
  numbers: readonly Token[];
  /** Sentences that ask something. */
  questions: readonly Sentence[];
  /** Clauses that ask the recipient to do something or offer a next step: questions, imperatives, "let's…", "happy to…". */
  callsToAction: readonly Clause[];
  /** The note without its greeting and sign-off (plain offsets). */
  body: Span;
  greeting: Span | undefined;
  signOff: Span | undefined;
}
