/**
 * Which offering-verb hits in a clause are the sender's act: used as a verb, not
 * helping with an act, not inside the invitation itself, not denied, not the topic
 * of a talk, not work done at an employer, not the running of a community.
 */
import type { Clause, Token } from '../../text/analysis.js';
import type { Note } from '../../text/note.js';
import type { Hit } from '../model/phrases.js';
import { helpsWithAnAct, isVerbAt } from './pitch-grammar.js';
import type { Category } from './pitch-vocab.js';

/** Offering verbs used as verbs, not helping with an act nor inside the invitation itself. */
export function offeringVerbs(local: Record<Category, Hit[]>, clause: Clause, note: Note): Hit[] {
  const language = note.analysis.language;
  // "glad to connect", "shall I make the introduction": the invitation itself, not an offer.
  const inviting = (h: Hit) =>
    local.invitationActs.some((act) => h.start >= act.start && h.start < act.end);
  // "I host a podcast for indie developers and would love you as a guest": the sender's show
  // or event is where the reader is invited, not a thing on offer.
  if (atEmployer(clause) || local.invite.length > 0) return [];
  return local.offerVerbs.filter(
    (h) =>
      isVerbAt(h, clause, language, note.text) &&
      !helpsWithAnAct(h, clause) &&
      !inviting(h) &&
      !negated(h, clause) &&
      !isTopic(h, clause) &&
      !runsACommunity(h, local.communities),
  );
}

/** "I run a supper club for designers", "we run a meetup for…": hosting, not a trade. */
function runsACommunity(h: Hit, communities: readonly Hit[]): boolean {
  return communities.some((c) => c.start > h.start && c.start < h.end);
}

// "talked about running user interviews", "un article sur…": what follows is a topic.
const TOPIC_WORDS: ReadonlySet<string> = new Set([
  'about',
  'on',
  'regarding',
  'sobre',
  'sur',
  'über',
]);

/** The offering verb is the topic of a talk or a piece, not the sender's act. */
function isTopic(h: Hit, clause: Clause): boolean {
  const ts = clause.tokens;
  const k = ts.findIndex((t) => t.start <= h.start && t.end > h.start);
  return k > 0 && TOPIC_WORDS.has((ts[k - 1] as Token).lower);
}

// "not", "n't", "nicht", "no", "pas", "não": a negation before the verb denies the offer.
const NEGATIONS: ReadonlySet<string> = new Set([
  'not',
  "n't",
  'never',
  'nicht',
  'kein',
  'nie',
  'no',
  'nunca',
  'pas',
  'jamais',
  'nao',
  'não',
]);

/** "I'm not reaching out to sell you anything": the offering verb under a negation. */
function negated(h: Hit, clause: Clause): boolean {
  const ts = clause.tokens;
  const k = ts.findIndex((t) => t.start <= h.start && t.end > h.start);
  return ts.slice(Math.max(0, k - 5), Math.max(0, k)).some((t) => NEGATIONS.has(t.lower));
}

/**
 * "My team builds the checkout at Zalando", "je développe l'appli chez Doctolib": work done at
 * an employer, not a service sold ("at" + a name in English tags; "chez" + a capital in French).
 */
function atEmployer(clause: Clause): boolean {
  const ts = clause.tokens;
  return ts.some((t, i) => {
    const next = ts[i + 1];
    if (!next) return false;
    if (t.lower === 'at') return next.pos === 'PROPN';
    return t.lower === 'chez' && /^\p{Lu}/u.test(next.text);
  });
}
