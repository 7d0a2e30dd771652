/**
 * Which proper nouns of a note can name something the two share. Not a
 * field or a period written in capitals ("we both work in HR", "how's Q4
 * looking?"), and not the sender's own place stated as who they are ("I'm a
 * PhD student at U of T", "we're building a team in Cardiff"): that says
 * where the sender is, not that the reader is there too. A shared marker in
 * the clause ("I'm at Monzo too") keeps the name.
 */
import type { Analysis, Clause, Phrase, Token } from '../../text/analysis.js';
import { isSharedMarker, type ListName } from './missing-context-lists.js';
import { isRoleNoun } from './missing-context-places.js';

// Quarters, halves and fiscal years: dates, not places or groups.
const PERIOD = /^(?:q[1-4]|h[12]|fy\s?'?\d{2,4})$/iu;
// Present auxiliaries: "I'm", "we're", "I've started", "we have": what the sender is or has now.
const PRESENT_AUX = new Set([
  'am',
  "'m",
  'are',
  "'re",
  'is',
  "'s",
  'have',
  "'ve",
  'has',
  'do',
  'does',
]);
const SENDER = new Set(['i', 'we']);
const HAVE = new Set(['have', "'ve", 'had', "'d"]);
// "with Ana", "I work with Marco Ruiz": a person placed by the preposition, not the sender's place.
const PERSON_PREPOSITION = new Set(['with', 'by']);
const RECIPIENT = new Set(['you', 'your', 'yours']);

export function sharedNames(
  a: Analysis,
  names: readonly Phrase[],
  sets: Record<ListName, ReadonlySet<string>>,
): Phrase[] {
  return names.flatMap((whole) => {
    const n = withoutMarker(whole, sets);
    if (!n) return [];
    const lower = n.text.toLowerCase();
    if (PERIOD.test(lower) || sets.notShared.has(lower) || sets.fieldAcronyms.has(lower)) return [];
    // "Happy Monday", "Friday": a day is a time, not a place; "the Tuesday Run Club" stays a name.
    const day = sets.eventDays.has(n.tokens.at(-1)?.lower ?? '');
    if (day || isAmount(a, n) || isTitleRun(n.tokens, sets) || fellowKind(a, n, sets)) return [];
    if (sets.months.has(lower) || sets.months.has(lower.replace(/\.$/u, ''))) return [];
    const at = a.clauses.findIndex((c) => c.start <= n.start && n.end <= c.end);
    return at < 0 || !sendersOwn(a.clauses, at, n, sets) ? [n] : [];
  });
}

/** "Fellow UX", "Another CPA" capitalised at a sentence start: the name is what follows the marker. */
function withoutMarker(n: Phrase, sets: Record<ListName, ReadonlySet<string>>): Phrase | undefined {
  const first = n.tokens[0];
  if (!first || !(sets.sharedMarkers.has(first.lower) || first.lower === 'another')) return n;
  const rest = n.tokens.slice(1);
  const head = rest[0];
  const last = rest.at(-1);
  if (!head || !last) return undefined;
  return {
    start: head.start,
    end: last.end,
    text: n.text.slice(head.start - n.start),
    tokens: rest,
  };
}

/**
 * "a fellow Python developer", "fellow Salesforce admins": the name says what
 * kind of worker they both are (a tool, a language), not a place they share.
 * "fellow Wharton alum" names a school: no role noun follows it.
 */
function fellowKind(a: Analysis, n: Phrase, sets: Record<ListName, ReadonlySet<string>>): boolean {
  const first = n.tokens[0] as Token;
  const last = n.tokens.at(-1) as Token;
  const before = a.tokens[first.index - 1];
  const after = a.tokens[last.index + 1];
  return before?.lower === 'fellow' && after !== undefined && isRoleNoun(after, sets);
}

/** "$4M", "50K": the letter of an amount, not a name. */
function isAmount(a: Analysis, n: Phrase): boolean {
  const first = n.tokens[0] as Token;
  const before = a.tokens[first.index - 1];
  return (
    n.text.length <= 2 && before !== undefined && before.end === first.start && before.pos === 'NUM'
  );
}

/**
 * "Chartered Accountant", "Senior Product Manager", "Certified Financial
 * Planner": a job title in capitals, a kind of person and not a place or group
 * they share. "Google Engineer" keeps its employer.
 */
export function isTitleRun(
  tokens: readonly Token[],
  sets: Record<ListName, ReadonlySet<string>>,
): boolean {
  const last = tokens.at(-1);
  if (!last || !isRoleNoun(last, sets)) return false;
  return tokens
    .slice(0, -1)
    .every(
      (t) =>
        sets.titleModifiers.has(t.lower) ||
        sets.notShared.has(t.lower) ||
        sets.fieldAcronyms.has(t.lower) ||
        isRoleNoun(t, sets) ||
        /^\p{L}+ed$/u.test(t.lower) ||
        t.pos === 'ADJ',
    );
}

/**
 * "…at U of T", "I manage the tender team at Balfour Beatty", "relocating to
 * Calgary", "from Cairo University": a name placed by the sender's present
 * self-description, with the reader nowhere in the clause. A verbless
 * fragment right after one ("…, mostly China–UK LCL", "Fully remote within
 * the EU") goes on describing the sender.
 */
function sendersOwn(
  clauses: readonly Clause[],
  at: number,
  name: Phrase,
  sets: Record<ListName, ReadonlySet<string>>,
): boolean {
  const clause = clauses[at] as Clause;
  if (clause.about !== 'sender') {
    const previous = clauses[at - 1];
    if (previous?.about !== 'sender' || hasVerb(clause)) return false;
    const words = previous.tokens.filter((t) => t.type !== 'punctuation');
    return !linksReader(words, sets) && presentSender(words, false);
  }
  const words = clause.tokens.filter((t) => t.type !== 'punctuation');
  const i = words.findIndex((t) => t.start === name.start);
  if (i < 1 || linksReader(words, sets)) return false;
  // The name sits in a phrase of place or employer, a preposition opening it,
  // or qualifies a thing of the sender's ("we're hiring Android engineers").
  const opener = words
    .slice(0, i)
    .findLast((t) => t.pos === 'ADP' || t.pos === 'VERB' || t.pos === 'AUX');
  const last = name.tokens.at(-1) as Token;
  const modifier = words[words.findIndex((t) => t.start === last.start) + 1]?.pos === 'NOUN';
  // "…for our clinics and Shiftly came up": a name after "and" opens a new phrase.
  const joined = words
    .slice(0, i)
    .some((t) => t.pos === 'CCONJ' && opener && t.start > opener.start);
  const placed = opener?.pos === 'ADP' && !PERSON_PREPOSITION.has(opener.lower) && !joined;
  if (!placed && !(modifier && opener !== undefined)) return false;
  // "…, relocating to Calgary": a clause opened by its present participle goes on
  // describing the sender when the one before it did.
  const previous = clauses[at - 1];
  const continues =
    previous?.about === 'sender' &&
    presentSender(
      previous.tokens.filter((t) => t.type !== 'punctuation'),
      false,
    );
  return presentSender(words.slice(0, i), continues);
}

function hasVerb(clause: Clause): boolean {
  return clause.tokens.some((t) => t.pos === 'VERB' || t.pos === 'AUX');
}

/** "you", "your", or a shared marker ("too", "also", "both"): the reader is part of it. */
function linksReader(
  words: readonly Token[],
  sets: Record<ListName, ReadonlySet<string>>,
): boolean {
  return words.some((t, i) => RECIPIENT.has(t.lower) || isSharedMarker(words, i, sets));
}

/**
 * A first-person subject whose verb is in the present ("I teach", "we're
 * hiring", "I've started", "I am fresh graduated"): who the sender is now.
 * "I met Ana at PyCon" is past; "I'd love to…", "could we…" are wishes.
 */
function presentSender(words: readonly Token[], continues: boolean): boolean {
  const first = words[0];
  if (continues && first?.pos === 'VERB' && first.lower.endsWith('ing')) return true;
  return words.some((t, i) => {
    if (t.lower === "i'm" || t.lower === "we're") return true;
    if (!SENDER.has(t.lower)) return false;
    const verb = words.slice(i + 1, i + 3).find((w) => w.pos === 'VERB' || w.pos === 'AUX');
    if (!verb) return false;
    // "we've worked side by side", "we have 47 mutual connections": the two of them, not the sender's firm.
    if (t.lower === 'we' && HAVE.has(verb.lower)) return false;
    if (PRESENT_AUX.has(verb.lower)) return true;
    return verb.pos === 'VERB' && verb.lower === verb.lemma;
  });
}

/**
 * Start offsets of the words of every clause in which the sender says who
 * they are or what they do now, the reader nowhere in it ("I coordinate the
 * youth league at Northfield Rovers"): a group or place word there is the
 * sender's own, not one the two share. Names there are judged one by one
 * (sharedNames), and a present "we" may be the two of them ("we share the
 * 4th floor"), so only "I" counts.
 */
export function senderSelfDescriptions(
  a: Analysis,
  sets: Record<ListName, ReadonlySet<string>>,
): Set<number> {
  const own = new Set<number>();
  a.clauses.forEach((clause, at) => {
    if (clause.about !== 'sender') return;
    const words = clause.tokens.filter((t) => t.type !== 'punctuation');
    if (linksReader(words, sets)) return;
    const previous = a.clauses[at - 1];
    const continues =
      previous?.about === 'sender' &&
      presentSender(
        previous.tokens.filter((t) => t.type !== 'punctuation'),
        false,
      );
    // "we share the 4th floor": a present "we" may be the two of them; only "I" is surely the sender.
    if (words.some((t) => t.lower === 'we' || t.lower === "we're")) return;
    if (!presentSender(words, continues)) return;
    for (const t of words) own.add(t.start);
  });
  return own;
}
