/**
 * Two English frames of a seller that name no offering verb from the vocabulary:
 * a trade given as a headline ("Freelance copywriter here.", "Plumber covering all
 * of Leeds") and an offer to do a job for the reader ("I'd love to run some numbers
 * for your family", "can pull you a valuation"). Both read the tags, not the words.
 */
import type { Clause, Token } from '../../text/analysis.js';
import type { Language, Lexicon } from '../../text/language.js';
import type { Hit } from '../model/phrases.js';
import { wordsOf } from './pitch-frames.js';

// What may stand before the role in a headline: "As an independent financial adviser…".
const HEADLINE_LEAD = /^(?:ADJ|NOUN|PROPN|DET|NUM)$/;

/**
 * A seller role among the clause's first words with no verb or person before it: the
 * sender's trade as a headline. "Fellow designer here" is a peer; "Recruiter at Acme" an employee.
 */
export function roleHeadline(clause: Clause, roles: readonly Hit[], language: Language): boolean {
  if (language !== 'en' || clause.question || clause.about === 'recipient') return false;
  const words = wordsOf(clause);
  return roles.some((h) => {
    const k = words.findIndex((w) => w.start <= h.start && w.end > h.start);
    if (k < 0 || k > 3) return false;
    const before = words.slice(0, k);
    if (before.some((w) => w.lower === 'fellow' || w.lower === 'former' || w.lower === 'ex'))
      return false;
    if (!before.every((w, i) => HEADLINE_LEAD.test(w.pos) || (i === 0 && w.lower === 'as')))
      return false;
    // "Recruiter at Acme" is an employee; "Dev Patel" a name, not a trade.
    const after = words.slice(k + 1).find((w) => w.start >= h.end);
    const name = after?.pos === 'PROPN' && /^\p{Lu}\p{Ll}/u.test(after.text);
    return after?.lower !== 'at' && !name;
  });
}

// Verbs done for the reader that are courtesy or contact, not a job: "buy you a coffee", "get you an
// intro"; and wishes for what is theirs: "I'd love your take", "would value your thoughts".
const NOT_A_JOB = new Set([
  'love',
  'like',
  'value',
  'appreciate',
  'want',
  'need',
  'borrow',
  'follow',
  'interview',
  'enjoy',
  'admire',
  'use',
  'try',
  'be',
  'have',
  'get',
  'buy',
  'grab',
  'treat',
  'meet',
  'see',
  'hear',
  'chat',
  'catch',
  'connect',
  'introduce',
  'ask',
  'learn',
  'thank',
  'invite',
  'join',
  'talk',
  'know',
  'say',
  'keep',
  'add',
  'pick',
  'come',
  'go',
  'visit',
  'read',
  'send',
  'share',
  'show',
  'tell',
  'give',
  'make',
  'owe',
  'save',
  'hold',
]);
const WILLING = new Set(['can', 'could', 'will', "'ll", 'would', "'d", 'to']);

/**
 * The sender willing to do a job for the reader: a modal or "to" ("happy to", "love to"),
 * a bare verb, then "for you / for your …" within a few words, or "you a …" / "your …" right after it.
 */
export function servesReader(clause: Clause, lex: Lexicon, language: Language): boolean {
  if (language !== 'en') return false;
  const subject = clause.subject?.lower;
  if (subject && !lex.firstPerson.has(subject) && !/^(?:i'm|im|we're)$/.test(subject)) return false;
  const ts = clause.tokens;
  return ts.some((t, i) => {
    if (t.pos !== 'VERB' || t.lemma !== t.lower || NOT_A_JOB.has(t.lemma)) return false;
    const lead = ts.slice(Math.max(0, i - 3), i);
    if (!lead.some((x) => WILLING.has(x.lower))) return false;
    const rest = ts.slice(i + 1, i + 7);
    for (let j = 0; j < rest.length; j++) {
      const w = rest[j] as Token;
      if (w.type === 'punctuation') return false;
      const next = rest[j + 1];
      if (
        w.lower === 'for' &&
        next &&
        (lex.secondPerson.has(next.lower) || lex.secondPossessive.has(next.lower))
      )
        return true;
      if (j === 0 && lex.secondPerson.has(w.lower) && next?.pos === 'DET') return true;
      // "could move your store off Magento", "can rebuild your site": the job done on the reader's thing.
      if (j === 0 && lex.secondPossessive.has(w.lower) && /^(?:NOUN|ADJ)$/.test(next?.pos ?? ''))
        return true;
    }
    return false;
  });
}
