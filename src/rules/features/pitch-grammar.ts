/**
 * The grammar sales-pitch reads off a clause's tokens and tags: where the
 * sender's own verb can stand, whether a vocabulary word is used as a verb,
 * the clause's main verb, the sender presenting a seller, customers as the
 * subject, figures that claim something.
 */
import type { Clause } from '../../text/analysis.js';
import type { Language, Lexicon } from '../../text/language.js';
import type { Hit } from '../model/phrases.js';
import { COORDINATORS } from './pitch-frames.js';
import type { Category } from './pitch-vocab.js';

type Tok = Clause['tokens'][number];

// "I'd love to show…", "we wanted to share…": the wish is not the act.
const CATENATIVE = new Set([
  'love',
  'like',
  'want',
  'wish',
  'hope',
  'try',
  'mean',
  'be',
  'have',
  'just',
]);

/** Where the sender's own verb can stand: from the subject over a few words, past "love to". */
export function offerWindow(
  clause: Clause,
  ownsSeller: boolean,
  lex: Lexicon,
): { start: number; end: number } {
  const ts = clause.tokens.filter((t) => t.type !== 'punctuation');
  const head = clause.subject ?? clause.leadingVerb;
  const from = head ? Math.max(0, ts.indexOf(head)) : 0;
  if (ownsSeller) return { start: clause.start, end: clause.end };
  let span = 6;
  let taken = false;
  for (let i = from; i < Math.min(ts.length, from + span); i++) {
    const t = ts[i] as Tok;
    // "…what you're building": another subject takes over the verb.
    if (i > from && (lex.secondPerson.has(t.lower) || lex.thirdPerson.has(t.lower))) {
      span = i - from;
      taken = true;
      break;
    }
    if (CATENATIVE.has(t.lemma) || t.lower === 'to' || t.pos === 'AUX') span++;
  }
  // "I'm a broker now and help alumni…", "I run an agency and could beat…": a
  // second predicate of the same subject, within the subject's first ten words.
  if (!taken && head) {
    for (let i = from + 1; i < Math.min(ts.length, from + COORDINATION_REACH); i++) {
      const t = ts[i] as Tok;
      if (lex.secondPerson.has(t.lower) || lex.thirdPerson.has(t.lower)) break;
      if (COORDINATORS.has(t.lower) && !startsNewSubject(ts, i + 1, lex)) {
        span = Math.max(span, i - from + COORDINATED_VERB_REACH);
        // "…and saw you made the switch": the reader takes over the verb after the coordinator too.
        for (let j = i + 1; j < Math.min(ts.length, from + span); j++) {
          const w = ts[j] as Tok;
          if (lex.secondPerson.has(w.lower) || lex.thirdPerson.has(w.lower)) span = j - from;
        }
        break;
      }
    }
  }
  if (span === 0) return { start: clause.start, end: clause.start };
  const last = ts[Math.min(ts.length, from + span) - 1];
  return { start: (ts[from] ?? ts[0])?.start ?? clause.start, end: last ? last.end : clause.end };
}

// How far from the subject "and" may join a second predicate, and how far after
// "and" its verb may stand ("and can usually beat…").
const COORDINATION_REACH = 10;
const COORDINATED_VERB_REACH = 5;

/** "…and Dana builds", "…and they sell": after the coordinator, someone else is the subject. */
function startsNewSubject(ts: readonly Tok[], i: number, lex: Lexicon): boolean {
  const t = ts[i];
  if (!t) return true;
  return (
    t.pos === 'PROPN' ||
    t.pos === 'DET' ||
    lex.thirdPerson.has(t.lower) ||
    lex.secondPerson.has(t.lower) ||
    lex.secondPossessive.has(t.lower)
  );
}

/** A first-person subject word with an offering verb within the next three words. */
export function offerRightAfterSender(clause: Clause, offerHits: Hit[], lex: Lexicon): boolean {
  const words = clause.tokens.filter((t) => t.type === 'word');
  return words.some((w, k) => {
    if (!lex.firstPerson.has(w.lower)) return false;
    const limit = words[Math.min(words.length, k + 4) - 1]?.end ?? w.end;
    return offerHits.some((h) => h.start > w.start && h.start < limit);
  });
}

/** "happy to help test the build": helping with an act is lending a hand, not a service. */
export function helpsWithAnAct(h: Hit, clause: Clause): boolean {
  const words = clause.tokens.filter((t) => t.type === 'word');
  const k = words.findIndex((t) => t.start === h.start);
  const t = words[k];
  const next = words[k + 1];
  if (t?.lemma !== 'help') return false;
  // "help" + a bare verb ("help test the build", even when the tagger reads "test"
  // as a noun before "the") lends a hand; "help teams…", "helps shows earn…" serve someone.
  if (!next) return false;
  if (next.pos === 'VERB') return next.lemma === next.lower;
  const after = words[k + 2];
  return next.pos === 'NOUN' && next.lemma === next.lower && after?.pos === 'DET';
}

