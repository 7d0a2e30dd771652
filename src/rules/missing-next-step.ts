import type { Analysis, Language } from '../text/analysis.js';
import type { Note } from '../text/note.js';
import { type ActWords, inverted, modalLeads } from './model/next-step-acts.js';
import { compilePhrases, findPhrases, type Hit } from './model/phrases.js';
import { quote, type Rule, whole } from './rule.js';
import { cannedLines } from './vocab/canned-lines.js';
import vocabulary from './vocab/missing-next-step.json' with { type: 'json' };

/**
 * A next step by meaning, not by word: a question; a suggestion, offer or
 * promise ("would be great to compare notes", "happy to send the slides",
 * "I'll bring the book"); an ask ("let me know", "your take on…"); an
 * imperative that moves things on ("send me the deck"); or an activity
 * proposed rather than remembered ("coffee on me", not "our call last week").
 * "Let's connect" and "pleased to be connected" are the invitation itself.
 * Words per language live in vocab/missing-next-step.json.
 */
const LIST_NAMES = [
  'leads',
  'notLeads',
  'notSteps',
  'wishes',
  'fillers',
  'stepAfterNotStep',
  'asks',
  'questionOpeners',
  'imperatives',
  'activities',
  'pastMarkers',
  'chainAfterNotStep',
  'subjectlessModals',
  'desires',
  'firstPerson',
  'offerModals',
  'statives',
  'negations',
  'subjects',
] as const;
type ListName = (typeof LIST_NAMES)[number];

interface Lists {
  leads: RegExp;
  notLeads: RegExp;
  notSteps: RegExp;
  wishes: RegExp;
  fillers: RegExp;
  adverbs: RegExp;
  stepAfterNotStep: RegExp;
  asks: RegExp;
  questionOpeners: RegExp;
  pastMarkers: RegExp;
  chainAfterNotStep: RegExp;
  statives: RegExp;
  negated: RegExp;
  imperatives: ReadonlySet<string>;
  subjectlessModals: ReadonlySet<string>;
  activities: ReadonlySet<string>;
  acts: ActWords;
}

const RAW = vocabulary as unknown as Record<string, Partial<Record<ListName, string[]>>>;

// A link to a booking page is an invitation to pick a time, in any language.
const BOOKING = new RegExp(
  `(?:^|[/.])(?:${(vocabulary.bookingHosts as string[]).map((h) => h.replace(/[.]/g, '\\.')).join('|')})(?:[/?#]|$)`,
  'u',
);
const LISTS = new Map<Language, Lists | undefined>();

function listsFor(language: Language): Lists | undefined {
  if (!LISTS.has(language)) {
    const d = RAW[language];
    LISTS.set(
      language,
      d && {
        leads: compilePhrases(d.leads),
        notLeads: compilePhrases(d.notLeads),
        notSteps: anchored(d.notSteps),
        wishes: anchored(d.wishes),
        // What may stand between a lead and the act it leads to: adverbs, and the
        // wanting itself ("I'd love the chance to show you" leads to "show you").
        fillers: anchored([...(d.fillers ?? []), ...(d.desires ?? [])]),
        adverbs: anchored(d.fillers),
        stepAfterNotStep: anchored(d.stepAfterNotStep),
        asks: compilePhrases(d.asks),
        questionOpeners: anchored(d.questionOpeners),
        pastMarkers: compilePhrases(d.pastMarkers),
        chainAfterNotStep: anchored(d.chainAfterNotStep),
        statives: anchored(d.statives),
        negated: anchored(d.negations),
        imperatives: new Set(d.imperatives),
        subjectlessModals: new Set(d.subjectlessModals),
        activities: new Set(d.activities),
        acts: {
          firstPerson: new Set(d.firstPerson),
          offerModals: new Set(d.offerModals),
          negations: new Set(d.negations),
          subjects: new Set(d.subjects),
        },
      },
    );
  }
  return LISTS.get(language);
}

/** The phrases of a list, matched only at the start of a string. */
function anchored(phrases: readonly string[] | undefined): RegExp {
  const any = compilePhrases(phrases);
  return new RegExp(`^(?:${any.source})`, 'u');
}

// Question marks of the scripts people write notes in (Latin, full-width, Spanish, Arabic).
const QUESTION = /[?？¿؟]/u;

interface Reading {
  step: boolean;
  /** "let's connect": the invitation, mistaken for a next step. */
  invitationOnly: Hit | undefined;
  /** "looking forward to working together": a wish that asks nothing of them. */
  wish?: Hit | undefined;
}

