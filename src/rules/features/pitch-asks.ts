/**
 * Two shapes only the whole note shows: the sender saying what they do and then
 * turning to the reader's need ("…that's what my studio sells, if you ever need it",
 * "Photographer here. … Got any new starters?"), and a plain statement of the
 * sender's routine work followed by the ask for a meeting ("We sync them to your
 * CRM. Worth 10 minutes?"). Each half is common in notes that sell nothing; the
 * pair is the pitch, and a linear model only sees the pair as its own feature.
 */
import type { Clause } from '../../text/analysis.js';
import type { Lexicon } from '../../text/language.js';

type Tok = Clause['tokens'][number];

const IF_WORDS = new Set(['if', 'si', 'wenn', 'falls', 'se', 'sofern']);

// The sender's state or courtesy, not work done for clients: "we met", "I love", "I work at…".
const NOT_AN_ACT = new Set([
  'be',
  'have',
  'do',
  'love',
  'like',
  'think',
  'know',
  'hope',
  'want',
  'need',
  'work',
  'live',
  'follow',
  'enjoy',
  'read',
  'see',
  'miss',
  'use',
  'admire',
  'remember',
  'mean',
  'feel',
  'look',
  'come',
  'go',
  'get',
  'run',
  'meet',
  'wonder',
  'believe',
  'agree',
  'study',
  'write',
  'post',
  'share',
  'try',
  'keep',
  'stay',
  'play',
  'say',
  'hear',
  'notice',
  'spot',
  'find',
  'thank',
  'appreciate',
]);

const SELLER_FEATURES = [
  'senderIsSeller',
  'ownsOffering',
  'senderTrade',
  'senderOffers',
  'senderMentionsOffer',
  'sellerWhoOffers',
  'servesReader',
];
const ASK_FEATURES = ['meetingAsk', 'salesMeeting', 'offerToShowOrSend', 'senderAsksToSell'];

/** The conjunctions, set on the note's features. */
export function markAskConjunctions(
  f: Record<string, number>,
  read: ReadonlyArray<{ clause: Clause }>,
  lex: Lexicon,
): void {
  const clauses = read.map((r) => r.clause);
  const seller = SELLER_FEATURES.some((k) => f[k]);
  if (seller && clauses.some((c) => turnsToReader(c, lex))) f.sellerAsksReader = 1;
  const ask = ASK_FEATURES.some((k) => f[k]);
  if (ask && clauses.some((c) => statesRoutineAct(c, lex))) f.actThenAsk = 1;
}

/** "if your team ever…", "si vous…", or a question put to the reader ("Got an event coming up?"). */
function turnsToReader(clause: Clause, lex: Lexicon): boolean {
  const words = clause.tokens.filter((t) => t.type === 'word');
  const second = (t: Tok | undefined) =>
    t !== undefined &&
    (lex.secondPerson.has(t.lower) || lex.secondPossessive.has(t.lower) || t.lower === 'yours');
  const conditional = words.some(
    (w, i) => IF_WORDS.has(w.lower) && (second(words[i + 1]) || second(words[i + 2])),
  );
  return conditional || (clause.question && clause.about !== 'sender');
}

/**
 * "We sync them to Salesforce", "my team runs forklift training on-site": a statement with
 * the sender as subject and a verb in the present that is a job done, not a state.
 */
function statesRoutineAct(clause: Clause, lex: Lexicon): boolean {
  if (clause.question || clause.about !== 'sender' || !clause.subject) return false;
  const ts = clause.tokens;
  const k = ts.indexOf(clause.subject);
  const possessive = lex.firstPossessive.has(clause.subject.lower);
  for (let i = k + 1; i < Math.min(ts.length, k + 4); i++) {
    const t = ts[i] as Tok;
    if (t.pos === 'AUX' || t.pos === 'PART') return false;
    if (t.pos !== 'VERB' && !(possessive && t.pos === 'NOUN' && i > k + 1)) continue;
    if (NOT_AN_ACT.has(t.lemma)) return false;
    // "we sync" (bare form after I/we), "my software tracks" (third person after a possessive).
    if (possessive) return t.lower !== t.lemma && t.lower.endsWith('s');
    return t.lower === t.lemma;
  }
  return false;
}
