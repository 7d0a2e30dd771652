/**
 * What sales-pitch weighs: the frame of the sender offering something of
 * theirs (a first-person or company subject with an offering verb, a seller's
 * identity, a customer class, an outcome, a claim, a commercial term or an
 * offer to show or send), and the frames that are business talk without
 * selling (hiring, buying, asking advice, inviting, thanking, introducing).
 * Features are 0/1 per note; each clause also gets its own, so a finding can
 * point at the clause that sells. The weights are learned (npm run train).
 */
import type { Clause } from '../../text/analysis.js';
import { type Language, type Lexicon, lexicon } from '../../text/language.js';
import type { Note } from '../../text/note.js';
import { compilePhrases, findPhrases, type Hit } from '../model/phrases.js';
import vocab from '../vocab/sales-pitch.json' with { type: 'json' };

const CATEGORIES = [
  'offerVerbs',
  'giveVerbs',
  'sellerNouns',
  'sellerRoles',
  'customerNouns',
  'customerMarkers',
  'outcomes',
  'commercial',
  'offerCta',
  'meetingAsk',
  'salesMeeting',
  'scarcity',
  'bookingLinks',
  'hiring',
  'buying',
  'advice',
  'invite',
  'thanks',
  'intro',
  'invitationActs',
] as const;
type Category = (typeof CATEGORIES)[number];

type Known = Exclude<Language, 'unknown'>;
const table = vocab as unknown as Record<Known, Partial<Record<Category, string[]>>>;

const compiled = new Map<Known, Record<Category, RegExp>>();
function patterns(language: Known): Record<Category, RegExp> {
  let p = compiled.get(language);
  if (!p) {
    const lists = table[language];
    p = Object.fromEntries(CATEGORIES.map((c) => [c, compilePhrases(lists?.[c])])) as Record<
      Category,
      RegExp
    >;
    compiled.set(language, p);
  }
  return p;
}

/** What each feature means, for the finding's message. */
export const FEATURE_REASONS: Readonly<Record<string, string>> = {
  senderOffers: 'you say what you do for clients',
  senderOffersToCustomers: 'you name the kind of customer you serve',
  senderIsSeller: 'you introduce your firm, product or trade',
  offerWithOutcome: 'it promises a result',
  senderClaim: 'it backs the offer with figures',
  customerClass: 'it names a class of customers',
  outcome: 'it promises a result',
  commercial: 'it mentions prices, fees, trials or demos',
  money: 'it quotes an amount',
  offerToShowOrSend: 'it offers to show or send your material',
  offerAfterSelling: 'it asks for a meeting or offers material after describing your offer',
  meetingAsk: 'it asks for a call or meeting',
  salesMeeting: 'it asks for the short call sellers ask for',
  scarcity: 'it pushes with limited places or a deadline',
  bookingLink: 'it links to a booking calendar',
  senderAsksToSell: 'it asks permission to send or show something',
  quotesPrice: 'it quotes a price',
  leadVerbForCustomers: 'it says what you do for a class of customers',
  sellerForCustomers: 'you introduce your trade and who you serve',
  sellerPromisesOutcome: 'you introduce your trade with a promise',
  offerWithFigures: 'it backs what you do with figures',
  offerOfCommercialThing: 'it offers a quote, trial, demo or price',
  customersGetOutcome: 'it cites what your customers gain',
  senderGivesRecipient: 'it offers them something of yours',
  senderMentionsOffer: 'it says what you do for clients',
};

export interface PitchFeatures {
  note: Record<string, number>;
  /** Per clause, the features that clause shows on its own (plus the note's counter-signals). */
  clauses: Array<{ clause: Clause; features: Record<string, number> }>;
}

const CURRENCY = /[$€£¥₹]|\b(?:usd|eur|gbp|r\$)\b/u;
const ASKS_PERMISSION =
  /^(?:¿\s*)?(?:can|could|may|shall|should) i\b|^want me to\b|^(?:would|do) you like me to\b/u;