/** Whether the note links a booking page ("<https://cal.com/ana|grab a time>" or a bare URL). */
function linksBooking(note: Note): boolean {
  const urls = note.entities.filter((e) => e.kind === 'link').map((e) => e.target.toLowerCase());
  const bare = note.lower.match(/\b(?:https?:\/\/)?[a-z0-9.-]+\.[a-z]{2,}(?:\/\S*)?/g) ?? [];
  return [...urls, ...bare].some((u) => BOOKING.test(u.replace(/^[a-z]+:\/\//, '')));
}

/** "Free month for anyone here: <link>", "the repo I mentioned: github.com/…": a link set out to be opened. */
function offersLink(note: Note): boolean {
  const links = note.entities.filter((e) => e.kind === 'link').map((e) => e.start);
  for (const m of note.text.matchAll(/(?:https?:\/\/|www\.)\S+/g)) links.push(m.index);
  return links.some((at) => /[:→]\s*$|->\s*$/u.test(note.text.slice(Math.max(0, at - 4), at)));
}

const STEP: Reading = { step: true, invitationOnly: undefined };

function read(note: Note, a: Analysis, lists: Lists): Reading {
  // Lower case without accents, the same length as the text: what vocabularies match.
  const lower = a.folded;
  if (QUESTION.test(note.text) || linksBooking(note) || offersLink(note)) return STEP;
  if (findPhrases(lists.asks, lower).length > 0 || inverted(a, lists.acts)) return STEP;
  const led = fromLeads(note, lower, lists, modalLeads(a, lists.acts));
  if (led.step) return led;
  for (const s of a.sentences) {
    const start = s.tokens.findIndex((t) => t.start >= a.body.start && t.type !== 'punctuation');
    const first = s.tokens[start];
    if (first && lists.questionOpeners.test(lower.slice(first.start, s.end))) return STEP;
  }
  if (imperative(a, lists) || subjectlessOffer(a, lists)) return STEP;
  // "Coffee on me", "Lunch in Columbus next month": an activity proposed, not one remembered.
  for (const s of a.sentences) {
    if (findPhrases(lists.pastMarkers, lower.slice(s.start, s.end)).length > 0) continue;
    if (s.tokens.some((t) => t.pos !== 'VERB' && lists.activities.has(t.lower))) return STEP;
  }
  return led;
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
function fromLeads(note: Note, lower: string, lists: Lists, framed: readonly Hit[]): Reading {
  const canned = cannedLines(note);
  // The canned line the rest of a lead is part of ("always keen to meet others…").
  const cannedEnd = (at: number) => canned.find((c) => c.start <= at && at < c.end)?.end;
  const notLeads = findPhrases(lists.notLeads, lower);
  let invitationOnly: Hit | undefined;
  let wish: Hit | undefined;
  const leads = [...findPhrases(lists.leads, lower), ...framed].sort((x, y) => x.start - y.start);
  for (const lead of leads) {
    if (notLeads.some((n) => n.start <= lead.start && lead.end <= n.end)) continue;
    const after = lower.slice(lead.end).trimStart();
    const rest = withoutFillers(after, lists.fillers);
    if (rest === '' || /^[.!,;:)]/.test(rest)) continue;
    // "I can't thank you enough", "I will admit…", "we can all agree": a bare modal hedged or
    // negated is a statement; "keen to know", "love to understand" still ask.
    if (!/\bto$/.test(lower.slice(lead.start, lead.end)) && hedged(after, lists)) continue;
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

/** "Can have your logo on everything in two weeks", "Will send the deck tonight": the sender's offer, subject left out. */
function subjectlessOffer(a: Analysis, lists: Lists): boolean {
  return a.sentences.some((s) => {
    const words = s.tokens.filter((t) => t.start >= a.body.start && t.type !== 'punctuation');
    const [modal, verb] = words;
    if (!modal || !verb || !lists.subjectlessModals.has(modal.lower)) return false;
    // "Could be fun to connect" says nothing they can take up.
    return verb.pos === 'VERB' && verb.lower === verb.lemma && verb.lemma !== 'be';
  });
}

// A colon or dash before a bare verb sets it apart as the call to act ("slots left: grab a time").
const IMPERATIVE_BEFORE = new Set([
  ',',
  ':',
  '-',
  '—',
  '–',
  '->',
  '→',
  'and',
  'please',
  'just',
  'so',
  'then',
  'pls',
  'kindly',
]);
// A verb after it too: "come grab it", "come say hi".
const IMPERATIVE_OBJECT = new Set([
  'VERB',
  'DET',
  'NUM',
  'PRON',
  'ADP',
  'PART',
  'ADV',
  'NOUN',
  'PROPN',
]);

/** "Send me the deck", "…, grab 20 minutes here": a bare action verb, in its base form, asking them to act. */
function imperative(a: Analysis, lists: Lists): boolean {
  for (const s of a.sentences) {
    const words = s.tokens.filter((t) => t.start >= a.body.start);
    for (let i = 0; i < words.length; i++) {
      const t = words[i];
      const next = words[i + 1];
      if (!t || !next || !lists.imperatives.has(t.lower) || !IMPERATIVE_OBJECT.has(next.pos))
        continue;
      const before = words[i - 1];
      // Capitalised at the start of a sentence the tagger may call it a noun ("Book a demo").
      if (before === undefined && (t.pos === 'VERB' || t.pos === 'NOUN' || t.pos === 'PROPN'))
        return true;
      if (before && IMPERATIVE_BEFORE.has(before.lower) && t.pos === 'VERB' && t.lower === t.lemma)
        return true;
    }
  }
  return false;
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
