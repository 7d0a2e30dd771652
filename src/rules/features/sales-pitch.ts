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
import {
  answersWithOwnWork,
  COORDINATORS,
  givenFree,
  hasClients,
  helpsOthersDo,
  offerAimedAtReader,
  ownedByOther,
  ownsSellerNoun,
  postscriptStart,
  readerPays,
  sellerWhoOffers,
} from './pitch-frames.js';

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
  'freeWords',
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
  senderIsSeller: 'you introduce your firm, product or trade',
  offerFrame: 'you say what you do for clients and back it up',
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
  sellerFrame: 'you introduce your trade and who or what it serves',
  offerOfCommercialThing: 'it offers a quote, trial, demo or price',
  sellerWhoOffers: 'you introduce your trade by what it does for clients',
  offerAimedAtReader: 'it offers to do for them what you do for clients',
  givenFree: 'it offers something free',
  helpsOthersDo: 'it says whom you help to do what',
  readerPays: 'it tells them what they would pay',
  ownsOffering: 'it names your own product or service',
  senderHasClients: 'it speaks of your clients',
  sellsInPostscript: 'it keeps an offer for the P.S.',
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
  // A plural acronym ("SMBs", "CTOs") is a class of people, not a name.
  const acronymClass = (h: Hit) => /^\p{Lu}{2,}s$/u.test(note.text.slice(h.start, h.end));
  const named = (h: Hit) =>
    !acronymClass(h) && (capitalised(h) || names.some((n) => h.start >= n.start && h.end <= n.end));
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
    // "your pricing page", "its action plan": the reader's or another's thing is not on offer.
    const theirs = (h: Hit) => ownedByOther(h, clause, lex, a.language, folded);
    // "Your advice saved our demo": a statement about the reader sells nothing of the sender's.
    const aboutReader = clause.about === 'recipient' && !clause.question && !clause.imperative;
    local.commercial = aboutReader ? [] : local.commercial.filter((h) => !theirs(h));
    local.sellerNouns = local.sellerNouns.filter((h) => !theirs(h));
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
    const seller = sellerIdentity(clause, verb, local, offer, lex);
    // "Do you offer a trial for small practices?", "Are you taking new clients?", "your post on
    // pricing for dev tools": customers and prices the reader is asked about or owns are not an offer.
    const asksThem =
      (clause.about === 'recipient' || clause.about === 'third-party') &&
      clause.subject !== undefined &&
      clause.question;
    const readersSide = asksThem || aboutReader;
    const customer =
      !readersSide &&
      (within('customerNouns') || within('customerMarkers') || pluralAfterFor(clause));
    const outcome = within('outcomes');
    const money = CURRENCY.test(lower) || clause.tokens.some((t) => t.type === 'currency');
    const claim = money || hasFigure(clause);
    const cta = within('offerCta');
    const scarce = within('scarcity');
    // A price or trial in a question is the buyer's ("Is there a multi-year discount?") unless
    // the question offers it ("Want a quote?", "Can I send our rate card?").
    const commercial = within('commercial') && (!clause.question || cta || sender);
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
    set('senderMentionsOffer', mentionOffer || answersWithOwnWork(clause, lex, a.language));
    set('senderIsSeller', sender && seller);
    set('senderClaim', sender && claim);
    set('customerClass', customer);
    set('outcome', outcome);
    set('commercial', commercial);
    set('money', money);
    set('offerToShowOrSend', cta);
    set('meetingAsk', within('meetingAsk'));
    set('salesMeeting', within('salesMeeting'));
    set('scarcity', scarce);
    set('bookingLink', booking && within('bookingLinks'));
    set('senderAsksToSell', asks && (cta || commercial));
    // Frames and their evidence in the same clause say more than either apart.
    // The frame of a pitch (issue 10): the sender's offering verb or trade, with what backs it
    // in the same clause — whom it serves, what it gains them, a figure, a price, a deadline.
    const backed = customer || outcome || claim || commercial || scarce;
    set('offerFrame', (offer || mentionOffer) && backed && clause.about !== 'recipient');
    set('sellerFrame', sender && seller && backed);
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
    set(
      'sellerWhoOffers',
      sender && sellerWhoOffers(clause, [...local.sellerNouns, ...local.sellerRoles], offerHits),
    );
    set('offerAimedAtReader', offer && offerAimedAtReader(clause, offerHits, lex));
    set('givenFree', !asksThem && givenFree(clause, local.freeWords, a.language));
    set('ownsOffering', sender && ownsSellerNoun(clause, local.sellerNouns, lex));
    set('senderHasClients', hasClients(clause, local.customerNouns, lex));
    set(
      'helpsOthersDo',
      (sender || mentionOffer) && helpsOthersDo(clause, offerHits, lex, a.language, folded),
    );
    set('readerPays', readerPays(clause, money, lex));
    set('quotesPrice', money && within('commercial'));
    // "Could you send pricing?", "Does Acme offer a free plan?": the reader is asked to sell.
    set('recipientAsksPrice', asksThem && (within('commercial') || money));
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
  // "…great talk. P.S. we license our checkout": the offer kept for the postscript.
  const ps = postscriptStart(a.tokens, a.body.start);
  if (ps !== undefined && clauses.some((c) => c.clause.start >= ps && sellsOnItsOwn(c.features)))
    noteFeatures.sellsInPostscript = 1;
  for (const [k, on] of Object.entries(counter)) if (on) noteFeatures[k] = 1;
  // The counter-signals belong to the note, so every clause carries them.
  for (const c of clauses) for (const [k, on] of Object.entries(counter)) if (on) c.features[k] = 1;
  return { note: noteFeatures, clauses };
}

