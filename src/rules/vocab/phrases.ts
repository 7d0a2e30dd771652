/**
 * Vocabulary phrases from the rules' JSON data turned into one regex per list.
 * Phrases are lower-case words separated by spaces, matched on whole words of
 * `note.lower`; `*` stands for any one word, `**` for up to three. Keeping the
 * words in data (per language) and the matching here means a vocabulary can
 * grow without touching a pattern.
 */
const WORD = String.raw`[\p{L}\p{M}\d'’-]+`;
const BEFORE = String.raw`(?<![\p{L}\p{M}\d])`;
const AFTER = String.raw`(?![\p{L}\p{M}\d])`;

function escapeRegex(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function phraseSource(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((w) => {
      if (w === '*') return WORD;
      if (w === '**') return String.raw`(?:${WORD}\s+){0,2}${WORD}`;
      return escapeRegex(w).replace(/'/g, "['’]");
    })
    .join(String.raw`\s+`);
}

/** A global regex matching any phrase of the lists as whole words (longest first). */
export function phraseRegex(...lists: ReadonlyArray<readonly string[] | undefined>): RegExp {
  const phrases = [...new Set(lists.flatMap((l) => l ?? []))].sort((a, b) => b.length - a.length);
  if (phrases.length === 0) return /(?!)/gu;
  return new RegExp(`${BEFORE}(?:${phrases.map(phraseSource).join('|')})${AFTER}`, 'gu');
}

export interface PhraseHit {
  start: number;
  end: number;
  text: string;
}

/** Every non-overlapping match of `pattern` in `subject`. */
export function findAll(pattern: RegExp, subject: string): PhraseHit[] {
  const out: PhraseHit[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(subject); m; m = pattern.exec(subject)) {
    if (m[0] === '') {
      pattern.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

/** Whether `pattern` (global) matches `subject` anywhere. */
export function hasMatch(pattern: RegExp, subject: string): boolean {
  pattern.lastIndex = 0;
  const hit = pattern.test(subject);
  pattern.lastIndex = 0;
  return hit;
}

/** Per-language vocabulary: the note's language's lists, or none for `unknown`. */
export type Vocabulary<K extends string> = Record<string, Partial<Record<K, string[]>>>;
