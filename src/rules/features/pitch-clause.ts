/**
 * One clause of a note as sales-pitch reads it: the frames found in it
 * (readClause) and the 0/1 features they make (clauseFeatures). The note-level
 * features are assembled in ./sales-pitch.ts.
 */
import type { Clause } from '../../text/analysis.js';
import type { Language, Lexicon } from '../../text/language.js';
import type { Note } from '../../text/note.js';
import type { Hit } from '../model/phrases.js';
import { hasFigure, pluralAfterFor } from './pitch-figures.js';
import {
  answersWithOwnWork,
  givenFree,
  helpsOthersDo,
  offerAimedAtReader,
  readerPays,
  sellerWhoOffers,
  senderTrade,
} from './pitch-frames.js';
import {
  mainVerb,
  offerRightAfterSender,
  offerWindow,
  possessedSeller,
  sellerIdentity,
  startsWithCustomer,
} from './pitch-grammar.js';
import { hasClients, inReadersTopic, ownedByOther, ownsSellerNoun } from './pitch-ownership.js';
import { roleHeadline, servesReader } from './pitch-reader.js';
import { offeringVerbs } from './pitch-verbs.js';
import type { Category } from './pitch-vocab.js';

const CURRENCY = /[$€£¥₹]|\b(?:usd|eur|gbp|r\$)\b/u;
const ASKS_PERMISSION =
  /^(?:¿\s*)?(?:can|could|may|shall|should) i\b|^want me to\b|^(?:would|do) you like me to\b/u;

export interface NoteContext {
  note: Note;
  lex: Lexicon;
  booking: boolean;
}

/** What a clause says, read once: the frames its features are made of. */
export function readClause(clause: Clause, local: Record<Category, Hit[]>, context: NoteContext) {
  const { note, lex } = context;
  const a = note.analysis;
  // "Your advice saved our demo": a statement about the reader sells nothing of the sender's.
  const aboutReader = clause.about === 'recipient' && !clause.question && !clause.imperative;
  const theirTopic = dropOthersThings(local, clause, context, aboutReader);
  const within = (c: Category) => local[c].length > 0;
  // "we both coach U10s", "we're both in the choir": what the sender shares with the reader, not a trade.
  const sender = clause.about === 'sender' && !sharedWithReader(clause, lex);
  const lower = a.folded.slice(clause.start, clause.end);
  const offerHits = offeringVerbs(local, clause, note);
  const verb = mainVerb(clause);
  // The offering verb is what the sender does ("we build…", "Helping teams…",
  // "ayudamos a…", "our API cuts…"): near the start of a sender clause, or
  // anywhere when the subject is "our product…" / "nuestro software…".
  const ownsSeller = possessedSeller(clause, lex, local.sellerNouns);
  const window = offerWindow(clause, ownsSeller, lex);
  const offer = sender && offerHits.some((h) => h.start >= window.start && h.start < window.end);
  const gives = sender && givesToReader(local.giveVerbs, window, clause, lex);
  // "That's exactly what we fix", "how we help brands…": a first-person subject
  // right before an offering verb, inside someone else's clause.
  const mentionOffer =
    !offer &&
    ((clause.mentionsSender && offerRightAfterSender(clause, offerHits, lex)) ||
      answersWithOwnWork(clause, lex, a.language));
  const seller = sellerIdentity(clause, verb, local, offer, lex);
  const asksThem = asksAboutTheirs(clause);
  const readersSide = asksThem || aboutReader;
  const customer =
    !readersSide &&
    (within('customerNouns') || within('customerMarkers') || pluralAfterFor(clause, theirTopic));
  const outcome = within('outcomes');
  const money = CURRENCY.test(lower) || clause.tokens.some((t) => t.type === 'currency');
  const claim = money || hasFigure(clause);
  const cta = offersMaterial(within, lower);
  // "you might be taking on new clients": the reader's capacity, asked about, is no pitch of the sender's.
  const scarce = local.scarcity.some((h) => !afterReader(h, clause, lex));
  // A price or trial in a question is the buyer's ("Is there a multi-year discount?") unless
  // the question offers it ("Want a quote?", "Can I send our rate card?").
  // "Would you be open to a proposal?": a question that offers, like "Want a quote?".
  const offersInQuestion = cta || within('meetingAsk');
  const commercial = within('commercial') && (!clause.question || offersInQuestion || sender);
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
    offersInQuestion,
  };
}

