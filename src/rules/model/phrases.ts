/**
 * Vocabulary phrases from a rule's JSON data compiled to one regex per list,
 * matched against `analysis.folded` (lower case, accents folded). A phrase is
 * words separated by spaces; a word ending in `*` is a stem (matches any word
 * it begins), a lone `*` is any one word. Edges that are letters or digits
 * only match at word boundaries.
 */
import { foldSameLength } from '../../text/fold.js';

// Plain classes and ASCII \b, not \p{…} look-arounds: a list of hundreds of
// phrases compiles and runs many times faster without Unicode property classes
// in every branch. The text is folded (lower case, accents removed), so a word
// boundary next to a letter is an ASCII one for every language the layer knows.
const WORD_REST = String.raw`[^\s.,;:!?()"\[\]{}/]*`;
const BEFORE = String.raw`\b`;
const AFTER = String.raw`\b`;

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function wordSource(word: string): string {
  if (word === '*') return `[^\\s]+`;
  if (word.endsWith('*')) return `${escapeRegex(word.slice(0, -1))}${WORD_REST}`;
  return escapeRegex(word);
}

/** One global regex for a list of phrases (longest first, so the longest wins at a place). */
export function compilePhrases(phrases: readonly string[] | undefined): RegExp {
  const list = [...new Set(phrases ?? [])].map((p) => foldSameLength(p.trim())).filter(Boolean);
  if (list.length === 0) return /(?!)/g;
  list.sort((a, b) => b.length - a.length);
  // Phrases grouped by whether their edges are letters, so each group shares one boundary test.
  const groups = new Map<string, string[]>();
  for (const p of list) {
    const lead = /^[\p{L}\d*]/u.test(p) ? BEFORE : '';
    const tail = /[\p{L}\d*]$/u.test(p) && !p.endsWith('*') ? AFTER : '';
    const key = `${lead}\u0000${tail}`;
    const body = p.split(/\s+/).map(wordSource).join(String.raw`\s+`);
    groups.set(key, [...(groups.get(key) ?? []), body]);
  }
  const parts = [...groups].map(([key, bodies]) => {
    const [lead, tail] = key.split('\u0000');
    return `${lead}(?:${bodies.join('|')})${tail}`;
  });
  return new RegExp(parts.join('|'), 'g');
}

export interface Hit {
  start: number;
  end: number;
}

export function findPhrases(pattern: RegExp, folded: string): Hit[] {
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
