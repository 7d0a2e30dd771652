import { foldSameLength } from '../../text/fold.js';
import type { Hit } from '../model/phrases.js';

/**
 * A frame: slots of words in order, one word (or words) from each slot; ""
 * in a slot leaves it out. "broaden*" "my" ""|"professional" "circle" says
 * every way of growing a circle with one word of data per new verb or noun.
 * Words follow the phrase syntax of the vocabularies (model/phrases.ts): a
 * lone `*` is any one word, `word*` a stem. A frame compiles to one regex of
 * alternations, not to the product of its slots: that product runs to
 * thousands of phrases, which no list regex should carry.
 */
export type Frame = readonly (readonly string[])[];

// As in model/phrases.ts: the rest of a stemmed word, and word edges on folded text.
const WORD_REST = String.raw`[^\s.,;:!?()"\[\]{}/]*`;

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function wordSource(word: string): string {
  // A word, not the punctuation after it: "as a fellow * *" stops at "recruiter,".
  if (word === '*') return String.raw`[^\s.,;:!?()"\[\]{}/]+`;
  if (word.endsWith('*')) return `${escapeRegex(word.slice(0, -1))}${WORD_REST}`;
  return escapeRegex(word);
}

function slotSource(slot: readonly string[]): string {
  const words = [...new Set(slot.map((w) => foldSameLength(w.trim())).filter(Boolean))];
  // Longest first, so "build out" wins over "build" where both fit.
  words.sort((a, b) => b.length - a.length);
  return `(?:${words.map((w) => w.split(/\s+/).map(wordSource).join(String.raw`\s+`)).join('|')})`;
}

/** The regex source of one frame, without the word edge before it (the scan checks that). */
function frameSource(frame: Frame): string {
  const [first, ...rest] = frame;
  if (!first || first.includes(''))
    throw new Error('A frame starts with a slot it cannot leave out.');
  let source = slotSource(first);
  for (const slot of rest) {
    const part = String.raw`\s+${slotSource(slot)}`;
    source += slot.includes('') ? `(?:${part})?` : part;
  }
  return `${source}(?![a-z0-9])`;
}

/**
 * Every frame of a language, each a sticky regex tried only where a word of
 * its first slot starts: one regex of every frame tried at every position
 * cost more than the rest of the checker together.
 */
export interface CompiledFrames<K extends string> {
  /** In priority order: kinds in the order given, frames in file order. */
  frames: ReadonlyArray<{ kind: K; pattern: RegExp }>;
  /** Frame indexes by a first word that must start there, whole. */
  byWord: ReadonlyMap<string, readonly number[]>;
  /** Frames by the start of a first word (a stem, `build*`), filed by the stem's first letters. */
  byStem: ReadonlyMap<string, ReadonlyArray<{ stem: string; frame: number }>>;
  /** Frames whose first word can be anything (`*`), tried at every word. */
  anyWord: readonly number[];
}

const WORD_UNIT = /[a-z0-9]/;
// Stems are filed by their first three letters (shorter stems by all of theirs).
const STEM_KEY = 3;

/** How the first words of a frame's first slot can start: whole words, stems, or any word. */
function firstWords(slot: readonly string[]): Array<{ word: string; stem: boolean } | 'any'> {
  return slot.map((raw) => {
    const first = foldSameLength(raw.trim()).split(/\s+/)[0] as string;
    if (first === '*') return 'any';
    const stem = first.endsWith('*');
    const text = stem ? first.slice(0, -1) : first;
    let n = 0;
    while (n < text.length && WORD_UNIT.test(text[n] as string)) n++;
    // The scan starts frames at word units only; a first word that starts otherwise is tried at every word.
    if (n === 0) return 'any';
    // "i'm" must start with the whole word "i"; "build*" with a word that starts "build".
    return { word: text.slice(0, n), stem: stem && n === text.length };
  });
}

export function compileFrames<K extends string>(
  byKind: ReadonlyArray<readonly [K, readonly Frame[]]>,
): CompiledFrames<K> | undefined {
  const frames: Array<{ kind: K; pattern: RegExp }> = [];
  const byWord = new Map<string, number[]>();
  const byStem = new Map<string, Array<{ stem: string; frame: number }>>();
  const anyWord: number[] = [];
  for (const [kind, list] of byKind) {
    for (const frame of list) {
      const index = frames.length;
      frames.push({ kind, pattern: new RegExp(frameSource(frame), 'y') });
      const starts = firstWords(frame[0] ?? []);
      if (starts.includes('any')) {
        anyWord.push(index);
        continue;
      }
      for (const s of starts as Array<{ word: string; stem: boolean }>) {
        if (s.stem) {
          const key = s.word.slice(0, STEM_KEY);
          const filed = byStem.get(key) ?? [];
          filed.push({ stem: s.word, frame: index });
          byStem.set(key, filed);
        } else {
          const at = byWord.get(s.word) ?? [];
          if (!at.includes(index)) at.push(index);
          byWord.set(s.word, at);
        }
      }
    }
  }
  if (frames.length === 0) return undefined;
  return { frames, byWord, byStem, anyWord };
}

function isWordUnit(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}

const NO_FRAMES: readonly number[] = [];

/**
 * The frames that may start with `word`, ascending (the order one alternation
 * would try them in). Most words start no frame: those allocate nothing, and a
 * word filed only as a whole word reuses its filed list, already ascending.
 */
function candidatesAt<K extends string>(
  compiled: CompiledFrames<K>,
  word: string,
): readonly number[] {
  const { byWord, byStem, anyWord } = compiled;
  const whole = byWord.get(word) ?? NO_FRAMES;
  let merged: number[] | undefined;
  for (let n = 1; n <= STEM_KEY && n <= word.length; n++) {
    const filed = byStem.get(word.slice(0, n));
    if (!filed) continue;
    for (const s of filed) {
      if (!word.startsWith(s.stem)) continue;
      merged ??= [...whole];
      merged.push(s.frame);
    }
  }
  if (anyWord.length > 0) {
    merged ??= [...whole];
    merged.push(...anyWord);
  }
  if (!merged) return whole;
  merged.sort((a, b) => a - b);
  return merged;
}

/** Where the frames match in folded text, none overlapping, each with its kind. */
export function findFrames<K extends string>(
  compiled: CompiledFrames<K>,
  folded: string,
): Array<Hit & { kind: K }> {
  const out: Array<Hit & { kind: K }> = [];
  const { frames } = compiled;
  let i = 0;
  while (i < folded.length) {
    if (!isWordUnit(folded.charCodeAt(i)) || (i > 0 && isWordUnit(folded.charCodeAt(i - 1)))) {
      i++;
      continue;
    }
    let j = i;
    while (j < folded.length && isWordUnit(folded.charCodeAt(j))) j++;
    const candidates = candidatesAt(compiled, folded.slice(i, j));
    if (candidates.length === 0) {
      i = j;
      continue;
    }
    let end = -1;
    for (const index of candidates) {
      const frame = frames[index] as { kind: K; pattern: RegExp };
      frame.pattern.lastIndex = i;
      const m = frame.pattern.exec(folded);
      if (m) {
        end = i + m[0].length;
        out.push({ start: i, end, kind: frame.kind });
        break;
      }
    }
    i = end > i ? end : j;
  }
  return out;
}
