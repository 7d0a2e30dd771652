import type { Analysis } from '../text/analysis.js';
import type { Note } from '../text/note.js';
import { inverted, modalLeads } from './model/next-step-acts.js';
import {
  conditionalOffer,
  ellipticProposal,
  imperative,
  pastVerb,
  promisedGerund,
  proposedActivity,
  subjectlessOffer,
  unmarkedQuestion,
} from './model/next-step-shapes.js';
import { type Lists, linksBooking, listsFor, offersLink } from './model/next-step-vocab.js';
import { findPhrases, type Hit } from './model/phrases.js';
import { quote, type Rule, whole } from './rule.js';
import { cannedLines } from './vocab/canned-lines.js';

/**
 * A next step by meaning, not by word: a question; a suggestion, offer or
 * promise ("would be great to compare notes", "happy to send the slides",
 * "I'll bring the book"); an ask ("let me know", "your take on…"); an
 * imperative that moves things on ("send me the deck"); or an activity
 * proposed rather than remembered ("coffee on me", not "our call last week").
 * "Let's connect" and "pleased to be connected" are the invitation itself.
 * Words per language live in vocab/missing-next-step.json.
 */

// "hear more", "hear more about the launch": more asked for, not "see more women in tech".
const MORE_TO_HEAR = /^\s+more(?:\s+(?:about|on|if|when|whenever|from|of)\b|\s*[.!,;]|\s*$)/;

// Question marks of the scripts people write notes in (Latin, full-width, Spanish, Arabic).
const QUESTION = /[?？¿؟]/u;

interface Reading {
  step: boolean;
  /** "let's connect": the invitation, mistaken for a next step. */
  invitationOnly: Hit | undefined;
  /** "looking forward to working together": a wish that asks nothing of them. */
  wish?: Hit | undefined;
}

const STEP: Reading = { step: true, invitationOnly: undefined };

function read(note: Note, a: Analysis, lists: Lists): Reading {
  // Lower case without accents, the same length as the text: what vocabularies match against.
  const lower = a.folded;
  if (QUESTION.test(note.text) || linksBooking(note) || offersLink(note)) return STEP;
  // "Happy to hear more": a feeling about news, unless what they would hear is more.
  const notLeads = findPhrases(lists.notLeads, lower).filter(
    (n) => !MORE_TO_HEAR.test(lower.slice(n.end, n.end + 16)),
  );
  // "Glad to see you at the summit" holds "see you at" without asking anything.
  const asked = findPhrases(lists.asks, lower).filter(
    (h) => !notLeads.some((n) => n.start < h.end && h.start < n.end),
  );
  if (asked.length > 0 || askedFor(a, lists) || inverted(a, lists.acts)) return STEP;
  const led = fromLeads(note, a, lists, notLeads, modalLeads(a, lists.acts));
  if (led.step) return led;
  for (const s of a.sentences) {
    const start = s.tokens.findIndex((t) => t.start >= a.body.start && t.type !== 'punctuation');
    const first = s.tokens[start];
    if (first && lists.questionOpeners.test(lower.slice(first.start, s.end))) return STEP;
  }
  const w = lists.shapes;
  if (imperative(a, w) || subjectlessOffer(a, w) || promisedGerund(a, w)) return STEP;
  if (unmarkedQuestion(a, w) || proposedActivity(a, w) || ellipticProposal(a, w)) return STEP;
  if (conditionalOffer(a, w)) return STEP;
  return led;
}

/**
 * "Would value your take on the draft": their view asked for. Not when it is
 * the subject ("your take on rotations stuck with me"), remembered ("I will
 * always remember your advice") or thanked for.
 */
function askedFor(a: Analysis, lists: Lists): boolean {
  return findPhrases(lists.askedNouns, a.folded).some((h) => {
    const s = a.sentences.find((x) => x.start <= h.start && h.start < x.end);
    if (!s) return false;
    const before = s.tokens.filter(
      (t) => t.start >= a.body.start && t.end <= h.start && t.type !== 'punctuation',
    );
    const verb = before.at(-1);
    // "Your input would help us": a subject wished for, not one remembered.
    if (!verb) return /^[^.!]*\b(?:would|could)\b/.test(a.folded.slice(h.end, s.end));
    if (before.some(pastVerb) || /\bthank/.test(a.folded.slice(s.start, h.start))) return false;
    return !lists.statives.test(verb.lower);
  });
}

/** Whether what follows a bare modal makes it a statement: negated, or a verb of knowing or saying. */
function hedged(after: string, lists: Lists): boolean {
  const rest = withoutFillers(after, lists.adverbs);
  return /^(?:'t|n't)\b/.test(rest) || lists.negated.test(rest) || lists.statives.test(rest);
}

/** The text with its leading adverbs ("really", "both") taken off. */
function withoutFillers(text: string, fillers: RegExp): string {
  let rest = text;
  for (let m = fillers.exec(rest); m && m[0] !== ''; m = fillers.exec(rest))
    rest = rest.slice(m[0].length).trimStart();
  return rest;
}

/**
 * A lead ("happy to", "I'll", "looking forward to") is a step unless what
 * follows it is only connecting, a canned line ("we could benefit from being
 * connected") or a vague future ("looking forward to working together"), or
 * the lead is about what the reader wants ("thought you'd want to know").
 */