export function pitchFeatures(note: Note): PitchFeatures | undefined {
  const a = note.analysis;
  if (a.language === 'unknown') return undefined;
  const p = patterns(a.language);
  const lex = lexicon(a.language);
  const folded = a.folded;
  const hits = {} as Record<Category, Hit[]>;
  // A title or a name ("Slow Growth", the podcast Build Mode) names a thing; its words sell nothing.
  // Hits lie in the stretch the layer analysed (a 100 KB note is read for its first 3,000
  // characters); a quote may close up to QUOTE_MAX characters past it.
  const names = [...quotedSpans(note.text.slice(0, folded.length + QUOTE_MAX)), ...a.properNouns];
  // Mid-sentence capitals start a name too, where the tagger missed it (not in German: nouns are capitalised).
  const capitalised = (h: Hit) =>
    a.language !== 'de' &&
    /\p{Lu}/u.test(note.text[h.start] ?? '') &&
    !/(?:^|[.!?:;\n])\s*$/u.test(note.text.slice(Math.max(0, h.start - 3), h.start));
  const named = (h: Hit) =>
    capitalised(h) || names.some((n) => h.start >= n.start && h.end <= n.end);
  for (const c of CATEGORIES) {
    const found = findPhrases(p[c], folded);
    hits[c] = NAMEABLE.has(c) ? found.filter((h) => !named(h)) : found;
  }
  // Links and their labels: a booking link counts wherever it is.
  const inBody = (h: Hit) => h.start >= a.body.start && h.end <= Math.max(a.body.end, a.body.start);
  const any = (c: Category) => hits[c].some(inBody);
  // Hits handed to the clauses in one sweep (clauses are in order), not a scan per clause:
  // a 100 KB note has thousands of both.
  const cursor = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const hitsIn = (cl: Clause): Record<Category, Hit[]> => {
    const out = {} as Record<Category, Hit[]>;
    for (const c of CATEGORIES) {
      const list = hits[c];
      let i = cursor[c];
      while (i < list.length && (list[i] as Hit).start < cl.start) i++;
      const from = i;
      while (i < list.length && (list[i] as Hit).start < cl.end) i++;
      cursor[c] = i;
      out[c] = list.slice(from, i).filter((h) => h.end <= cl.end);
    }
    return out;
  };

  const counter = {
    hiring: any('hiring'),
    buying: any('buying'),
    advice: any('advice'),
    invite: any('invite'),
    thanks: any('thanks'),
    intro: any('intro'),
  };
  const booking =
    hits.bookingLinks.length > 0 ||
    note.entities.some(
      (e) => e.kind === 'link' && findPhrases(p.bookingLinks, foldLink(e.target)).length > 0,
    );

  const clauses = a.clauses.map((clause) => {
    const local = hitsIn(clause);
    const within = (c: Category) => local[c].length > 0;
    const sender = clause.about === 'sender';
    const lower = folded.slice(clause.start, clause.end);
    // "glad to connect", "shall I make the introduction": the invitation itself, not an offer.
    const inviting = (h: Hit) =>
      local.invitationActs.some((act) => h.start >= act.start && h.start < act.end);
    const offerHits = local.offerVerbs.filter(
      (h) =>
        isVerbAt(h, clause, a.language, note.text) && !helpsWithAnAct(h, clause) && !inviting(h),
    );
    const verb = mainVerb(clause);
    // The offering verb is what the sender does ("we build…", "Helping teams…",
    // "ayudamos a…", "our API cuts…"): near the start of a sender clause, or
    // anywhere when the subject is "our product…" / "nuestro software…".
    const ownsSeller = possessedSeller(clause, lex, local.sellerNouns);
    const window = offerWindow(clause, ownsSeller, lex);
    const offer = sender && offerHits.some((h) => h.start >= window.start && h.start < window.end);
    const gives =
      sender &&
      local.giveVerbs.some((h) => h.start >= window.start && h.start < window.end) &&
      clause.tokens.some((t) => lex.secondPerson.has(t.lower) || lex.secondPossessive.has(t.lower));
    // "That's exactly what we fix", "how we help brands…": a first-person subject
    // right before an offering verb, inside someone else's clause.
    const mentionOffer =
      !offer && clause.mentionsSender && offerRightAfterSender(clause, offerHits, lex);
    const seller = sellerIdentity(clause, verb, local.sellerNouns, local.sellerRoles);
    const customer = within('customerNouns') || within('customerMarkers') || pluralAfterFor(clause);
    const outcome = within('outcomes');
    const money = CURRENCY.test(lower) || clause.tokens.some((t) => t.type === 'currency');
    const claim = money || clause.tokens.some((t) => t.type === 'number' || t.pos === 'NUM');
    const commercial = within('commercial') || money;
    const cta = within('offerCta');
    const asks = clause.question && (sender || ASKS_PERMISSION.test(lower.trim()));
    const f: Record<string, number> = {};
    const set = (name: string, on: boolean) => {
      if (on) f[name] = 1;
    };
    set('senderOffers', offer);
    set('senderGivesRecipient', gives);
    set(
      'customersGetOutcome',
      clause.about !== 'recipient' && startsWithCustomer(clause, local) && (outcome || claim),
    );
    set('senderMentionsOffer', mentionOffer);
    set('senderOffersToCustomers', offer || mentionOffer ? customer : false);
    set('senderIsSeller', sender && seller);
    set('offerWithOutcome', (offer || mentionOffer) && outcome && clause.about !== 'recipient');
    set('senderClaim', sender && claim);
    set('customerClass', customer);
    set('outcome', outcome);
    set('commercial', commercial);
    set('money', money);
    set('offerToShowOrSend', cta);
    set('meetingAsk', within('meetingAsk'));
    set('salesMeeting', within('salesMeeting'));
    set('scarcity', within('scarcity'));
    set('bookingLink', booking && within('bookingLinks'));
    set('senderAsksToSell', asks && (cta || commercial));
    // Frames and their evidence in the same clause say more than either apart.
    set('sellerForCustomers', sender && seller && customer);
    set('sellerPromisesOutcome', sender && seller && (outcome || money));
    set('offerWithFigures', (offer || mentionOffer) && claim);
    // "Helping Series A teams…", "Getting teams off spreadsheets…": an understood "I" serving customers.
    set(
      'leadVerbForCustomers',
      sender &&
        clause.subject === undefined &&
        clause.leadingVerb !== undefined &&
        clause.leadingVerb.lower !== clause.leadingVerb.lemma &&
        customer,
    );
    set('offerOfCommercialThing', cta && commercial);
    set('quotesPrice', money && within('commercial'));
    // "Could you send pricing?", "Do you offer a trial?": the reader is asked to sell.
    const asksThem =
      clause.about === 'recipient' && clause.subject !== undefined && clause.question;
    set('recipientAsksPrice', asksThem && commercial);
    return { clause, features: f };
  });

  const noteFeatures: Record<string, number> = {};
  for (const { features } of clauses)
    for (const k in features) noteFeatures[k] = Math.max(noteFeatures[k] ?? 0, features[k] ?? 0);
  if (booking) noteFeatures.bookingLink = 1;
  // Says what they sell, then asks for the meeting or offers the material: the shape of a pitch.
  const selling =
    noteFeatures.senderOffers ||
    noteFeatures.senderIsSeller ||
    noteFeatures.senderMentionsOffer ||
    noteFeatures.leadVerbForCustomers;
  const asks =
    noteFeatures.offerToShowOrSend || noteFeatures.senderAsksToSell || noteFeatures.salesMeeting;
  if (selling && asks) noteFeatures.offerAfterSelling = 1;
  for (const [k, on] of Object.entries(counter)) if (on) noteFeatures[k] = 1;
  // The counter-signals belong to the note, so every clause carries them.
  for (const c of clauses) for (const [k, on] of Object.entries(counter)) if (on) c.features[k] = 1;
  return { note: noteFeatures, clauses };
}

