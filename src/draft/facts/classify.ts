/**
 * What one clause of a context is: a fact for the note (how they know each other, what the
 * sender wants, a next step), something left out with why, a label for the next clause, or
 * nothing to use. Each step tries one reading and hands on when it does not fit.
 */
import type { Clause } from './clause.js';
import { derived } from './derived-lists.js';
import { describe, withArticle } from './describe.js';
import { clauseLanguage } from './detect-language.js';
import {
  type Fact,
  type FactKind,
  type Facts,
  fact,
  type LeftOut,
  npFact,
  REASONS,
} from './fact.js';
import type { LanguagePack, PurposeKind } from './language.js';
import { type PronounSet, RECIPIENT, RECIPIENT_POSSESSIVE, toSecondPerson } from './person.js';
import { has, isWhole, phrases, startsWith } from './phrases.js';
import { readPurpose } from './purpose.js';
import type { ReaderEnv } from './reader-env.js';
import { isPronoun, unmark } from './recipient.js';
import {
  firstWord,
  lowerFirst,
  lowerVerb,
  mentions,
  SUBJECTS,
  specificity,
  wordCount,
} from './words.js';

export type Classified = Fact | Fact[] | LeftOut | 'consumed' | 'unused' | { label: PurposeKind };

export function classify(
  raw: string,
  pack: LanguagePack,
  pronoun: PronounSet | undefined,
  facts: Facts,
  env: ReaderEnv,
  label: PurposeKind | undefined,
): Classified {
  const c = normalise(raw, pack, env);
  const aside = leftOutOrEmpty(c, pack, facts, env) ?? relationshipOrLabel(c, pack, facts);
  if (aside) return aside;
  // Having worked or studied together is a close, current kind of knowing.
  if (/\b(?:worked|studied|played|volunteered|served) together\b/i.test(c))
    facts.relationship ??= 'close';
  const second = (text: string) => toSecondPerson(text, pack, pronoun);
  const cl: Clause = { text: c, pack, pronoun, weight: specificity(c), second };
  if (/\?$/.test(c)) return fact('next', 'question', second(c), c, cl.weight + 1);
  return (
    readPurpose(cl) ?? readHowTheyKnow(cl, facts) ?? readByVerb(cl) ?? readBySubject(cl, label)
  );
}

/** The clause without edge punctuation, fillers and vague people, the recipient as its subject. */
function normalise(raw: string, pack: LanguagePack, env: ReaderEnv): string {
  let c = raw.replace(/^[\s,.;:!-]+|[\s,.;:!-]+$/g, '').trim();
  c = c.replace(phrases(env.lists.fillers, 'start'), '').trim();
  c = c.replace(phrases(pack.read.vague_people, 'start'), '').trim();
  // "Reaching out to ⟨R⟩, whose Dribbble work…": the cue goes, the rest is about them.
  c = c.replace(
    /^(?:reaching out to|reach out to|write to|connect with|note to)\s+(?=\uE000)/iu,
    '',
  );
  c = c
    .replace(/^\uE000,?\s+whose\s+/u, `${RECIPIENT_POSSESSIVE} `)
    .replace(/^\uE000,\s+who\s+/u, `${RECIPIENT} `);
  // "the hiring manager is ⟨R⟩" → "⟨R⟩'re the hiring manager".
  const isThem = /^(the .+?) is \uE000$/u.exec(c);
  if (isThem && pack.language === 'en') c = `${RECIPIENT} is ${isThem[1]}`;
  return c;
}

/** Nothing to read (only a name, a title, pronouns), or kept out: unhelpful, to avoid, in another language. */
function leftOutOrEmpty(
  c: string,
  pack: LanguagePack,
  facts: Facts,
  env: ReaderEnv,
): Classified | undefined {
  const r = pack.read;
  if (c === '') return 'consumed';
  if (has(c, r.not_for_note) && wordCount(c.replace(phrases(r.not_for_note), ' ')) <= 1)
    return { text: c, reason: 'it would not help the note' };
  const bare = c
    .replace(/[\uE000\uE001]/g, '')
    .replace(phrases(env.cues.titles), '')
    .replace(/[\p{P}\p{S}\s]/gu, '');
  if (bare === '') return 'consumed';
  if (/^\p{L}+\/\p{L}+$/u.test(c)) return 'consumed';
  if (facts.avoid.some((term) => mentions(c, term)))
    return { text: unmark(c, facts.name), reason: REASONS.avoid };
  // A clause in another language than the note's is not stitched in.
  const other = clauseLanguage(c, pack, env);
  if (other) return { text: unmark(c, facts.name), reason: REASONS.language(other.label) };
  return undefined;
}