function fromLeads(
  note: Note,
  a: Analysis,
  lists: Lists,
  notLeads: readonly Hit[],
  framed: readonly Hit[],
): Reading {
  const lower = a.folded;
  const canned = cannedLines(note);
  // The canned line the rest of a lead is part of ("always keen to meet others…").
  // One that proposes doing something together is still a step ("glad to exchange perspectives").
  const cannedEnd = (at: number) =>
    canned.find((c) => c.start <= at && at < c.end && !proposes(a, c, lists))?.end;
  let invitationOnly: Hit | undefined;
  let wish: Hit | undefined;
  const leads = [...findPhrases(lists.leads, lower), ...framed].sort((x, y) => x.start - y.start);
  for (const lead of leads) {
    if (notLeads.some((n) => n.start <= lead.start && lead.end <= n.end)) continue;
    if (describesNoun(a, lead)) continue;
    const after = lower.slice(lead.end).trimStart();
    const rest = withoutFillers(after, lists.fillers);
    if (rest === '' || /^[.!,;:)]/.test(rest)) continue;
    // "I can't thank you enough", "I will admit…", "we can all agree": a bare modal hedged or
    // negated is a statement; "keen to know", "love to understand" still ask.
    const bare = !/\bto$/.test(lower.slice(lead.start, lead.end));
    if (bare && (hedged(after, lists) || perfect(a, lower.length - after.length))) continue;
    // "I could listen to your podcast all day": praise, not a plan.
    if (findPhrases(lists.hyperboles, sentenceOf(a, lead.start)).length > 0) continue;
    if (lists.stepAfterNotStep.test(rest)) return STEP;
    const restStart = lower.length - rest.length;
    const notStep = lists.notSteps.exec(rest);
    if (notStep) {
      // "happy to connect and exchange notes": a step chained after the invitation.
      if (chainedStep(rest.slice(notStep[0].length), lists)) return STEP;
      invitationOnly ??= { start: lead.start, end: restStart + notStep[0].length };
      continue;
    }
    const wished = lists.wishes.exec(rest);
    const end = wished ? restStart + wished[0].length : cannedEnd(restStart);
    if (end === undefined) return STEP;
    wish ??= { start: lead.start, end };
  }
  return { step: false, invitationOnly, wish };
}

/** Whether a canned line opens with a verb of doing something together ("exchange", "swap"). */
function proposes(a: Analysis, line: Hit, lists: Lists): boolean {
  const first = a.tokens.find((t) => t.start >= line.start && t.type !== 'punctuation');
  return first !== undefined && first.pos === 'VERB' && lists.exchangeVerbs.has(first.lemma);
}

/**
 * "professionals I can grow alongside": a lead right after a noun, with no
 * punctuation between, is a relative clause describing it, not an offer.
 */
function describesNoun(a: Analysis, lead: Hit): boolean {
  const i = a.tokens.findIndex((t) => t.start >= lead.start);
  const first = a.tokens[i];
  const before = a.tokens[i - 1];
  return (
    first?.pos === 'PRON' &&
    before !== undefined &&
    before.pos === 'NOUN' &&
    before.lower !== before.lemma &&
    before.start >= a.body.start
  );
}

/** Whether what follows "connect" joins it to something that is not itself only connecting. */
function chainedStep(afterNotStep: string, lists: Lists): boolean {
  const joined = lists.chainAfterNotStep.exec(afterNotStep.trimStart());
  if (!joined) return false;
  const rest = withoutFillers(
    afterNotStep.trimStart().slice(joined[0].length).trimStart(),
    lists.fillers,
  );
  if (rest === '' || /^[.!,;:)]/.test(rest)) return false;
  return !lists.notSteps.test(rest) && !lists.wishes.test(rest);
}

/** "I would have loved to…": a modal perfect tells what did not happen. */
function perfect(a: Analysis, at: number): boolean {
  const i = a.tokens.findIndex((t) => t.start >= at);
  const [have, verb] = [a.tokens[i], a.tokens[i + 1]];
  return have?.lemma === 'have' && verb !== undefined && pastVerb(verb);
}

/** The folded text of the sentence holding an offset. */
function sentenceOf(a: Analysis, at: number): string {
  const s = a.sentences.find((x) => x.start <= at && at < x.end);
  return s ? a.folded.slice(s.start, s.end) : '';
}

export const missingNextStep: Rule = {
  id: 'missing-next-step',
  level: 'info',
  description:
    'The note suggests no next action and asks no question (coffee, a call, sending something, an introduction, "how are things?").',
  check(note) {
    const a = note.analysis;
    const lists = listsFor(a.language);
    // A language the layer does not know: say nothing rather than guess.
    if (!lists) return [];
    const { step, invitationOnly, wish } = read(note, a, lists);
    if (step) return [];
    const said = (hit: Hit) => quote(note.text.slice(hit.start, hit.end));
    const why = invitationOnly
      ? `${said(invitationOnly)} is the invitation itself, not a next step`
      : wish
        ? `${said(wish)} is a wish, not a next step`
        : 'The note stops at the invitation';
    return [
      whole(
        note,
        `${why}: nothing gives them a reason to reply.`,
        'End with a next step or a question: coffee, a short call, something you will send, an introduction, or simply how things are going.',
      ),
    ];
  },
};
