/**
 * The purposes of a business note that sell nothing, read per note: the sender
 * offers the reader a job, credits the reader's work for a gain of theirs, or
 * hosts something the reader is invited to. In such a note the evidence a pitch
 * is made of means something else (a day rate is pay, "Want the JD?" sends a
 * job, "our team cut spend 38%" is the reader's doing, "I host a podcast for
 * makers" describes the show), so that evidence is removed rather than weighed
 * against a counter-signal too weak to outweigh it.
 */
import type { Clause, Token } from '../../text/analysis.js';
import type { Lexicon } from '../../text/language.js';
import type { Hit } from '../model/phrases.js';
import type { Category } from './pitch-vocab.js';

type Features = Record<string, number>;
interface ClauseFeatures {
  clause: Clause;
  features: Features;
}

// What an employer's note shows about the job: its pay, terms, openings, the offer of its description.
const JOB_TERMS = [
  'money',
  'commercial',
  'quotesPrice',
  'readerPays',
  'scarcity',
  'senderClaim',
  'offerToShowOrSend',
  'senderAsksToSell',
  'offerOfCommercialThing',
  'salesMeeting',
  'senderIsSeller',
  'senderOffers',
  'offerFrame',
  'customerClass',
];
// What a note crediting the reader says of the sender's own gain.
const OWN_GAIN = [
  'senderOffers',
  'senderClaim',
  'outcome',
  'offerFrame',
  'customersGetOutcome',
  'money',
  'senderMentionsOffer',
];
// How a host describes the show, group or scheme the reader is asked to join, and the ask.
const HOSTED_THING = [
  'senderOffers',
  'senderIsSeller',
  'customerClass',
  'offerFrame',
  'senderClaim',
  'sellerFrame',
  'offerToShowOrSend',
  'meetingAsk',
  'helpsOthersDo',
  'leadVerbForCustomers',
  'senderAsksToSell',
];
// Evidence that the note still sells whatever its purpose: prices, scarcity, a booking link, a gift.
const STILL_SELLS = [
  'givenFree',
  'bookingLink',
  'quotesPrice',
  'offerOfCommercialThing',
  'scarcity',
];

function drop(f: Features, names: readonly string[]): void {
  for (const k of names) delete f[k];
}

// Words that make a job noun a field or a wish: "into staff roles", "open to new roles", "for ops roles".
const FIELD_LEAD: ReadonlySet<string> = new Set(['into', 'to', 'for', 'in', 'about', 'on', 'like']);

const NEGATION = /\b(?:no|without|zero|never any)\s+$/;
const WISH = /\b(?:love|value|appreciate|welcome|grateful|keen on)\b/;
// What goes beyond asking an opinion: a look at their material, a meeting, a price, a promised result.
const SELLING_ASKS = [
  'offerToShowOrSend',
  'senderAsksToSell',
  'meetingAsk',
  'salesMeeting',
  'scarcity',
  'commercial',
  'outcome',
];
// The sender's own product or trade as described, without its terms.
const DESCRIBED_OWN = [
  'senderOffers',
  'senderClaim',
  'customerClass',
  'offerFrame',
  'sellerFrame',
  'senderIsSeller',
  'senderTrade',
  'helpsOthersDo',
  'sellerWhoOffers',
  'ownsOffering',
  'leadVerbForCustomers',
  'senderHasClients',
  'customersGetOutcome',
  'senderMentionsOffer',
];

/** "a podcast production studio": the word only qualifies the noun after it (a trade, not a show). */
function qualifiesNoun(h: Hit, c: Clause): boolean {
  const next = c.tokens.find((t) => t.start >= h.end);
  return next !== undefined && next.start === h.end + 1 && next.pos === 'NOUN';
}

/** The clause a hit lies in. */
function clauseOf(h: Hit, clauses: readonly ClauseFeatures[]): ClauseFeatures | undefined {
  return clauses.find((c) => h.start >= c.clause.start && h.start < c.clause.end);
}

/**
 * "we have a night-shift role", "My team has two SRE openings", "Hiring two carpenters",
 * "contract role, 6 months": a job the sender has, not one the reader or a third party has
 * ("Acme is hiring", "Are you hiring?") nor a field the sender serves ("into staff roles").
 */
