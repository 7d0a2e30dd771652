import type { LanguagePack } from './language.js';
import { phrases } from './phrases.js';

/** The person the note is for, as the context names them. */
export interface PersonName {
  /** As written, without the title: "Meera Pillai", "Chen Wei", "Okafor". */
  full: string;
  title?: string;
  /** What the greeting says: "Meera", "Chen Wei", "Dr. Pillai". */
  greet: string;
  /** Every form that refers to them in the text: full name, first name, surname, with the title. */
  forms: string[];
}

/** The word lists of every language at once: a name cue may be in any of them. */
export interface NameCues {
  titles: string[];
  notNames: Set<string>;
  recipientBefore: string[];
  mutualBefore: string[];
  mutualAfter: string[];
  orgBefore: string[];
  orgWords: Set<string>;
  surnameFirst: Set<string>;
  lowercaseCue: string[];
}

export function nameCues(packs: Iterable<LanguagePack>): NameCues {
  const all = [...packs];
  const list = (pick: (p: LanguagePack) => string[]) => all.flatMap(pick);
  return {
    titles: list((p) => p.read.titles),
    notNames: new Set(list((p) => p.read.not_names).map((w) => w.toLowerCase())),
    recipientBefore: list((p) => p.read.recipient_before),
    mutualBefore: list((p) => p.read.mutual_before),
    mutualAfter: list((p) => p.read.mutual_after),
    orgBefore: list((p) => p.read.org_before),
    orgWords: new Set(list((p) => p.read.org_words).map((w) => w.toLowerCase())),
    surnameFirst: new Set(list((p) => p.read.surname_first).map((w) => w.toLowerCase())),
    lowercaseCue: list((p) => [...p.read.met_lead, 'met', 'meet']),
  };
}