/** How well they know each other ("never met"), "write to ⟨R⟩", or a label ("Hiring:") for what follows. */
function relationshipOrLabel(c: string, pack: LanguagePack, facts: Facts): Classified | undefined {
  const r = pack.read;
  for (const scenario of ['acquaintance', 'stranger', 'close'] as const) {
    const list = r.relationship[scenario] ?? [];
    if (list.length === 0 || !has(c, list)) continue;
    facts.relationship ??= scenario;
    const rest = c
      .replace(phrases(list), ' ')
      .replace(/\b(?:we|we've|i|i've|have|properly|but|and)\b/gi, ' ');
    if (wordCount(rest) === 0) return 'consumed';
  }
  if (
    /^(?:connect|write|reach out|reaching out|note)\b.*\uE000$/iu.test(c) ||
    isWhole(c.replace(/\s*\uE000\s*$/u, ''), derived(pack).emptyOrMeta)
  )
    return 'consumed';
  // "Hiring: founding designer…": the label says what the next part is.
  for (const [kind, list] of Object.entries(r.labels ?? {})) {
    if (list && isWhole(c, list)) return { label: kind as PurposeKind };
  }
  return undefined;
}

/** A mutual contact, a next step, where they met, or a description right after their name. */
function readHowTheyKnow(cl: Clause, facts: Facts): Fact | 'unused' | undefined {
  const { text: c, pack, weight, second } = cl;
  const r = pack.read;
  // "via Priya Nair", "intro from Dana Levi": a mutual contact.
  const via = startsWith(c, r.mutual_before);
  if (via && /^\p{Lu}/u.test(via.rest) && wordCount(via.rest) <= 4 && !via.rest.includes(RECIPIENT))
    return fact('mutual', 'mutual', via.rest, c, weight + 3);
  const next = readNextStep(cl);
  if (next) return next;
  // "met (her) at SXSW", "kennengelernt auf der hub.berlin".
  const met = startsWith(c, derived(pack).metLead);
  if (met) {
    const where = met.rest.replace(/^(?:\uE000|her|him|them|briefly|once)\s+/iu, '').trim();
    if (/^(?:at|in|on|during|over|after|auf|bei|à|au|en|no|na|al|in)(?=\s)/iu.test(where)) {
      facts.relationship ??= 'acquaintance';
      return fact('met', 'where', second(where), c, weight + 3);
    }
  }
  // "⟨R⟩ from the Stockholm Rust meetup".
  const from = /^\uE000\s+(?:from|de|von|da)\s+(.+)$/iu.exec(c);
  if (from) return fact('from', 'where', second(from[1] as string), c, weight + 3);
  // "⟨R⟩ sushi chef turned SWE": what follows the name describes them.
  if (
    pack.language === 'en' &&
    /^\uE000\s+\p{Ll}/u.test(c) &&
    !/^\uE000\s+(?:was|is|has|had|runs|wrote|and|said|\p{L}+s\b|\p{L}+ed\b)/u.test(c)
  ) {
    const np = c.replace(/^\uE000\s+/u, '');
    if (!startsWith(np, r.recipient_verbs)) return describe(np, cl);
  }
  return undefined;
}

/** A concrete next step: "maybe lunch in Toronto", "coffee next week". */
function readNextStep(cl: Clause): Fact | undefined {
  const { text: c, pack, weight, second } = cl;
  const r = pack.read;
  if (
    !has(c, r.next_words) ||
    !(
      startsWith(c, r.next_lead) ||
      startsWith(c.replace(/^(?:a|an|quick|short)\s+/i, ''), r.next_words) ||
      wordCount(c) <= 6
    ) ||
    /^(?:we|i)\b/i.test(c) ||
    startsWith(c, derived(pack).metLead)
  )
    return undefined;
  let next = lowerFirst(startsWith(c, r.next_lead)?.rest ?? c);
  // "quick call next week" → "a quick call next week".
  if (pack.language === 'en' && startsWith(next, r.countable_next)) next = `a ${next}`;
  return fact('next', 'next', second(next), c, weight + 1);
}

/** A clause said as a sentence about them or the sender. */
function contextSentence(cl: Clause, text: string, weight: number): Fact {
  return fact('context', 'sentence', cl.second(text), cl.text, weight);
}

