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
import { type Lexicon, lexicon } from '../../text/language.js';
import type { Note } from '../../text/note.js';
import { findPhrases, type Hit } from '../model/phrases.js';
import {
  answersWithOwnWork,
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
import {
  hasFigure,
  helpsWithAnAct,
  isVerbAt,
  mainVerb,
  offerRightAfterSender,
  offerWindow,
  pluralAfterFor,
  possessedSeller,
  sellerIdentity,
  startsWithCustomer,
} from './pitch-grammar.js';
import { type Category, patterns, sweep, vocabularyHits } from './pitch-vocab.js';

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
  const hits = vocabularyHits(note, p);
  // Links and their labels: a booking link counts wherever it is.
  const inBody = (h: Hit) => h.start >= a.body.start && h.end <= Math.max(a.body.end, a.body.start);
  const any = (c: Category) => hits[c].some(inBody);
  const hitsIn = sweep(hits);
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
  const context: NoteContext = { note, lex: lexicon(a.language), booking };
  const clauses = a.clauses.map((clause) => ({
    clause,
    features: clauseFeatures(readClause(clause, hitsIn(clause), context), context),
  }));
  const noteFeatures = noteLevel(note, clauses, booking);
  for (const [k, on] of Object.entries(counter)) if (on) noteFeatures[k] = 1;
  // The counter-signals belong to the note, so every clause carries them.
  for (const c of clauses) for (const [k, on] of Object.entries(counter)) if (on) c.features[k] = 1;
  return { note: noteFeatures, clauses };
}

interface NoteContext {
  note: Note;
  lex: Lexicon;
  booking: boolean;
}

/** What a clause says, read once: the frames its features are made of. */
function readClause(clause: Clause, local: Record<Category, Hit[]>, context: NoteContext) {
  const { note, lex } = context;
  const a = note.analysis;
  const folded = a.folded;
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
    (h) => isVerbAt(h, clause, a.language, note.text) && !helpsWithAnAct(h, clause) && !inviting(h),
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
  return {
    clause,
    local,
    within,
    sender,
    offerHits,
    offer,
    gives,
    mentionOffer,
    seller,
    asksThem,
    customer,
    outcome,
    money,
    claim,
    cta,
    scarce,
    commercial,
    asks,
  };
}

type ClauseReading = ReturnType<typeof readClause>;

function clauseFeatures(r: ClauseReading, context: NoteContext): Record<string, number> {
  const { clause, local, within, sender, offerHits, offer, mentionOffer, seller, asksThem } = r;
  const { customer, outcome, money, claim, cta, scarce, commercial, asks } = r;
  const { lex, booking } = context;
  const a = context.note.analysis;
  const f: Record<string, number> = {};
  const set = (name: string, on: boolean) => {
    if (on) f[name] = 1;
  };
  set('senderOffers', offer);
  set('senderGivesRecipient', r.gives);
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
    (sender || mentionOffer) && helpsOthersDo(clause, offerHits, lex, a.language, a.folded),
  );
  set('readerPays', readerPays(clause, money, lex));
  set('quotesPrice', money && within('commercial'));
  // "Could you send pricing?", "Does Acme offer a free plan?": the reader is asked to sell.
  set('recipientAsksPrice', asksThem && (within('commercial') || money));
  return f;
}

/** The note's features: each clause's, and the shapes only the whole note shows. */
function noteLevel(
  note: Note,
  clauses: Array<{ clause: Clause; features: Record<string, number> }>,
  booking: boolean,
): Record<string, number> {
  const a = note.analysis;
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
  return noteFeatures;
}

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

function foldLink(url: string): string {
  return url.toLowerCase();
}
