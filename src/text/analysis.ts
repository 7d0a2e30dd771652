/**
 * The language layer: one analysis per note that every semantic rule reads
 * instead of the raw string. Offsets are into `note.text` (the plain text);
 * rules map them back with `note.toRaw` (through `at()` in rules/rule.ts).
 */
import { foldSameLength } from './fold.js';
import { detectLanguage, type Language, lexicon } from './language.js';
import { tag } from './nlp.js';
import type { Note, Span } from './note.js';
import { body } from './structure.js';

export type { Language } from './language.js';

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

// Clause boundaries inside a sentence: semicolons, colons, dashes, brackets.
const HARD_BREAK = new Set([';', ':', '—', '–', '(', ')', '…', '...']);

/**
 * How much of a note the layer reads: ten times the longest note LinkedIn
 * takes. Past that it is a paste, not a note (note-length says so), and
 * tagging 100 KB would cost a second for nothing a person would read.
 */
export const ANALYSIS_LIMIT = 3000;

export function analyse(note: Note): Analysis {
  const text = note.text.length > ANALYSIS_LIMIT ? note.text.slice(0, ANALYSIS_LIMIT) : note.text;
  const wink = tag(text);
  const language = detectLanguage(wink.tokens.map((t) => t.value.toLowerCase()));
  const lex = lexicon(language);

  const tokens: Token[] = [];
  let cursor = 0;
  for (const w of wink.tokens) {
    const at = text.indexOf(w.value, cursor);
    // wink reproduces the text token by token; if a value cannot be found, keep an empty span.
    const start = at < 0 ? cursor : at;
    const end = at < 0 ? cursor : at + w.value.length;
    cursor = end;
    const lower = w.value.toLowerCase();
    const foreignWord = language !== 'en' && w.type === 'word';
    tokens.push({
      text: w.value,
      lower,
      lemma: foreignWord ? lower : w.lemma.toLowerCase(),
      pos: foreignWord ? 'X' : w.pos,
      type: w.type,
      start,
      end,
      index: tokens.length,
    });
  }

  const { start: bodyStart, end: bodyEnd } = body(text);
  const greeting = bodyStart > 0 ? { start: 0, end: bodyStart } : undefined;
  const trimmedEnd = text.trimEnd().length;
  const signOff = bodyEnd < trimmedEnd ? { start: bodyEnd, end: trimmedEnd } : undefined;

  const inBody = (t: Token) => t.start >= bodyStart && t.end <= Math.max(bodyEnd, bodyStart);
  const sentences: Sentence[] = [];
  const clauses: Clause[] = [];
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

type Lex = ReturnType<typeof lexicon>;

function splitClauses(tokens: Token[], lex: Lex): Token[][] {
  const out: Token[][] = [];
  let current: Token[] = [];
  const flush = () => {
    if (current.some(isWord)) out.push(current);
    current = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    if (HARD_BREAK.has(t.text) || (t.text === '-' && isSpaced(t, tokens, i))) {
      flush();
      continue;
    }
    // ", we build…" / "and I run…": a new subject starts a new clause.
    if (
      (t.text === ',' || lex.clauseBreakers.has(t.lower)) &&
      next &&
      (lex.firstPerson.has(next.lower) ||
        lex.firstPossessive.has(next.lower) ||
        lex.secondPerson.has(next.lower) ||
        lex.secondPossessive.has(next.lower))
    ) {
      flush();
      if (t.text === ',') continue;
    }
    current.push(t);
  }
  flush();
  return out;
}

/** Anything but punctuation and line breaks (wink's `tabCRLF` tokens). */
function isWord(t: Token): boolean {
  return t.type !== 'punctuation' && t.type !== 'tabCRLF' && t.text.trim() !== '';
}

function isSpaced(t: Token, tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  return (!prev || prev.end < t.start) && (!next || next.start > t.end);
}

function makeClause(
  ts: Token[],
  text: string,
  sentence: number,
  lex: Lex,
  question: boolean,
  sentenceStart: boolean,
): Clause {
  const all = ts.filter(isWord);
  // "Priya, just launched…": a name and a comma in front address the reader.
  const comma = ts.findIndex((t) => t.text === ',');
  const vocative =
    sentenceStart &&
    comma > 0 &&
    comma <= 3 &&
    ts.slice(0, comma).every((t) => t.pos === 'PROPN' || /^\p{Lu}/u.test(t.text));
  const words = vocative ? all.filter((t) => t.start > (ts[comma] as Token).start) : all;
  const start = (ts[0] as Token).start;
  const end = (ts.at(-1) as Token).end;
  const { about, subject, leadingVerb } = whoItIsAbout(words, lex);
  const imperative =
    about === 'recipient' && subject === undefined && leadingVerb !== undefined && !question;
  return {
    start,
    end,
    text: text.slice(start, end),
    tokens: ts,
    about,
    subject,
    leadingVerb,
    sentence,
    question,
    imperative,
    mentionsSender: words.some((w) => lex.firstPerson.has(w.lower)),
  };
}

/**
 * The first person word, possessive or noun before the first verb decides
 * who the clause is about. "my cousin Ines" is a third party, "my studio" is
 * the sender's. With no subject, a leading past-tense or -ing verb is the
 * sender's ("Built a bot…", "Helping teams…"); a bare verb is an imperative
 * addressed to the recipient ("Book a call").
 */
function whoItIsAbout(
  words: Token[],
  lex: Lex,
): { about: About; subject: Token | undefined; leadingVerb: Token | undefined } {
  let i = 0;
  while (i < words.length && lex.leadIns.has((words[i] as Token).lower)) i++;
  // "Happy to send…", "Keen to…", "Ravi de…": a subject-less feeling is the sender's.
  const head = words
    .slice(i, i + 4)
    .map((w) => w.lower)
    .join(' ');
  if (lex.senderOpeners.some((o) => head === o || head.startsWith(`${o} `)))
    return { about: 'sender', subject: undefined, leadingVerb: words[i] };
  for (let j = i; j < words.length; j++) {
    const w = words[j] as Token;
    const l = w.lower;
    // Object pronouns before the verb ("¿le enseño…?", "je vous propose"): not the subject.
    if (lex.clitics.has(l)) continue;
    if (lex.firstPerson.has(l)) return { about: 'sender', subject: w, leadingVerb: undefined };
    if (lex.firstPossessive.has(l)) {
      const owned = words[j + 1];
      const third = owned && lex.relationNouns.has(owned.lemma);
      return { about: third ? 'third-party' : 'sender', subject: w, leadingVerb: undefined };
    }
    if (lex.secondPerson.has(l) || lex.secondPossessive.has(l))
      return { about: 'recipient', subject: w, leadingVerb: undefined };
    // A capitalised clause-initial word the tagger took for a name but that
    // leads a phrase ("Use CODE for…", "Reply with…", "Lovely to…") is not a subject.
    const then = words[j + 1];
    if (j === i && w.pos === 'PROPN' && then && /^(?:ADP|DET|PART)$/.test(then.pos)) {
      const toInfinitive = then.pos === 'PART';
      return {
        about: toInfinitive ? 'sender' : 'recipient',
        subject: undefined,
        leadingVerb: w,
      };
    }
    if (lex.thirdPerson.has(l) || w.pos === 'PROPN' || w.type === 'mention')
      return { about: 'third-party', subject: w, leadingVerb: undefined };
    if (lex.firstPersonVerbs.has(l) || lex.endsFirstPersonVerb(l))
      return { about: 'sender', subject: undefined, leadingVerb: w };
    // "Book a call", "Email me": a clause-initial word tagged noun but followed by
    // an article or pronoun is a verb used as an imperative.
    const following = words[j + 1];
    if (j === i && w.pos === 'NOUN' && following && /^(?:DET|PRON)$/.test(following.pos))
      return { about: 'recipient', subject: undefined, leadingVerb: w };
    // "Would you…", "Can I…": the subject follows an inverted auxiliary.
    if (w.pos === 'AUX' && j === i) continue;
    if (w.pos === 'VERB' || w.pos === 'AUX') {
      if (j === i && w.pos === 'VERB') {
        // An inflected leading verb ("Built…", "Came across…", "Helping…") has an
        // understood "I"; the bare form ("Book a call") is an imperative.
        const sender = w.lower !== w.lemma;
        return { about: sender ? 'sender' : 'recipient', subject: undefined, leadingVerb: w };
      }
      return { about: 'none', subject: undefined, leadingVerb: undefined };
    }
    // "the team is…", "Dana said…": a noun right before the verb is someone else.
    const after = words[j + 1];
    if (w.pos === 'NOUN' && after && (after.pos === 'VERB' || after.pos === 'AUX'))
      return { about: 'third-party', subject: w, leadingVerb: undefined };
  }
  return { about: 'none', subject: undefined, leadingVerb: undefined };
}

function leadsWithCta(c: Clause, lex: Lex): boolean {
  const lower = c.text.toLowerCase();
  for (const cue of lex.ctaLeads)
    if (lower.startsWith(cue) || lower.includes(` ${cue} `)) return true;
  return false;
}

function properNouns(
  sentences: Sentence[],
  language: Language,
  inBody: (t: Token) => boolean,
  text: string,
): Phrase[] {
  const out: Phrase[] = [];
  for (const s of sentences) {
    let run: Token[] = [];
    const flush = () => {
      const f = run[0];
      const l = run.at(-1);
      if (f && l)
        out.push({ start: f.start, end: l.end, text: text.slice(f.start, l.end), tokens: run });
      run = [];
    };
    s.tokens.forEach((t, k) => {
      const initial = k === 0 || s.tokens[k - 1]?.type === 'punctuation';
      // A sentence-initial name counts when a name follows it: "Marco Ruiz is…".
      const next = s.tokens[k + 1];
      const named =
        isProperNoun(t, initial, language) ||
        (initial && next !== undefined && t.pos === 'PROPN' && isProperNoun(next, false, language));
      if (inBody(t) && named) run.push(t);
      else flush();
    });
    flush();
  }
  return out;
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