type Tok = Clause['tokens'][number];

/** The selling vocabularies whose words can also be part of a title or a name. */
const NAMEABLE: ReadonlySet<Category> = new Set([
  'offerVerbs',
  'giveVerbs',
  'sellerNouns',
  'customerNouns',
  'outcomes',
  'commercial',
]);

// A quoted title: opening quote not inside a word ("I'd" is no quote), up to 80 characters.
const QUOTE_MAX = 82;
const QUOTED =
  /(?<![\p{L}\p{N}])(?:'[^'\n]{1,80}'|"[^"\n]{1,80}"|“[^”\n]{1,80}”|‘[^’\n]{1,80}’|«[^»\n]{1,80}»|„[^“\n]{1,80}“)(?![\p{L}\p{N}])/gu;

function quotedSpans(text: string): Array<{ start: number; end: number }> {
  return Array.from(text.matchAll(QUOTED), (m) => ({ start: m.index, end: m.index + m[0].length }));
}

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
function offerWindow(
  clause: Clause,
  ownsSeller: boolean,
  lex: Lexicon,
): { start: number; end: number } {
  const ts = clause.tokens.filter((t) => t.type !== 'punctuation');
  const head = clause.subject ?? clause.leadingVerb;
  const from = head ? Math.max(0, ts.indexOf(head)) : 0;
  if (ownsSeller) return { start: clause.start, end: clause.end };
  let span = 6;
  for (let i = from; i < Math.min(ts.length, from + span); i++) {
    const t = ts[i] as Tok;
    // "…what you're building": another subject takes over the verb.
    if (i > from && (lex.secondPerson.has(t.lower) || lex.thirdPerson.has(t.lower))) {
      span = i - from;
      break;
    }
    if (CATENATIVE.has(t.lemma) || t.lower === 'to' || t.pos === 'AUX') span++;
  }
  if (span === 0) return { start: clause.start, end: clause.start };
  const last = ts[Math.min(ts.length, from + span) - 1];
  return { start: (ts[from] ?? ts[0])?.start ?? clause.start, end: last ? last.end : clause.end };
}