/** "our platform…", "nuestro software…", "notre cabinet…": the sender's seller as the subject. */
export function possessedSeller(clause: Clause, lex: Lexicon, sellerNouns: Hit[]): boolean {
  const subject = clause.subject;
  if (!subject || !lex.firstPossessive.has(subject.lower)) return false;
  const words = clause.tokens.filter((t) => t.type === 'word');
  const k = words.indexOf(subject);
  const limit = words[Math.min(words.length, k + 5) - 1]?.end ?? subject.end;
  return sellerNouns.some((h) => h.start >= subject.end && h.start < limit);
}

/**
 * A vocabulary verb is only the clause's act where it is used as a verb:
 * tagged VERB in English (or a verb the tagger misread as a plural noun after
 * a noun: "our API cuts…"), lower-case in German, where nouns are capitalised.
 */
export function isVerbAt(h: Hit, clause: Clause, language: Language, text: string): boolean {
  const ts = clause.tokens;
  const k = ts.findIndex((t) => t.start <= h.start && t.end > h.start);
  const t = ts[k];
  if (!t) return false;
  if (language === 'de') return !/^\p{Lu}/u.test(text.slice(t.start, t.end));
  if (language !== 'en') return true;
  const prev = ts[k - 1];
  const prev2 = ts[k - 2];
  // "the Windows build", "a quick fix": after an article it is a noun, whatever the tag.
  const afterArticle =
    prev !== undefined &&
    (prev.pos === 'DET' ||
      (/^(?:NOUN|PROPN|ADJ)$/.test(prev.pos) && prev2 !== undefined && prev2.pos === 'DET'));
  if (t.pos === 'VERB') return !afterArticle;
  // "I do bookkeeping for breweries", "we do consulting": "do" with a noun or a gerund object is
  // the act, though tagged AUX ("I do think…" is not).
  if (t.lemma === 'do' && t.pos === 'AUX') {
    const object = ts.slice(k + 1, k + 3);
    return (
      /^(?:NOUN|PROPN|ADJ)$/.test(object[0]?.pos ?? '') ||
      object.some((o) => o.pos === 'NOUN' || /ing$/.test(o.lower))
    );
  }
  // "could likely beat", "can usually get": after a modal (and an adverb) it is a verb, whatever the tag.
  const modal = (x: Tok | undefined) => x?.pos === 'AUX' && MODALS.has(x.lower);
  if (modal(prev) || (prev?.pos === 'ADV' && modal(prev2)) || (prev?.pos === 'ADJ' && modal(prev2)))
    return true;
  return (
    (t.pos === 'NOUN' || t.pos === 'PROPN') &&
    t.lower.endsWith('s') &&
    prev !== undefined &&
    (prev.pos === 'NOUN' || prev.pos === 'PROPN')
  );
}

const MODALS = new Set(['can', 'could', 'will', 'would', "'ll", "'d", 'may', 'might', 'shall']);

/** "Teams like yours close deals 2x faster", "Nos clients récupèrent…": customers as the subject. */
export function startsWithCustomer(clause: Clause, hits: Record<Category, Hit[]>): boolean {
  const words = clause.tokens.filter((t) => t.type === 'word');
  const limit = words[Math.min(words.length, 4) - 1]?.end ?? clause.start;
  return hits.customerNouns.some((h) => h.start >= clause.start && h.start < limit);
}
const SKIP_TO_VERB = new Set(['AUX', 'PART', 'ADV', 'PUNCT']);
// Verbs that state what the sender is or owns: "I'm a broker", "I run a practice", "we're the team behind…".
const EMPLOYED_AT = new Set(['at', 'with', 'bei', 'en', 'chez', 'na', 'no', 'em', 'in']);
const EMPLOYER_AT = new Set(['at', 'bei', 'chez']);
const ARTICLES = new Set(['einer', 'einem', 'der', 'dem', 'den', 'the', 'a', 'an']);
const IDENTITY_VERBS = new Set(['be', 'run', 'own', 'found', 'start', 'lead', 'head', 'manage']);

/**
 * The verb of the clause's subject: the leading verb of a subject-less clause,
 * else (English tags) the first verb after the subject; for languages without
 * tags, the first word after the subject.
 */
export function mainVerb(clause: Clause): Tok | undefined {
  if (clause.leadingVerb) return clause.leadingVerb;
  const ts = clause.tokens;
  const from = clause.subject ? ts.indexOf(clause.subject) + 1 : 0;
  for (let i = from; i < ts.length; i++) {
    const t = ts[i] as Tok;
    if (t.pos === 'X') return t.type === 'word' ? t : undefined;
    if (t.pos === 'VERB') return t;
    if (!SKIP_TO_VERB.has(t.pos) && !(t.pos === 'NOUN' && i === from)) {
      // "our platform helps…": the subject may run on for a few words.
      if (i - from > 4) return undefined;
    }
  }
  return undefined;
}

