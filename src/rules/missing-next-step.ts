import type { Analysis, Language } from '../text/analysis.js';
import type { Note } from '../text/note.js';
import { compilePhrases, findPhrases, type Hit } from './model/phrases.js';
import { quote, type Rule, whole } from './rule.js';
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
  'notSteps',
  'stepAfterNotStep',
  'asks',
  'questionOpeners',
  'imperatives',
  'activities',
  'pastMarkers',
] as const;
type ListName = (typeof LIST_NAMES)[number];

interface Lists {
  leads: RegExp;
  notSteps: RegExp;
  stepAfterNotStep: RegExp;
  asks: RegExp;
  questionOpeners: RegExp;
  pastMarkers: RegExp;
  imperatives: ReadonlySet<string>;
  activities: ReadonlySet<string>;
}

const RAW = vocabulary as unknown as Record<string, Partial<Record<ListName, string[]>>>;
const LISTS = new Map<Language, Lists | undefined>();

function listsFor(language: Language): Lists | undefined {
  if (!LISTS.has(language)) {
    const d = RAW[language];
    LISTS.set(
      language,
      d && {
        leads: compilePhrases(d.leads),
        notSteps: anchored(d.notSteps),
        stepAfterNotStep: anchored(d.stepAfterNotStep),
        asks: compilePhrases(d.asks),
        questionOpeners: anchored(d.questionOpeners),
        pastMarkers: compilePhrases(d.pastMarkers),
        imperatives: new Set(d.imperatives),
        activities: new Set(d.activities),
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
}

function read(note: Note, a: Analysis, lists: Lists): Reading {
  // Lower case without accents, the same length as the text: what vocabularies match.
  const lower = a.folded;
  if (QUESTION.test(note.text)) return { step: true, invitationOnly: undefined };
  if (findPhrases(lists.asks, lower).length > 0) return { step: true, invitationOnly: undefined };

  // A lead is a step unless what follows it is only connecting.
  let invitationOnly: Hit | undefined;
  for (const lead of findPhrases(lists.leads, lower)) {
    const rest = lower.slice(lead.end).trimStart();
    if (rest === '' || /^[.!,;:)]/.test(rest)) continue;
    if (lists.stepAfterNotStep.test(rest)) return { step: true, invitationOnly: undefined };
    const notStep = lists.notSteps.exec(rest);
    if (notStep) {
      const restStart = lower.length - rest.length;
      invitationOnly ??= { start: lead.start, end: restStart + notStep[0].length };
      continue;
    }
    return { step: true, invitationOnly: undefined };
  }

  for (const s of a.sentences) {
    const start = s.tokens.findIndex((t) => t.start >= a.body.start && t.type !== 'punctuation');
    const first = s.tokens[start];
    if (first && lists.questionOpeners.test(lower.slice(first.start, s.end)))
      return { step: true, invitationOnly: undefined };
  }
  if (imperative(a, lists)) return { step: true, invitationOnly: undefined };
  // "Coffee on me", "Lunch in Columbus next month": an activity proposed, not one remembered.
  for (const s of a.sentences) {
    if (findPhrases(lists.pastMarkers, lower.slice(s.start, s.end)).length > 0) continue;
    if (s.tokens.some((t) => t.pos !== 'VERB' && lists.activities.has(t.lower)))
      return { step: true, invitationOnly: undefined };
  }
  return { step: false, invitationOnly };
}

// After a colon or a dash the verb opens the ask: "Two slots left: grab a time here".
const IMPERATIVE_BEFORE = new Set([
  ',',
  ':',
  '-',
  '–',
  '—',
  'and',
  'please',
  'just',
  'so',
  'then',
  'pls',
]);
const IMPERATIVE_OBJECT = new Set(['DET', 'NUM', 'PRON', 'ADP', 'PART', 'ADV', 'NOUN', 'PROPN']);

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
    const { step, invitationOnly } = read(note, a, lists);
    if (step) return [];
    const said = invitationOnly && quote(note.text.slice(invitationOnly.start, invitationOnly.end));
    return [
      whole(
        note,
        said
          ? `${said} is the invitation itself, not a next step: nothing gives them a reason to reply.`
          : 'The note stops at the invitation: nothing gives them a reason to reply.',
        'End with a next step or a question: coffee, a short call, something you will send, an introduction, or simply how things are going.',
      ),
    ];
  },
};
