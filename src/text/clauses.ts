/**
 * Clauses of a sentence and who each is about, from the tagged tokens: the
 * part of the language layer (analysis.ts) that reads grammar.
 */
import type { About, Clause, Token } from './analysis-types.js';
import type { Lexicon } from './language.js';

// Clause boundaries inside a sentence: semicolons, colons, dashes, brackets.
const HARD_BREAK = new Set([';', ':', '—', '–', '(', ')', '…', '...']);

export function splitClauses(tokens: Token[], lex: Lexicon): Token[][] {
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

export function makeClause(
  ts: Token[],
  text: string,
  sentence: number,
  lex: Lexicon,
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
  lex: Lexicon,
): { about: About; subject: Token | undefined; leadingVerb: Token | undefined } {
  let i = 0;
  while (i < words.length && lex.leadIns.has((words[i] as Token).lower)) i++;
  if (opensWithSenderFeeling(words, i, lex))
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
    if (w.pos === 'VERB' || w.pos === 'AUX') return aboutFromFirstVerb(w, j === i);
    // "the team is…", "Dana said…": a noun right before the verb is someone else.
    const after = words[j + 1];
    if (w.pos === 'NOUN' && after && (after.pos === 'VERB' || after.pos === 'AUX'))
      return { about: 'third-party', subject: w, leadingVerb: undefined };
  }
  return { about: 'none', subject: undefined, leadingVerb: undefined };
}

/** "Happy to send…", "Keen to…", "Ravi de…": a subject-less feeling is the sender's. */
function opensWithSenderFeeling(words: Token[], from: number, lex: Lexicon): boolean {
  const head = words
    .slice(from, from + 4)
    .map((w) => w.lower)
    .join(' ');
  return cuesOf(lex).senderOpener.test(head);
}

/** The verb reached before any subject decides the clause. */
function aboutFromFirstVerb(
  verb: Token,
  leadsClause: boolean,
): { about: About; subject: Token | undefined; leadingVerb: Token | undefined } {
  if (leadsClause && verb.pos === 'VERB') {
    // An inflected leading verb ("Built…", "Came across…", "Helping…") has an
    // understood "I"; the bare form ("Book a call") is an imperative.
    const sender = verb.lower !== verb.lemma;
    return { about: sender ? 'sender' : 'recipient', subject: undefined, leadingVerb: verb };
  }
  return { about: 'none', subject: undefined, leadingVerb: undefined };
}

export function leadsWithCta(c: Clause, lex: Lexicon): boolean {
  return cuesOf(lex).ctaLead.test(c.text.toLowerCase());
}

interface Cues {
  /** Some opener is the whole head or its first words: `head === o || head.startsWith(`${o} `)`. */
  senderOpener: RegExp;
  /** Some lead starts the clause or stands spaced inside it: `lower.startsWith(cue) || lower.includes(` ${cue} `)`. */
  ctaLead: RegExp;
}

// One regex per language for each list, built once, instead of a loop over every cue per clause.
const CUES = new WeakMap<Lexicon, Cues>();

function cuesOf(lex: Lexicon): Cues {
  let cues = CUES.get(lex);
  if (!cues) {
    cues = {
      senderOpener: new RegExp(`^(?:${alternatives(lex.senderOpeners)})(?: |$)`),
      ctaLead: new RegExp(`^(?:${alternatives(lex.ctaLeads)})| (?:${alternatives(lex.ctaLeads)}) `),
    };
    CUES.set(lex, cues);
  }
  return cues;
}

/** Literal strings as regex alternatives (no `u` flag: code unit for code unit, as `includes`); none matches nothing. */
function alternatives(literals: readonly string[]): string {
  if (literals.length === 0) return '(?!)';
  return literals.map((l) => l.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');
}