/**
 * The sender presents a seller: "I'm a mortgage broker", "we're an agency",
 * "I run a small practice", or a seller noun in the subject itself ("our
 * platform helps…", "my studio builds…").
 */
export function sellerIdentity(
  clause: Clause,
  verb: Tok | undefined,
  hits: Record<Category, Hit[]>,
  offers: boolean,
  lex: Lexicon,
): boolean {
  const inClause = [...hits.sellerNouns, ...hits.sellerRoles].filter(
    (h) => h.start >= clause.start && h.end <= clause.end,
  );
  if (inClause.length === 0) return false;
  const subjectEnd = verb?.start ?? clause.end;
  const subject = clause.subject;
  const ts = clause.tokens;
  // "a designer at Monzo", "Recruiterin bei der Sparkasse": an employee, not a seller.
  const employee = (h: Hit, at: ReadonlySet<string> = EMPLOYED_AT) => {
    const k = ts.findIndex((t) => t.start >= h.end && t.type === 'word');
    const after = ts[k];
    if (!after || !at.has(after.lower)) return false;
    // "courtier en assurance" names the field; "consultora en Deloitte" the employer.
    if (after.lower === 'en') return /^\p{Lu}/u.test(ts[k + 1]?.text ?? '');
    // "Beraterin in einer Kanzlei" works there; "an agency in Leeds" is where the seller is.
    return after.lower !== 'in' || ARTICLES.has(ts[k + 1]?.lower ?? '');
  };
  // "our platform helps…", "my firm gets…" present a seller; "our agency has run every invoice
  // through…" a customer; "I'm a designer at Monzo" an employee ("a tax adviser in Leeds" a seller).
  const inSubject = inClause.filter((h) => h.start >= (subject?.end ?? 0) && h.end <= subjectEnd);
  if (subject && inSubject.length > 0 && !inSubject.every((h) => employee(h, EMPLOYER_AT)))
    return (
      offers ||
      !lex.firstPossessive.has(subject.lower) ||
      presentAct(verb ?? actAfter(ts, inSubject))
    );
  // "I'm an authorised partner": the contraction is the "be" when the tagger reads it as one word.
  const identityVerb =
    verb && (IDENTITY_VERBS.has(verb.lemma) || verb.pos === 'X')
      ? verb
      : (clause.tokens.find((t) => t.pos === 'AUX' && t.lemma === 'be') ??
        (subject && /^(?:i'm|im|we're)$/.test(subject.lower) ? subject : undefined));
  if (!identityVerb) return false;
  // "am / are / run" + an article or possessive, then the seller within a few words:
  // "I'm a mortgage broker", "we're the team behind…", "I run a small practice".
  const k = ts.indexOf(identityVerb);
  const det = ts[k + 1];
  // "je suis courtier", "ich bin Makler", "soy corredora": a trade after "be" needs no article there.
  if (det && inClause.some((h) => h.start === det.start) && !employee(inClause[0] as Hit))
    return (
      IDENTITY_VERBS.has(identityVerb.lemma) || identityVerb.pos === 'X' || identityVerb === subject
    );
  if (!det || !(det.pos === 'DET' || det.pos === 'PRON' || det.pos === 'X')) return false;
  const limit = ts[Math.min(ts.length, k + 7) - 1]?.end ?? clause.end;
  return inClause.some((h) => h.start > identityVerb.end && h.start < limit && !employee(h));
}

// What a seller "does" that is no service: "our studio loves your work", "our app needs…".
const NOT_AN_ACT = new Set(['have', 'be', 'love', 'like', 'need', 'want', 'use', 'miss', 'follow']);

/**
 * "my software tracks it": the word right after the seller noun, where the tagger read the
 * verb as a plural noun and found no verb.
 */
function actAfter(ts: readonly Tok[], sellers: readonly Hit[]): Tok | undefined {
  const end = sellers[sellers.length - 1]?.end ?? 0;
  const next = ts.find((t) => t.start > end);
  return next?.pos === 'NOUN' && next.start === end + 1 ? next : undefined;
}

/** "gets", "lets", "turns": a verb in the present, third person (English tags), the habit of a business. */
function presentAct(verb: Tok | undefined): boolean {
  return (
    verb !== undefined &&
    (verb.pos === 'VERB' || verb.pos === 'NOUN') &&
    verb.lower.endsWith('s') &&
    verb.lemma !== verb.lower &&
    !NOT_AN_ACT.has(verb.lemma)
  );
}