type ClauseReading = ReturnType<typeof readClause>;

/**
 * "your pricing page", "its action plan": the reader's or another's thing is
 * not on offer; nor is anything commercial in a statement about the reader.
 */
function dropOthersThings(
  local: Record<Category, Hit[]>,
  clause: Clause,
  context: NoteContext,
  aboutReader: boolean,
): (h: Hit) => boolean {
  const { lex, note } = context;
  const theirs = (h: Hit) =>
    ownedByOther(h, clause, lex, note.analysis.language, note.analysis.folded);
  // "your talk on pricing for marketplaces": the class is the topic of the reader's thing.
  const theirTopic = (h: Hit) => theirs(h) || inReadersTopic(h, clause, lex);
  local.commercial = aboutReader ? [] : local.commercial.filter((h) => !theirs(h));
  local.sellerNouns = local.sellerNouns.filter((h) => !theirs(h) && !namesAJob(h, clause));
  local.customerNouns = local.customerNouns.filter((h) => !theirTopic(h));
  return theirTopic;
}

/**
 * An offer to show or send, unless what is offered asks for their input, their part in
 * the sender's event or an introduction to someone else: "Could I send you my survey?",
 * "Would you like to speak at…?", "Want me to intro you two?" (not "introduce you to our tool").
 */
function offersMaterial(within: (c: Category) => boolean, lower: string): boolean {
  const introduces = within('intro') && !/\bintroduce you to (?:our|my)\b/.test(lower);
  return (
    within('offerCta') &&
    !within('advice') &&
    !within('peerSharing') &&
    !within('invite') &&
    !introduces
  );
}

/**
 * "a book club for product managers", "open to roles in product management": a seller noun
 * before another noun only qualifies it (a job, a field), it is not a thing on offer (English tags).
 */
function namesAJob(h: Hit, clause: Clause): boolean {
  const next = clause.tokens.find((t) => t.start >= h.end);
  return next !== undefined && next.start === h.end + 1 && next.pos === 'NOUN';
}

/** A giving verb where the sender's offering verb stands, in a clause that names the reader. */
function givesToReader(
  giveVerbs: readonly Hit[],
  window: { start: number; end: number },
  clause: Clause,
  lex: Lexicon,
): boolean {
  return (
    giveVerbs.some((h) => h.start >= window.start && h.start < window.end) &&
    clause.tokens.some((t) => lex.secondPerson.has(t.lower) || lex.secondPossessive.has(t.lower))
  );
}

/**
 * "Do you offer a trial for small practices?", "Are you taking new clients?", "your post on
 * pricing for dev tools": customers and prices the reader is asked about or owns are not an offer.
 */
function asksAboutTheirs(clause: Clause): boolean {
  return (
    (clause.about === 'recipient' || clause.about === 'third-party') &&
    clause.subject !== undefined &&
    clause.question
  );
}

/** "we both", "we're both", "both of us": a first-person subject the reader belongs to. */
function sharedWithReader(clause: Clause, lex: Lexicon): boolean {
  const ts = clause.tokens.filter((t) => t.type === 'word');
  return ts.some(
    (t, i) =>
      t.lower === 'both' &&
      (lex.firstPerson.has(ts[i - 1]?.lower ?? '') ||
        lex.firstPerson.has(ts[i - 2]?.lower ?? '') ||
        ts[i + 2]?.lower === 'us'),
  );
}

/** A second-person word within the four words before the hit. */
function afterReader(h: Hit, clause: Clause, lex: Lexicon): boolean {
  const before = clause.tokens.filter((t) => t.type === 'word' && t.end <= h.start).slice(-4);
  return before.some((t) => lex.secondPerson.has(t.lower));
}

function mark(f: Record<string, number>, name: string, on: boolean): void {
  if (on) f[name] = 1;
}

