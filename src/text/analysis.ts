/**
 * The language layer: one analysis per note that every semantic rule reads
 * instead of the raw string. Offsets are into `note.text` (the plain text);
 * rules map them back with `note.toRaw` (through `at()` in rules/rule.ts).
 */

import type { Analysis, Clause, Phrase, Sentence, Token } from './analysis-types.js';
import { leadsWithCta, makeClause, splitClauses } from './clauses.js';
import { foldSameLength } from './fold.js';
import { detectLanguage, type Language, type Lexicon, lexicon } from './language.js';
import { tag, type WinkDoc } from './nlp.js';
import { body } from './structure.js';

export type {
  About,
  Analysis,
  Clause,
  Language,
  Phrase,
  Sentence,
  Token,
} from './analysis-types.js';

/**
 * How much of a note the layer reads: ten times the longest note LinkedIn
 * takes. Past that it is a paste, not a note (note-length says so), and
 * tagging 100 KB would cost a second for nothing a person would read.
 */
export const ANALYSIS_LIMIT = 3000;

/** Reads the note's plain text (only `text` is used, so the note module can call in). */
export function analyse(note: { readonly text: string }): Analysis {
  const text = note.text.length > ANALYSIS_LIMIT ? note.text.slice(0, ANALYSIS_LIMIT) : note.text;
  const wink = tag(text);
  const lowers = wink.values.map((v) => v.toLowerCase());
  const language = detectLanguage(lowers);
  const lex = lexicon(language);
  const tokens = readTokens(text, wink, lowers, language);

  const { start: bodyStart, end: bodyEnd } = body(text);
  const greeting = bodyStart > 0 ? { start: 0, end: bodyStart } : undefined;
  const trimmedEnd = text.trimEnd().length;
  const signOff = bodyEnd < trimmedEnd ? { start: bodyEnd, end: trimmedEnd } : undefined;

  const inBody = (t: Token) => t.start >= bodyStart && t.end <= Math.max(bodyEnd, bodyStart);
  const sentences: Sentence[] = [];
  const clauses: Clause[] = [];
  readSentences(text, wink, tokens, lex, inBody, sentences, clauses);

  return {
    language,
    truncated: text.length < note.text.length,
    folded: foldSameLength(text),
    tokens,
    sentences,
    clauses,
    properNouns: properNouns(sentences, language, inBody, text),
    numbers: tokens.filter((t) => t.type === 'number' || t.pos === 'NUM'),
    questions: sentences.filter((s) => s.question),
    callsToAction: clauses.filter((c) => c.question || c.imperative || leadsWithCta(c, lex)),
    body: { start: bodyStart, end: bodyEnd },
    greeting,
    signOff,
  };
}

/** wink's columns as tokens with offsets into the text. */
function readTokens(text: string, wink: WinkDoc, lowers: string[], language: Language): Token[] {
  const values = wink.values;
  const tokens: Token[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as string;
    const at = text.indexOf(value, cursor);
    // wink reproduces the text token by token; if a value cannot be found, keep an empty span.
    const start = at < 0 ? cursor : at;
    const end = at < 0 ? cursor : at + value.length;
    cursor = end;
    const lower = lowers[i] as string;
    const type = wink.types[i] ?? 'word';
    const foreignWord = language !== 'en' && type === 'word';
    tokens.push({
      text: value,
      lower,
      lemma: foreignWord ? lower : (wink.lemmas[i] ?? lower).toLowerCase(),
      pos: foreignWord ? 'X' : (wink.pos[i] ?? 'X'),
      type,
      start,
      end,
      index: i,
    });
  }
  return tokens;
}

/** Fills `sentences` and `clauses` (passed in, so no extra result object per note). */
function readSentences(
  text: string,
  wink: WinkDoc,
  tokens: Token[],
  lex: Lexicon,
  inBody: (t: Token) => boolean,
  sentences: Sentence[],
  clauses: Clause[],
): void {
  for (const [from, to] of wink.sentences) {
    const sTokens = tokens.slice(from, to);
    const first = sTokens[0];
    const last = sTokens.at(-1);
    if (!first || !last) continue;
    const question = sTokens.some((t) => t.text.includes('?'));
    const index = sentences.length;
    // Clauses hold what the note says: the greeting and sign-off are not about anyone.
    const said = sTokens.filter(inBody);
    const own = splitClauses(said, lex).map((c, k) =>
      makeClause(c, text, index, lex, question, k === 0 && index === 0),
    );
    clauses.push(...own);
    sentences.push({
      start: first.start,
      end: last.end,
      text: text.slice(first.start, last.end),
      tokens: sTokens,
      clauses: own,
      question,
    });
  }
}

function properNouns(
  sentences: Sentence[],
  language: Language,
  inBody: (t: Token) => boolean,
  text: string,
): Phrase[] {
  const out: Phrase[] = [];
  for (const s of sentences) {
    const ts = s.tokens;
    let run: Token[] = [];
    // One past the last token closes the last run.
    for (let k = 0; k <= ts.length; k++) {
      const t = ts[k];
      if (t !== undefined && inBody(t) && named(ts, k, language)) {
        run.push(t);
        continue;
      }
      const f = run[0];
      const l = run.at(-1);
      if (f && l) {
        out.push({ start: f.start, end: l.end, text: text.slice(f.start, l.end), tokens: run });
        run = [];
      }
    }
  }
  return out;
}

/** Whether token k of a sentence is part of a name. */
function named(ts: readonly Token[], k: number, language: Language): boolean {
  const t = ts[k] as Token;
  const initial = k === 0 || ts[k - 1]?.type === 'punctuation';
  // A sentence-initial name counts when a name follows it: "Marco Ruiz is…".
  const next = ts[k + 1];
  return (
    isProperNoun(t, initial, language) ||
    (initial && next !== undefined && t.pos === 'PROPN' && isProperNoun(next, false, language))
  );
}

const CAPITALISED = /^\p{Lu}/u;
const INNER_CAPITAL_OR_DIGIT = /^\p{Lu}.*(?:\p{Lu}|\d)|^\p{Lu}{2,}$/u;

function isProperNoun(t: Token, sentenceStart: boolean, language: Language): boolean {
  if (t.type !== 'word' || !CAPITALISED.test(t.text)) return false;
  if (t.lower === 'i' || t.lower.startsWith("i'")) return false;
  // "SXSW", "KubeCon", "iOS"-like shapes are names wherever they stand.
  if (INNER_CAPITAL_OR_DIGIT.test(t.text)) return true;
  if (language === 'en') return t.pos === 'PROPN' && !sentenceStart;
  // German capitalises every noun: only shape tells names there.
  if (language === 'de') return false;
  return !sentenceStart;
}
