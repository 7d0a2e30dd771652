import type { LanguagePack } from './language.js';
import { phrases } from './phrases.js';

/** Stands for the recipient inside a clause once their name is found: "met ⟨R⟩ at…". */
export const RECIPIENT = '\uE000';
/** The recipient's possessive: "read ⟨R's⟩ book". */
export const RECIPIENT_POSSESSIVE = '\uE001';

export type PronounSet = 'she' | 'he' | 'they';

const TOKEN = /[\p{L}\p{M}\p{N}\uE000\uE001]+(?:['’][\p{L}]+)?|[^\p{L}\p{M}\p{N}\uE000\uE001]+/gu;
const SUBJECT_LEAD = new Set([
  '',
  'and',
  'that',
  'said',
  'if',
  'because',
  'since',
  'now',
  'y',
  'que',
  'und',
  'dass',
  'et',
  'e',
]);

type Pronouns = NonNullable<LanguagePack['read']['pronouns'][PronounSet]>;

/**
 * Turns what the user wrote about the recipient into words said to them: "his talk" → "your
 * talk", "she's building" → "you're building", "⟨R⟩ runs" → "you run", by the language's lists.
 * Only the recipient's pronouns change; "they" stays when it is someone else's.
 */
export function toSecondPerson(
  text: string,
  pack: LanguagePack,
  set: PronounSet | undefined,
): string {
  const w = pack.write;
  const p = set ? pack.read.pronouns[set] : undefined;
  let out = text;
  if (pack.read.one_words.length > 0) out = out.replace(phrases(pack.read.one_words), w.one);
  if (p) out = possessiveBeforeNoun(out, pack, p);
  const tokens = out.match(TOKEN) ?? [];
  const result: string[] = [];
  let agreeNext = false;
  for (const [i, token] of tokens.entries()) {
    if (!/[\p{L}\p{N}\uE000\uE001]/u.test(token)) {
      result.push(token);
      continue;
    }
    if (agreeNext) {
      if (inList(token, w.agreement.keep)) {
        result.push(token);
        continue;
      }
      agreeNext = false;
      result.push(agree(token, pack));
      continue;
    }
    const spoken = sayToThem(token, {
      pack,
      p,
      nextWord: tokens.slice(i + 1).find((t) => /[\p{L}\p{N}]/u.test(t)) ?? '',
      nextSep: tokens[i + 1] ?? '',
      prevWord: () => prevWord(result),
    });
    result.push(spoken.text);
    agreeNext = spoken.agreeNext;
  }
  // "…meet you, who runs a school": the verb agrees with "you".
  return result
    .join('')
    .replace(
      new RegExp(`\\b${w.you}, (who) (\\p{Ll}+)`, 'gu'),
      (_, who: string, verb: string) => `${w.you}, ${who} ${agree(verb, pack)}`,
    );
}

/** Portuguese "o podcast dele" → "o seu podcast": the possessive goes before the noun. */
function possessiveBeforeNoun(text: string, pack: LanguagePack, p: Pronouns): string {
  const w = pack.write;
  const before = w.possessive_before_noun;
  if (!before) return text;
  const re = new RegExp(
    `(?<![\\p{L}])(${Object.keys(before).join('|')})\\s+(\\p{L}+)\\s+(?:${p.possessive.join('|')})(?![\\p{L}])`,
    'giu',
  );
  return text.replace(
    re,
    (_, art: string, noun: string) => `${art} ${before[art.toLowerCase()] ?? w.your} ${noun}`,
  );
}

const lower = (t: string) => t.toLowerCase().replace(/’/g, "'");
const inList = (t: string, list: readonly string[] | undefined) =>
  list?.some((x) => lower(x) === lower(t)) ?? false;

/** The last word written, lower case; empty after punctuation that ends a clause or at the start. */
function prevWord(result: string[]): string {
  for (let j = result.length - 1; j >= 0; j--) {
    const t = result[j] as string;
    if (/[\p{L}]/u.test(t)) return lower(t);
    if (/[.;:!?,]/.test(t)) return '';
  }
  return '';
}

/** A word said to them that no verb after it agrees with. */
const said = (text: string) => ({ text, agreeNext: false });

interface Around {
  pack: LanguagePack;
  p: Pronouns | undefined;
  nextWord: string;
  nextSep: string;
  prevWord: () => string;
}

/** One word said to the recipient; `agreeNext` when it is "you" as a subject, so the verb after it agrees. */
function sayToThem(token: string, around: Around): { text: string; agreeNext: boolean } {
  const w = around.pack.write;
  if (token === RECIPIENT_POSSESSIVE) return said(w.your);
  if (token === RECIPIENT)
    return {
      text: w.you,
      agreeNext: SUBJECT_LEAD.has(around.prevWord()) && !/[,]/.test(around.nextSep),
    };
  const pronoun = around.p ? pronounToThem(token, around.p, around) : undefined;
  if (pronoun) return pronoun;
  if (around.pack.language === 'en' && token === 'i') return said('I');
  return said(token);
}

/** "she" → "you", "her" → "you" or "your", "his" → "your" or "yours", "herself" → "yourself". */
function pronounToThem(
  token: string,
  p: Pronouns,
  around: Around,
): { text: string; agreeNext: boolean } | undefined {
  const { pack, nextWord, nextSep } = around;
  const w = pack.write;
  const contraction = /^(\p{L}+)(['’]\p{L}+)$/u.exec(token);
  if (contraction && inList(token, p.contracted)) {
    const suffix = (contraction[2] as string).replace('’', "'");
    return said(matchCase(`${w.you}${w.contracted[suffix] ?? suffix}`, token));
  }
  if (
    inList(token, p.subject) &&
    !(inList(token, p.object) && !SUBJECT_LEAD.has(around.prevWord()))
  )
    return { text: matchCase(w.you, token), agreeNext: true };
  if (inList(token, p.reflexive)) return said(w.yourself);
  const isObject = inList(token, p.object);
  const isPossessive = inList(token, p.possessive);
  if (!isObject && !isPossessive) return undefined;
  // Before "about", "to", a number, punctuation or the end: "her" is an object, "his" stands alone.
  const ends =
    nextWord === '' ||
    /^[,.;!?)]/.test(nextSep.trim()) ||
    inList(nextWord, pack.read.object_followers);
  if (isObject && isPossessive) return said(matchCase(ends ? w.you : w.your, token));
  if (isObject) return said(matchCase(w.you, token));
  // "who scaled his to 20 people": a possessive standing alone is "yours".
  return said(matchCase(ends && w.yours ? w.yours : possessive(token, pack, p.possessive), token));
}

/** A third-person verb said to "you": "runs" → "run", "is" → "are", "sucht" → "suchst". */
export function agree(word: string, pack: LanguagePack): string {
  const { words, suffixes } = pack.write.agreement;
  const key = word.toLowerCase().replace(/’/g, "'");
  const mapped = words[key];
  if (mapped) return matchCase(mapped, word);
  if (word.length < 4 || !/^\p{Ll}+$/u.test(word)) return word;
  for (const [from, to] of suffixes) {
    if (!word.endsWith(from)) continue;
    // "discuss", "focus", "this": not a verb's -s.
    if (from === 's' && /(?:ss|us|is)$/.test(word)) return word;
    return `${word.slice(0, word.length - from.length)}${to}`;
  }
  return word;
}

function possessive(token: string, pack: LanguagePack, list: readonly string[]): string {
  const w = pack.write;
  if (w.possessive_stem) {
    const stem = [...list].sort((a, b) => a.length - b.length)[0] ?? token;
    return `${w.your}${token.toLowerCase().slice(stem.length)}`;
  }
  if (w.yours_plural && /s$/i.test(token)) return w.yours_plural;
  return w.your;
}

function matchCase(text: string, like: string): string {
  return /^\p{Lu}/u.test(like) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}
