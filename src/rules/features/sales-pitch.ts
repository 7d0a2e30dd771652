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
import { lexicon } from '../../text/language.js';
import type { Note } from '../../text/note.js';
import { findPhrases, type Hit } from '../model/phrases.js';
import { markAskConjunctions } from './pitch-asks.js';
import { clauseFeatures, type NoteContext, readClause } from './pitch-clause.js';
import { postscriptStart } from './pitch-frames.js';
import { applyPurposes } from './pitch-purpose.js';
import { CATEGORIES, type Category, patterns, sweep, vocabularyHits } from './pitch-vocab.js';
import { wordingFeatures } from './pitch-wording.js';

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
  backedOffer: 'it backs your offer with whom it serves or what it gains them',
  senderTrade: 'you say what you make or do for a living',
  backedAsk: 'it asks for a meeting after citing figures or your product',
  servesReader: 'it offers to do a job of yours for them',
  sellerTerms: 'it names your firm or product and its terms',
  sellerAvailability: 'it says what you have available',
  sellerAsksReader: 'you say what you sell and turn to their need',
  actThenAsk: 'it says what you do and asks for a meeting',
};

export interface PitchFeatures {
  note: Record<string, number>;
  /** Per clause, the features that clause shows on its own (plus the note's counter-signals). */
  clauses: Array<{ clause: Clause; features: Record<string, number> }>;
}

export function pitchFeatures(note: Note): PitchFeatures | undefined {
  const a = note.analysis;
  if (a.language === 'unknown') return undefined;
  const p = patterns(a.language);
  const hits = vocabularyHits(note, p);
  // Links and their labels: a booking link counts wherever it is.
  const inBody = (h: Hit) => h.start >= a.body.start && h.end <= Math.max(a.body.end, a.body.start);
  const any = (c: Category) => hits[c].some(inBody);
  const hitsIn = sweep(hits);
  // "a review of your position", "my post about hiring juniors": the reader's own job, or hiring
  // as the topic of a piece, not a job on offer.
  const readersJob = (h: Hit) =>
    /\b(?:your|about|on|regarding)\s$/.test(a.folded.slice(Math.max(0, h.start - 10), h.start));
  const counter = {
    hiring: hits.hiring.some((h) => inBody(h) && !readersJob(h)),
    buying: any('buying'),
    // Asking for their input, or sharing one's own notes as a peer ("the paper I mentioned").
    advice: any('advice') || any('peerSharing'),
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
  // Filled category by category (not Object.fromEntries, which cost more than the filters here).
  const inBodyHits = {} as typeof hits;
  for (const c of CATEGORIES) inBodyHits[c] = hits[c].filter(inBody);
  const purposes = applyPurposes(inBodyHits, clauses, context.lex, a.folded);
  const noteFeatures = noteLevel(note, clauses, booking);
  markAskConjunctions(noteFeatures, clauses, context.lex);
  for (const [k, on] of Object.entries(counter)) if (on) noteFeatures[k] = 1;
  Object.assign(noteFeatures, purposes);
  for (const c of clauses) Object.assign(c.features, purposes);
  // The counter-signals belong to the note, so every clause carries them.
  for (const c of clauses) for (const [k, on] of Object.entries(counter)) if (on) c.features[k] = 1;
  // Wording: the body's for the note (not the greeting's name or the sign-off), each clause's own.
  Object.assign(noteFeatures, wordingFeatures(a.tokens.filter(inBody)));
  for (const c of clauses) Object.assign(c.features, wordingFeatures(c.clause.tokens));
  return { note: noteFeatures, clauses };
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
    noteFeatures.senderTrade ||
    noteFeatures.senderIsSeller ||
    noteFeatures.senderMentionsOffer ||
    noteFeatures.leadVerbForCustomers;
  const asks =
    noteFeatures.offerToShowOrSend || noteFeatures.senderAsksToSell || noteFeatures.salesMeeting;
  if (selling && asks) noteFeatures.offerAfterSelling = 1;
  // A figure or a product of one's own, then the ask for a meeting: "…22% cut in backlog. Worth 20 mins?".
  const backing =
    noteFeatures.senderClaim || noteFeatures.ownsOffering || noteFeatures.customersGetOutcome;
  if (backing && (asks || noteFeatures.meetingAsk)) noteFeatures.backedAsk = 1;
  // A seller and its terms, in any clause: "we are the leading manufacturer… we will give best rate".
  const seller =
    noteFeatures.senderIsSeller || noteFeatures.ownsOffering || noteFeatures.senderTrade;
  if (seller && (noteFeatures.commercial || noteFeatures.money)) noteFeatures.sellerTerms = 1;
  // Supply on hand from a seller or with a figure: "our desk has 40 anaesthetists available for Q1".
  if (noteFeatures.scarcity && (seller || noteFeatures.senderClaim || noteFeatures.senderOffers))
    noteFeatures.sellerAvailability = 1;
  // Each frame of an offer with its backing is rare in a few hundred notes; together they are
  // the pitch's shape, so one pooled signal lets a wording the corpus lacks count in full.
  if (BACKED_OFFER_FRAMES.some((k) => noteFeatures[k])) noteFeatures.backedOffer = 1;
  // "…great talk. P.S. we license our checkout": the offer kept for the postscript.
  const ps = postscriptStart(a.tokens, a.body.start);
  if (ps !== undefined && clauses.some((c) => c.clause.start >= ps && sellsOnItsOwn(c.features)))
    noteFeatures.sellsInPostscript = 1;
  return noteFeatures;
}

/** An offer with what backs it in the same clause: whom it serves, what it gains, a figure. */
const BACKED_OFFER_FRAMES = [
  'offerFrame',
  'sellerFrame',
  'sellerWhoOffers',
  'offerAimedAtReader',
  'helpsOthersDo',
  'customersGetOutcome',
];

/** A clause that carries an offer by itself, not only a counter-signal or an ask. */
const SELLING_FRAMES = [
  'senderOffers',
  'senderTrade',
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
  'senderTrade',
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
