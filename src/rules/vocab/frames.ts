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

/** The regex source of one frame; a frame whose first slot can be empty is not one. */
function frameSource(frame: Frame): string {
  const [first, ...rest] = frame;
  if (!first || first.includes(''))
    throw new Error('A frame starts with a slot it cannot leave out.');
  let source = `(?<![a-z0-9])${slotSource(first)}`;
  for (const slot of rest) {
    const part = String.raw`\s+${slotSource(slot)}`;
    source += slot.includes('') ? `(?:${part})?` : part;
  }
  return `${source}(?![a-z0-9])`;
}

/** The frames of several kinds as one regex, one capture group per kind, in the order given. */
export interface CompiledFrames<K extends string> {
  pattern: RegExp;
  kinds: readonly K[];
}

/** One scan for every frame of a language: a single regex runs twice as fast as one per frame. */
export function compileFrames<K extends string>(
  byKind: ReadonlyArray<readonly [K, readonly Frame[]]>,
): CompiledFrames<K> | undefined {
  const used = byKind.filter(([, frames]) => frames.length > 0);
  if (used.length === 0) return undefined;
  const source = used.map(([, frames]) => `(${frames.map(frameSource).join('|')})`).join('|');
  return { pattern: new RegExp(source, 'g'), kinds: used.map(([kind]) => kind) };
}

/** Where the frames match in folded text, none overlapping, each with its kind. */
export function findFrames<K extends string>(
  frames: CompiledFrames<K>,
  folded: string,
): Array<Hit & { kind: K }> {
  const out: Array<Hit & { kind: K }> = [];
  const pattern = frames.pattern;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(folded); m; m = pattern.exec(folded)) {
    if (m[0] === '') {
      pattern.lastIndex++;
      continue;
    }
    const group = m.findIndex((g, i) => i > 0 && g !== undefined);
    const kind = frames.kinds[group - 1] as K;
    out.push({ start: m.index, end: m.index + m[0].length, kind });
  }
  return out;
}