function sendersJob(h: Hit, c: Clause, lex: Lexicon, folded: string): boolean {
  if (c.about === 'recipient' || (c.question && c.about !== 'sender')) return false;
  // "three openings for the spring cohort" are a seller's places; "two SRE openings" are jobs.
  const head = c.tokens.find((t) => t.start === h.start);
  if (
    folded.slice(h.start, h.end).endsWith('openings') &&
    head?.pos !== 'NOUN' &&
    head?.pos !== 'PROPN'
  )
    return false;
  const before = c.tokens.filter((t) => t.end <= h.start && t.type === 'word');
  // "my role at Acme" is the sender's own job, not one on offer.
  if (before.at(-1)?.lower === 'my') return false;
  // Finite verbs only: in "I'm a recruiter at Hays working on a … role" the job is the sender's.
  const isVerb = (t: Token) => t.pos === 'AUX' || (t.pos === 'VERB' && !t.lower.endsWith('ing'));
  const v = before.findLastIndex(isVerb);
  // "coach engineers into staff roles", "open to new roles": a field or a wish, not a job on offer.
  if (before.slice(Math.max(v + 1, before.length - 3)).some((t) => FIELD_LEAD.has(t.lower)))
    return false;
  // A headline ("contract role, 6 months") or a leading "Hiring two carpenters…"; not "Acme's roles".
  if (v < 0) return !c.tokens.some((t) => t.end <= h.start && (t.text === "'s" || t.text === '’s'));
  if (c.about === 'third-party') return false;
  // Whose verb it is: "we have a role", "my team has two openings", not "Vanta has 6 roles".
  const u = before.slice(0, v).findLastIndex(isVerb);
  const subject = before.slice(u + 1, v);
  if (subject.some((t) => lex.secondPerson.has(t.lower) || lex.secondPossessive.has(t.lower)))
    return false;
  return subject.some((t) => lex.firstPerson.has(t.lower) || lex.firstPossessive.has(t.lower));
}

/** Removes the evidence whose meaning a non-selling purpose of the note changes. */
export function applyPurposes(
  local: Record<Category, Hit[]>,
  clauses: ClauseFeatures[],
  lex: Lexicon,
  folded: string,
): Features {
  const frames: Features = {};
  const stillSells = clauses.some((c) => STILL_SELLS.some((k) => c.features[k]));
  const employs = local.jobOffers.some((h) => {
    const c = clauseOf(h, clauses);
    return c !== undefined && sendersJob(h, c.clause, lex, folded);
  });
  if (employs) {
    frames.employs = 1;
    for (const c of clauses) drop(c.features, JOB_TERMS);
  }
  // The gain is the reader's doing: only the clause that credits them loses its evidence.
  for (const h of local.creditsReader) {
    const c = clauseOf(h, clauses);
    if (!c) continue;
    frames.credits = 1;
    drop(c.features, OWN_GAIN);
  }
  // "Could I send my CV?": a job seeker's application is no material of a seller's.
  for (const h of local.applies) {
    const c = clauseOf(h, clauses);
    if (!c) continue;
    frames.applies = 1;
    drop(c.features, ['offerToShowOrSend', 'senderAsksToSell', 'senderGivesRecipient']);
  }
  // "We're issuing an RFP for managed print across 9 sites": what a buyer tenders, not what it sells.
  for (const h of local.tenders) {
    const c = clauseOf(h, clauses);
    if (!c) continue;
    frames.tenders = 1;
    drop(c.features, [...DESCRIBED_OWN, 'money', 'outcome']);
  }
  // "budget around £8k", "we pay £40/hr": the amount is what the sender would pay.
  for (const h of local.budgets) {
    const c = clauseOf(h, clauses);
    if (c) drop(c.features, ['money', 'senderClaim', 'quotesPrice']);
  }
  // "a small podcast (no sponsors, no fees)": a charge denied is no term of sale.
  const charges = local.commercial.some(
    (h) => !NEGATION.test(folded.slice(Math.max(0, h.start - 8), h.start)),
  );
  const hosts =
    !stillSells &&
    !charges &&
    !clauses.some((c) => c.features.money && c.clause.about !== 'recipient') &&
    local.hostedThings.some((h) => {
      const c = clauseOf(h, clauses);
      return c !== undefined && c.clause.about === 'sender' && !qualifiesNoun(h, c.clause);
    }) &&
    (local.invite.length > 0 || local.joinAsks.length > 0);
  if (hosts) {
    frames.hosts = 1;
    for (const c of clauses) {
      // Any charge left is a denied one ("no fees").
      drop(c.features, [...HOSTED_THING, 'commercial']);
      // "Your story of selling at $3M ARR would be a great episode": the reader's figure.
      if (c.clause.about === 'recipient' && !c.clause.question) drop(c.features, ['money']);
    }
  }
  // "I'm building a habit app for shift workers… would value an honest take": the sender's
  // product is what the reader is asked to judge, and nothing is offered or asked for but that.
  const judged = local.advice.some((h) => {
    const c = clauseOf(h, clauses);
    return c !== undefined && (c.clause.question || WISH.test(c.clause.text.toLowerCase()));
  });
  const asksForMore = clauses.some((c) => SELLING_ASKS.some((k) => c.features[k]));
  if (judged && !asksForMore && !stillSells) {
    frames.asksFeedback = 1;
    for (const c of clauses) drop(c.features, DESCRIBED_OWN);
  }
  return frames;
}