const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’-]*`;
const RUN = new RegExp(`${NAME_WORD}(?:\\s+${NAME_WORD}){0,5}`, 'gu');

interface Candidate {
  name: string;
  title?: string;
  score: number;
  order: number;
}

/** A capitalised run with its leading titles and non-name words taken off. */
interface NameRun {
  words: string[];
  /** Where the name's first word starts in the clause. */
  start: number;
  /** "Her Excellency Ambassador": the titles that were inside the run. */
  innerTitle?: string;
}

/**
 * Finds who the note is for among the capitalised runs of the clauses, by the words around
 * each: a title, a cue before it ("met", "thank", "advice from"), standing alone as a clause,
 * opening the text. Mutual contacts ("via Omar", "Lina said") and places ("at Shopify") lose.
 */
export function findRecipient(clauses: string[], cues: NameCues): PersonName | undefined {
  const candidates: Candidate[] = [];
  for (const [ci, clause] of clauses.entries()) {
    const quoted = quotedSpans(clause);
    for (const m of clause.matchAll(RUN)) {
      if (quoted.some(([s, e]) => m.index >= s && m.index < e)) continue;
      const run = nameRun(clause, m, cues);
      if (!run) continue;
      candidates.push({ ...scored(clause, ci, m.index, run, cues), order: candidates.length });
    }
  }
  const best = candidates
    .filter((c) => c.score >= 2)
    .sort((a, b) => b.score - a.score || a.order - b.order)[0];
  if (best) return person(best.name, best.title, cues);
  return lowerCaseName(clauses, cues);
}

function nameRun(clause: string, m: RegExpExecArray, cues: NameCues): NameRun | undefined {
  let words = m[0].split(/\s+/);
  let start = m.index;
  // "Her Excellency Ambassador Clara Mbeki": titles inside the capitalised run.
  let innerTitle: string | undefined;
  for (let found = true; found; ) {
    found = false;
    for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
      const lead = words.slice(0, n).join(' ');
      if (phrases(cues.titles, 'whole').test(lead)) {
        innerTitle = innerTitle ? `${innerTitle} ${lead}` : lead;
        start = clause.indexOf(words[n] as string, start + lead.length);
        words = words.slice(n);
        found = true;
        break;
      }
    }
  }
  // "Met Ellie", "Invite Tomás Herrera", "Fellow Wharton": leading words that are not names.
  while (words.length > 0 && cues.notNames.has((words[0] as string).toLowerCase())) {
    start = clause.indexOf(words[1] ?? '', start + (words[0] as string).length);
    words = words.slice(1);
  }
  while (words.length > 0 && cues.notNames.has((words.at(-1) as string).toLowerCase()))
    words = words.slice(0, -1);
  if (words.length === 0 || start < 0) return undefined;
  if (words.some((w) => !/\p{Ll}/u.test(w) || cues.orgWords.has(w.toLowerCase()))) return undefined;
  return { words, start, innerTitle };
}

/** How likely the run is the recipient, by its title and the words before and after it. */
function scored(
  clause: string,
  ci: number,
  runIndex: number,
  run: NameRun,
  cues: NameCues,
): Omit<Candidate, 'order'> {
  const { words, start, innerTitle } = run;
  const name = words.join(' ').replace(/['’]s$/, '');
  const before = clause.slice(0, start);
  const after = clause.slice(start + words.join(' ').length);
  let score = 0;
  let title: string | undefined = innerTitle;
  if (innerTitle) score += 4;
  const titleMatch = phrases(cues.titles, 'any').all(before).at(-1);
  if (
    !title &&
    titleMatch &&
    before.slice(titleMatch.index + (titleMatch[0] as string).length).trim() === ''
  ) {
    title = titleMatch[0];
    score += 4;
  }
  const lead = innerTitle
    ? clause.slice(0, runIndex).trimEnd()
    : before.slice(0, titleMatch && title ? titleMatch.index : undefined).trimEnd();
  score += cueScore(lead, after, cues);
  const restOfClause = `${lead}${after}`.replace(/[\p{P}\p{S}\s]/gu, '');
  if (restOfClause === '') score += 3;
  if (ci === 0 && lead.trim() === '') score += 2;
  else if (lead.trim() === '' && words.length > 1 && /^\s+\p{Ll}/u.test(after)) score += 2;
  // "read Ines Duarte's book": a full name with something of theirs.
  if (/^['’]s\b/.test(after) || /['’]s$/.test(words.at(-1) as string))
    score += words.length > 1 ? 2 : 1;
  return { name, title, score };
}

/** The cue before the name ("met", "via", "at") and after it ("said"): recipient, mutual contact or place. */
function cueScore(lead: string, after: string, cues: NameCues): number {
  let score = 0;
  if (endsWithPhrase(lead, cues.recipientBefore)) score += 3;
  else if (endsWithPhrase(lead, cues.mutualBefore)) score -= 5;
  else if (endsWithPhrase(lead, cues.orgBefore)) score -= 4;
  // "Dana Cole (we climb together) said…": what she said makes her the mutual contact.
  if (
    startsWithPhrase(after.replace(/^['’]s\b/, '').replace(/^\s*\([^)]*\)/, ''), cues.mutualAfter)
  )
    score -= 5;
  return score;
}

/** "met paulina at the meetup": a lower-case name after "met". */
function lowerCaseName(clauses: string[], cues: NameCues): PersonName | undefined {
  for (const clause of clauses) {
    for (const cue of phrases(cues.lowercaseCue).all(clause)) {
      const after = clause.slice(cue.index + (cue[0] as string).length);
      const word = /^\s+(\p{Ll}{3,})\s+(?:at|in|on|during)\b/u.exec(after)?.[1];
      if (word && !cues.notNames.has(word) && !LOWER_NOT_NAMES.has(word))
        return person(word.charAt(0).toUpperCase() + word.slice(1), undefined, cues, word);
    }
  }
  return undefined;
}

const LOWER_NOT_NAMES = new Set(['her', 'him', 'them', 'you', 'once', 'briefly', 'up']);

function person(name: string, title: string | undefined, cues: NameCues, raw?: string): PersonName {
  const parts = name.split(/\s+/);
  const first = parts[0] as string;
  const last = parts.at(-1) as string;
  const shortTitle = title?.split(/\s+/).at(-1);
  let greet = first;
  if (shortTitle) greet = `${capitalise(shortTitle)} ${last}`;
  else if (parts.length === 2 && cues.surnameFirst.has(first.toLowerCase())) greet = name;
  const forms = new Set<string>();
  if (title) forms.add(`${title} ${name}`);
  if (shortTitle) forms.add(`${shortTitle} ${last}`);
  forms.add(name);
  if (raw) forms.add(raw);
  if (parts.length > 1 && !cues.surnameFirst.has(first.toLowerCase())) forms.add(first);
  if (parts.length > 1) forms.add(last);
  return {
    full: name,
    ...(title ? { title } : {}),
    greet,
    forms: [...forms].sort((a, b) => b.length - a.length),
  };
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function endsWithPhrase(text: string, list: readonly string[]): boolean {
  if (text.trim() === '') return false;
  // The last few words, each tail tried as a whole phrase: anchored patterns fail fast.
  const words = text.replace(/[\s,]+$/, '').split(/\s+/);
  for (let n = 1; n <= Math.min(4, words.length); n++) {
    if (phrases(list, 'whole').test(words.slice(-n).join(' '))) return true;
  }
  return false;
}

function startsWithPhrase(text: string, list: readonly string[]): boolean {
  return phrases(list, 'start').test(text.trim());
}

function quotedSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(/(?<![\p{L}])['‘"“][^'’"”]+['’"”](?![\p{L}])/gu))
    out.push([m.index, m.index + m[0].length]);
  return out;
}