/** A first-person subject word with an offering verb within the next three words. */
function offerRightAfterSender(clause: Clause, offerHits: Hit[], lex: Lexicon): boolean {
  const words = clause.tokens.filter((t) => t.type === 'word');
  return words.some((w, k) => {
    if (!lex.firstPerson.has(w.lower)) return false;
    const limit = words[Math.min(words.length, k + 4) - 1]?.end ?? w.end;
    return offerHits.some((h) => h.start > w.start && h.start < limit);
  });
}

/** "happy to help test the build": helping with an act is lending a hand, not a service. */
function helpsWithAnAct(h: Hit, clause: Clause): boolean {
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
function possessedSeller(clause: Clause, lex: Lexicon, sellerNouns: Hit[]): boolean {
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
function isVerbAt(h: Hit, clause: Clause, language: Language, text: string): boolean {
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
  return (
    (t.pos === 'NOUN' || t.pos === 'PROPN') &&
    t.lower.endsWith('s') &&
    prev !== undefined &&
    (prev.pos === 'NOUN' || prev.pos === 'PROPN')
  );
}

/** "Teams like yours close deals 2x faster", "Nos clients récupèrent…": customers as the subject. */
function startsWithCustomer(clause: Clause, hits: Record<Category, Hit[]>): boolean {
  const words = clause.tokens.filter((t) => t.type === 'word');
  const limit = words[Math.min(words.length, 4) - 1]?.end ?? clause.start;
  return hits.customerNouns.some((h) => h.start >= clause.start && h.start < limit);
}
const SKIP_TO_VERB = new Set(['AUX', 'PART', 'ADV', 'PUNCT']);
// Verbs that state what the sender is or owns: "I'm a broker", "I run a practice", "we're the team behind…".
const EMPLOYED_AT = new Set(['at', 'with', 'bei', 'en', 'chez', 'na', 'no', 'em', 'in']);
const IDENTITY_VERBS = new Set(['be', 'run', 'own', 'found', 'start', 'lead', 'head', 'manage']);

/**
 * The verb of the clause's subject: the leading verb of a subject-less clause,
 * else (English tags) the first verb after the subject; for languages without
 * tags, the first word after the subject.
 */
function mainVerb(clause: Clause): Tok | undefined {
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
function sellerIdentity(
  clause: Clause,
  verb: Tok | undefined,
  nouns: Hit[],
  roles: Hit[],
): boolean {
  const inClause = [...nouns, ...roles].filter(
    (h) => h.start >= clause.start && h.end <= clause.end,
  );
  if (inClause.length === 0) return false;
  const subjectEnd = verb?.start ?? clause.end;
  const subject = clause.subject;
  if (subject && inClause.some((h) => h.start >= subject.end && h.end <= subjectEnd)) return true;
  const identityVerb =
    verb && (IDENTITY_VERBS.has(verb.lemma) || verb.pos === 'X')
      ? verb
      : clause.tokens.find((t) => t.pos === 'AUX' && t.lemma === 'be');
  if (!identityVerb) return false;
  // "am / are / run" + an article or possessive, then the seller within a few words:
  // "I'm a mortgage broker", "we're the team behind…", "I run a small practice".
  const ts = clause.tokens;
  const k = ts.indexOf(identityVerb);
  const det = ts[k + 1];
  if (!det || !(det.pos === 'DET' || det.pos === 'PRON' || det.pos === 'X')) return false;
  const limit = ts[Math.min(ts.length, k + 7) - 1]?.end ?? clause.end;
  return inClause.some((h) => {
    if (h.start <= identityVerb.end || h.start >= limit) return false;
    // "a designer at Monzo", "Recruiterin bei der Sparkasse": an employee, not a seller.
    const after = ts.find((t) => t.start >= h.end && t.type === 'word');
    return !(after && EMPLOYED_AT.has(after.lower));
  });
}

/** "for physio clinics", "for SaaS teams": a plural noun after "for" (English tags only). */
function pluralAfterFor(clause: Clause): boolean {
  const ts = clause.tokens;
  for (let i = 0; i < ts.length; i++) {
    if ((ts[i] as (typeof ts)[number]).lower !== 'for') continue;
    // "for two years", "for 10 people": a quantity, not a class of customers.
    const first = ts[i + 1];
    if (first && (first.pos === 'NUM' || first.type === 'number')) continue;
    for (let j = i + 1; j < Math.min(ts.length, i + 5); j++) {
      const t = ts[j] as (typeof ts)[number];
      if (t.pos === 'NOUN' && t.lower !== t.lemma && t.lower.endsWith('s')) return true;
      if (t.pos === 'VERB' || t.pos === 'PUNCT' || t.pos === 'PRON') break;
    }
  }
  return false;
}

function foldLink(url: string): string {
  return url.toLowerCase();
}