/** A clause led by a verb of the lists: done together, now, turns out, the sender's, the recipient's. */
function readByVerb(cl: Clause): Fact | undefined {
  const { text: c, pack, weight, second } = cl;
  const r = pack.read;
  const w = pack.write;
  const first = firstWord(c);
  if (startsWith(c, r.together_verbs)) {
    const needsWe = pack.language === 'en' && !/^we\b/i.test(c);
    return contextSentence(cl, needsWe ? `${w.we} ${lowerVerb(c)}` : c, weight + 1);
  }
  const now = startsWith(c, r.now_words);
  if (now && now.rest !== '') {
    const subj = (now.rest.split(/\s+/)[0] ?? '').toLowerCase();
    if (SUBJECTS.has(subj) || now.rest.startsWith(RECIPIENT) || isPronoun(subj, pack, cl.pronoun))
      return contextSentence(cl, c, weight);
    return npFact('role', 'you_are_now', second(now.rest), c, weight);
  }
  if (startsWith(c, r.turns_out) && w.it)
    return contextSentence(cl, `${w.it} ${lowerFirst(c)}`, weight);
  const senderVerb = startsWith(c, r.sender_verbs);
  if (senderVerb && !SUBJECTS.has(first)) {
    const ing = /ing$/i.test(senderVerb.phrase);
    const subject = pack.language === 'en' ? (ing ? "I'm" : 'I') : w.i;
    return fact('sender', 'sentence', second(`${subject} ${lowerVerb(c)}`), c, weight + 1);
  }
  if (startsWith(c, r.recipient_verbs) && !SUBJECTS.has(first))
    return contextSentence(cl, `${RECIPIENT} ${lowerVerb(c)}`, weight);
  return undefined;
}

/** The rest, by how it starts: a role after "Hiring:", "my …", a subject of its own, else about them. */
function readBySubject(cl: Clause, label: PurposeKind | undefined): Fact | 'unused' {
  const { text: c, pack, weight, second } = cl;
  const r = pack.read;
  const first = firstWord(c);
  if (label === 'hire' && pack.write.hiring)
    return {
      kind: 'sender',
      form: 'np',
      wrap: 'hiring',
      text: withArticle(c, pack),
      source: c,
      purposeKind: 'hire',
      weight: weight + 2,
    };
  const mine = first === 'my' || first === 'our';
  // "my cousin's friend ⟨R⟩", "my old lab partner at ETH": a noun phrase about them.
  if (mine && !/\b(?:is|are|was|were|said|told|\p{Ll}+ed)\b/u.test(c))
    return describe(c.replace(/\s*\uE000$/u, ''), cl);
  if (mine && has(leadWords(c), r.relational) && !/\b(?:is|was|said|told)\b/.test(c))
    return describe(c, cl);
  if (
    SUBJECTS.has(first) ||
    c.startsWith(RECIPIENT) ||
    c.startsWith(RECIPIENT_POSSESSIVE) ||
    isPronoun(first, pack, cl.pronoun) ||
    (/^\p{Lu}\p{Ll}/u.test(c.split(/\s+/)[0] ?? '') && hasVerbAfterName(c))
  ) {
    const kind: FactKind = /^(?:i|i'm|i've|i'd|my|yo|ich|je|eu|io)$/.test(first)
      ? 'sender'
      : 'context';
    return fact(kind, 'sentence', second(c), c, weight + 1);
  }
  // Elsewhere a clause without a subject is about them: "parlava di…" → "Lei parlava di…".
  if (
    pack.language !== 'en' &&
    /^\p{Ll}/u.test(c) &&
    !has(leadWords(c), r.relational) &&
    !startsWith(c, r.now_words)
  )
    return contextSentence(cl, `${RECIPIENT} ${c}`, weight);
  return describe(c, cl);
}

function leadWords(c: string): string {
  return c.split(/\s+/).slice(0, 3).join(' ');
}

/** "Dana Cole said…", "Ines runs the…": a capitalised name with a verb after it. */
function hasVerbAfterName(c: string): boolean {
  return /^(?:\p{Lu}[\p{L}'’-]*\s+){1,3}(?:at\s+\p{Lu}\p{L}+\s+)?(?:\p{Ll}+ed|said|told|thinks|and\s+I|was|is|wrote|ran|\p{Ll}+s\s+(?:the|a|an|my|our|you|me|us|to|that|\uE000))\b/u.test(
    c,
  );
}
