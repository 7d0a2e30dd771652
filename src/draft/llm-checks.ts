/**
 * What keeps a model's draft from being sent: an error or a finding the model must not cause,
 * the length, names and places the user never gave, specifics the template kept and the
 * model dropped, and words of what was kept out.
 */
import { checkNote } from '../check.js';
import type { Account, Finding } from '../types.js';
import { type Facts, REASONS } from './facts/fact.js';
import { mentions } from './facts/words.js';

/** Rules whose findings disqualify a draft outright: the model added something the user never gave. */
const FORBIDDEN = new Set(['slack-mention', 'link', 'email-address', 'placeholder']);

/** What the model's note must be checked against. */
export interface LlmDraftCheck {
  account: Account;
  facts: Facts;
  /** The template draft's note: what the model must not lose. */
  templateNote: string;
  limit: number;
}

/** Every reason the note cannot be sent, each once; empty when it can. */
export function llmDraftProblems(note: string, check: LlmDraftCheck): string[] {
  const { facts, limit } = check;
  const report = checkNote(note, { account: check.account });
  const problems = report.findings
    .filter((f) => f.level === 'error' || FORBIDDEN.has(f.rule))
    .map((f) => describeFinding(f, note));
  if (report.length > limit)
    problems.push(`it is ${report.length} characters; the limit is ${limit}`);
  const given = [
    facts.name?.full ?? '',
    facts.name?.greet ?? '',
    ...facts.facts.flatMap((f) => [f.text, f.source]),
  ].join(' ');
  const invented = inventedNames(note, given);
  if (invented.length > 0)
    problems.push(`it names ${invented.join(', ')}, which the facts do not mention`);
  const lost = lostSpecifics(note, check.templateNote, facts);
  if (lost.length > 0) problems.push(`it leaves out ${lost.join(', ')}`);
  const injected = injectedWords(note, facts);
  if (injected.length > 0)
    problems.push(
      `it says ${injected.join(', ')}, which the user asked to leave out or is not a fact`,
    );
  return [...new Set(problems)];
}

function describeFinding(f: Finding, note: string): string {
  const words = note.slice(f.start, f.end);
  return `${f.rule}${words && words !== note ? ` at "${words}"` : ''}: ${f.message}`;
}

const ALLOWED_CAPITALS = new Set([
  'I',
  "I'd",
  "I'm",
  "I've",
  "I'll",
  'LinkedIn',
  'Hi',
  'Hello',
  'Hey',
  'Dear',
]);

/** Capitalised words in the note, not starting a sentence, that the user never wrote: invented names and places. */
export function inventedNames(note: string, input: string): string[] {
  const given = input.toLowerCase();
  const out: string[] = [];
  for (const m of note.matchAll(/(?<![.!?]\s|^)\b\p{Lu}[\p{L}'’-]*/gu)) {
    const word = m[0].replace(/['’]s$/, '');
    if (ALLOWED_CAPITALS.has(word) || given.includes(word.toLowerCase())) continue;
    out.push(word);
  }
  return [...new Set(out)];
}

/** Names, numbers and titles the template draft kept that the model's draft dropped. */
function lostSpecifics(note: string, templateNote: string, facts: Facts): string[] {
  const have = note.toLowerCase();
  const kept = templateNote.toLowerCase();
  const out: string[] = [];
  if (facts.name && !have.includes(facts.name.greet.toLowerCase().split(' ').at(-1) as string))
    out.push(facts.name.greet);
  for (const f of facts.facts) {
    for (const m of f.text.matchAll(
      /(?<=\s)\p{Lu}[\p{L}\p{N}'’.-]*|[\p{L}]*\p{N}[\p{L}\p{N}%$.,-]*/gu,
    )) {
      const word = m[0].replace(/['’]s$|[.,]$/g, '').toLowerCase();
      if (word.length < 2 || word === 'i' || !kept.includes(word)) continue;
      if (!have.includes(word)) out.push(m[0]);
    }
  }
  return [...new Set(out)];
}

/** Words of what was kept out (an injected instruction, a topic to avoid) that turn up in the draft. */
function injectedWords(note: string, facts: Facts): string[] {
  const keptText = [facts.name?.full ?? '', ...facts.facts.map((f) => f.text)]
    .join(' ')
    .toLowerCase();
  const out = facts.avoid.filter((t) => mentions(note, t));
  const words = new Set(
    (note.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 4),
  );
  for (const l of facts.leftOut) {
    if (l.reason !== REASONS.injection && l.reason !== REASONS.link) continue;
    for (const w of l.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
      if (w.length >= 4 && words.has(w) && !keptText.includes(w) && !COMMON.has(w)) out.push(w);
    }
  }
  return [...new Set(out)];
}

// Words an instruction and a good note can share without anything being injected.
const COMMON = new Set([
  'with',
  'your',
  'note',
  'this',
  'that',
  'about',
  'from',
  'have',
  'every',
  'only',
  'would',
  'like',
  'love',
  'there',
  'their',
  'what',
  'when',
  'will',
  'here',
  'just',
  'also',
]);