type Tok = Clause['tokens'][number];

/** A clause that carries an offer by itself, not only a counter-signal or an ask. */
const SELLING_FRAMES = [
  'senderOffers',
  'senderIsSeller',
  'senderMentionsOffer',
  'ownsOffering',
  'givenFree',
  'commercial',
  'offerToShowOrSend',
  'senderHasClients',
];
function sellsOnItsOwn(f: Record<string, number>): boolean {
  return SELLING_FRAMES.some((k) => f[k]);
}

/** The frames that state what the sender sells (as against asking for the meeting). */
const OFFER_FRAMES = [
  'senderOffers',
  'senderIsSeller',
  'senderMentionsOffer',
  'offerFrame',
  'sellerFrame',
  'helpsOthersDo',
  'leadVerbForCustomers',
  'customersGetOutcome',
  'ownsOffering',
  'givenFree',
];
export function statesOffer(f: Readonly<Record<string, number>>): boolean {
  return OFFER_FRAMES.some((k) => f[k]);
}

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
  // "our platform helps…" presents a seller; "our agency has run every invoice through…" a customer.
  if (subject && inClause.some((h) => h.start >= subject.end && h.end <= subjectEnd))
    return offers || !lex.firstPossessive.has(subject.lower);
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

const TIME_UNITS =
  /^(?:min|mins|minutes?|hours?|hrs?|days?|weeks?|months?|years?|yrs?|am|pm|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)$/;

/**
 * A figure that claims something: "500+ SMBs", "30%", "5x", "4,000 trucks". Not a
 * year ("in 2016"), a duration or a date ("20 minutes", "14 May"), nor a number
 * word ("two quick questions"): those say when or how long, not how well.
 */
function hasFigure(clause: Clause): boolean {
  const ts = clause.tokens;
  return ts.some((t, i) => {
    if (t.type !== 'number' && t.pos !== 'NUM') return false;
    if (!/\d/.test(t.text)) return false;
    if (/^(?:19|20)\d\d$/.test(t.text)) return false;
    const next = ts[i + 1]?.text === '-' ? ts[i + 2] : ts[i + 1];
    return !(next && TIME_UNITS.test(next.lower));
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
