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
  if (word === '*') return String.raw`[^\s]+`;
  if (word.endsWith('*')) return `${escapeRegex(word.slice(0, -1))}${WORD_REST}`;
  return escapeRegex(word);
}

function slotSource(slot: readonly string[]): string {
  const words = [...new Set(slot.map((w) => foldSameLength(w.trim())).filter(Boolean))];
  // Longest first, so "build out" wins over "build" where both fit.
  words.sort((a, b) => b.length - a.length);
  return `(?:${words.map((w) => w.split(/\s+/).map(wordSource).join(String.raw`\s+`)).join('|')})`;
}

/** One global regex for a frame; a frame whose first slot can be empty is not one. */
export function compileFrame(frame: Frame): RegExp {
  const [first, ...rest] = frame;
  if (!first || first.includes(''))
    throw new Error('A frame starts with a slot it cannot leave out.');
  let source = `(?<![a-z0-9])${slotSource(first)}`;
  for (const slot of rest) {
    const part = String.raw`\s+${slotSource(slot)}`;
    source += slot.includes('') ? `(?:${part})?` : part;
  }
  return new RegExp(`${source}(?![a-z0-9])`, 'g');
}

/** Where a frame matches in folded text, none overlapping. */
export function findFrame(pattern: RegExp, folded: string): Hit[] {
  const out: Hit[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(folded); m; m = pattern.exec(folded)) {
    if (m[0] === '') {
      pattern.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}
