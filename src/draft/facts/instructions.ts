/**
 * What the user asks of the note itself rather than tells about the person: "in Spanish",
 * "don't mention the merger", "under 150 characters", "keep it short", "formal tone".
 */
import type { Facts } from './fact.js';
import { has, phrases, startsWith } from './phrases.js';
import type { ReaderEnv } from './reader-env.js';
import { wordCount } from './words.js';

type Lists = ReaderEnv['lists'];

/** Reads and removes what the user asks of the note itself; returns what is left to read as a fact. */
export function instructions(clause: string, facts: Facts, env: ReaderEnv): string | undefined {
  const { lists } = env;
  const asked = withoutLanguageAsked(clause.trim(), facts, env);
  if (asked === undefined) return undefined;
  const c = withoutAvoided(asked, facts, lists);
  if (c === undefined) return undefined;
  readLengthAndTone(c, facts, lists);
  if (isOnlyStyle(c, lists)) return undefined;
  const mention = startsWith(c, lists.mention);
  if (mention && mention.rest !== '') return mention.rest;
  return c;
}

/** "…in Spanish": the language asked for; nothing left when the clause said only that. */
function withoutLanguageAsked(clause: string, facts: Facts, env: ReaderEnv): string | undefined {
  let c = clause;
  for (const pack of env.all) {
    for (const [code, list] of Object.entries(pack.read.instructions.languages ?? {})) {
      const m = phrases(list).exec(c);
      if (!m) continue;
      // The templates write in the language of the facts; another one is the AI drafter's job.
      if (code !== facts.language)
        facts.unmetLanguage = env.languages.packs.get(code)?.label ?? code;
      c = `${c.slice(0, m.index)}${c.slice(m.index + (m[0] as string).length)}`.trim();
      if (wordCount(c.replace(phrases(env.lists.meta), ' ')) <= 2) return undefined;
    }
  }
  return c;
}

/** "…but don't mention the merger or the layoffs": the terms to keep out, and what came before. */
function withoutAvoided(c: string, facts: Facts, lists: Lists): string | undefined {
  const avoid = phrases(lists.avoid).exec(c);
  if (!avoid) return c;
  const terms = c
    .slice(avoid.index + (avoid[0] as string).length)
    .split(/\s*(?:,|\bor\b|\band\b|\/)\s*/i)
    .map((t) => t.replace(/\b(?:[\p{L}]+['’]s|our|my|the|his|her|their)\s+/giu, '').trim())
    .filter((t) => t !== '');
  facts.avoid.push(...terms);
  const before = c
    .slice(0, avoid.index)
    .replace(/\s*(?:\bbut\b|\band\b|,)\s*$/i, '')
    .trim();
  return before === '' ? undefined : before;
}

function readLengthAndTone(c: string, facts: Facts, lists: Lists): void {
  const max = phrases(lists.maxLength).exec(c);
  if (max) {
    const n = Number(max.slice(1).find((g) => g !== undefined));
    if (Number.isFinite(n) && n >= 60) facts.maxLength = Math.min(facts.maxLength ?? n, n);
  }
  if (has(c, lists.short)) facts.maxLength = Math.min(facts.maxLength ?? 160, 160);
  if (has(c, lists.formal)) facts.formal = true;
}

/** A clause that, without its words about length, tone, emoji and the note, says next to nothing. */
function isOnlyStyle(c: string, lists: Lists): boolean {
  const style = [
    lists.maxLength,
    lists.short,
    lists.formal,
    lists.noEmoji,
    lists.meta,
    lists.fillers,
  ];
  let rest = c;
  for (const list of style) rest = rest.replace(phrases(list), ' ');
  return rest !== c && wordCount(rest) <= 2;
}
