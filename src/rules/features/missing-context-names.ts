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
// The sender saying what they are or do now: "I'm", "we are", "I work", "we're building".
const SENDER_NOW = new Set(['am', "'m", 'are', "'re", 'work', 'works', 'lead', 'run', 'head']);
const SENDER = new Set(['i', 'we', "i'm", "we're"]);
const BEFORE_PLACE = new Set(['at', 'for', 'in']);

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
    const clause = a.clauses.find((c) => c.start <= n.start && n.end <= c.end);
    return !clause || !sendersOwn(clause, n, sets) ? [n] : [];
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

/** "…at U of T", "…a team in Cardiff": a name placed by the sender's present self-description. */
function sendersOwn(
  clause: Clause,
  name: Phrase,
  sets: Record<ListName, ReadonlySet<string>>,
): boolean {
  if (clause.about !== 'sender') return false;
  const words = clause.tokens.filter((t) => t.type !== 'punctuation');
  const at = words.findIndex((t) => t.start === name.start);
  const before = words[at - 1];
  if (at < 1 || !before || !BEFORE_PLACE.has(before.lower)) return false;
  if (words.some((t, i) => isSharedMarker(words, i, sets) || t.lower === 'you')) return false;
  return presentSender(words.slice(0, at));
}

/** A first-person subject followed, within two words, by a present verb of being or doing. */
function presentSender(words: readonly Token[]): boolean {
  return words.some((t, i) => {
    if (t.lower === "i'm" || t.lower === "we're") return true;
    if (!SENDER.has(t.lower)) return false;
    return words.slice(i + 1, i + 3).some((w) => SENDER_NOW.has(w.lower));
  });
}