export function clauseFeatures(r: ClauseReading, context: NoteContext): Record<string, number> {
  const { clause, local, within, sender, offer, mentionOffer, seller } = r;
  const { customer, outcome, money, claim, cta, scarce, commercial, asks } = r;
  const { lex, booking } = context;
  const a = context.note.analysis;
  const f: Record<string, number> = {};
  mark(f, 'senderOffers', offer);
  mark(f, 'senderGivesRecipient', r.gives);
  mark(
    f,
    'customersGetOutcome',
    clause.about !== 'recipient' && startsWithCustomer(clause, local) && (outcome || claim),
  );
  mark(f, 'senderMentionsOffer', mentionOffer);
  mark(
    f,
    'senderIsSeller',
    (sender && seller) || roleHeadline(clause, local.sellerRoles, a.language),
  );
  mark(f, 'senderClaim', sender && claim);
  mark(f, 'customerClass', customer);
  mark(f, 'outcome', outcome);
  mark(f, 'commercial', commercial);
  mark(f, 'money', money);
  mark(f, 'offerToShowOrSend', cta);
  mark(f, 'meetingAsk', within('meetingAsk'));
  mark(f, 'salesMeeting', within('salesMeeting'));
  mark(f, 'scarcity', scarce);
  mark(f, 'bookingLink', booking && within('bookingLinks'));
  mark(f, 'senderAsksToSell', asks && (cta || commercial));
  markFrames(f, r, lex, a.language, a.folded);
  return f;
}

/** Frames and their evidence in the same clause say more than either apart. */
function markFrames(
  f: Record<string, number>,
  r: ClauseReading,
  lex: Lexicon,
  language: Language,
  folded: string,
): void {
  const { clause, local, within, sender, offerHits, offer, mentionOffer, seller, asksThem } = r;
  const { customer, outcome, money, claim, cta, scarce, commercial } = r;
  // The frame of a pitch (issue 10): the sender's offering verb or trade, with what backs it
  // in the same clause — whom it serves, what it gains them, a figure, a price, a deadline.
  // The backing is other words than the verb: "we grow tomatoes" promises no growth.
  const gain = outcome && local.outcomes.some((o) => !local.offerVerbs.some((h) => overlaps(o, h)));
  const backed = customer || gain || claim || commercial || scarce;
  const trade = senderTrade(clause, lex, language);
  mark(f, 'senderTrade', trade);
  mark(f, 'offerFrame', (offer || mentionOffer || trade) && backed && clause.about !== 'recipient');
  mark(f, 'sellerFrame', sender && seller && backed);
  // "Helping Series A teams…", "Getting teams off spreadsheets…": an understood "I" serving customers.
  mark(
    f,
    'leadVerbForCustomers',
    sender &&
      clause.subject === undefined &&
      clause.leadingVerb !== undefined &&
      clause.leadingVerb.lower !== clause.leadingVerb.lemma &&
      customer,
  );
  mark(f, 'offerOfCommercialThing', cta && commercial);
  mark(
    f,
    'sellerWhoOffers',
    sender && sellerWhoOffers(clause, [...local.sellerNouns, ...local.sellerRoles], offerHits),
  );
  mark(f, 'offerAimedAtReader', offer && offerAimedAtReader(clause, offerHits, lex));
  mark(f, 'givenFree', !asksThem && givenFree(clause, local.freeWords, language));
  mark(f, 'ownsOffering', sender && ownsSellerNoun(clause, local.sellerNouns, lex));
  mark(f, 'senderHasClients', hasClients(clause, local.customerNouns, lex));
  mark(
    f,
    'helpsOthersDo',
    (sender || mentionOffer) && helpsOthersDo(clause, offerHits, lex, language, folded),
  );
  mark(f, 'readerPays', readerPays(clause, money, lex));
  mark(f, 'servesReader', !asksThem && servesReader(clause, lex, language));
  mark(f, 'quotesPrice', money && within('commercial'));
  // "Could you send pricing?", "Does Acme offer a free plan?": the reader is asked to sell.
  mark(f, 'recipientAsksPrice', asksThem && !r.offersInQuestion && (within('commercial') || money));
}

function overlaps(a: Hit, b: Hit): boolean {
  return a.start < b.end && b.start < a.end;
}
