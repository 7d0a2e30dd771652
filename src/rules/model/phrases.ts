/**
 * Vocabulary phrases from a rule's JSON data compiled to one regex per list,
 * matched against `analysis.folded` (lower case, accents folded). A phrase is
 * words separated by spaces; a word ending in `*` is a stem (matches any word
 * it begins), a word starting with `*` is a head (matches any word it ends:
 * German compounds put the noun that counts last, "Steuerberatung"), a lone
 * `*` is any one word. Edges that are letters or digits only match at word
 * boundaries.
 */
import { foldSameLength } from '../../text/fold.js';
import { candidates, phraseKey, phraseKeys, registerList } from './phrase-keys.js';

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
  if (word.startsWith('*')) return `${WORD_REST.slice(0, -1)}+${wordSource(word.slice(1))}`;
  if (word.endsWith('*')) return `${escapeRegex(word.slice(0, -1))}${WORD_REST}`;
  return escapeRegex(word);
}

/** One global regex for a list of phrases (longest first, so the longest wins at a place). */
export function compilePhrases(phrases: readonly string[] | undefined): RegExp {
  const list = [...new Set(phrases ?? [])].map((p) => foldSameLength(p.trim())).filter(Boolean);
  if (list.length === 0) return /(?!)/g;
  list.sort((a, b) => b.length - a.length);
  // Phrases grouped by whether their edges are letters, so each group shares one boundary test.
  const groups = new Map<string, Array<{ body: string; key: PhraseKey; also: string[] }>>();
  for (const p of list) {
    const lead = /^[\p{L}\d*]/u.test(p) ? BEFORE : '';
    const tail = /[\p{L}\d*]$/u.test(p) && !p.endsWith('*') ? AFTER : '';
    const group = `${lead}\u0000${tail}`;
    const words = p.split(/\s+/);
    const body = words.map(wordSource).join(String.raw`\s+`);
    const key = phraseKey(words, lead !== '', tail !== '');
    // Besides the key, the whole words every match holds: a text without one is skipped.
    const also = phraseKeys(words, lead !== '', tail !== '')
      .filter((k) => !k.stem && k.word !== key?.word)
      .map((k) => k.word);
    groups.set(group, [...(groups.get(group) ?? []), { body, key, also }]);
  }
  // The alternatives in the order the regex tries them, each also as a regex of its own.
  const alternatives: string[] = [];
  const keys: PhraseKey[] = [];
  const others: string[][] = [];
  const parts = [...groups].map(([group, entries]) => {
    const [lead, tail] = group.split('\u0000');
    for (const { body, key, also } of entries) {
      alternatives.push(`${lead}(?:${body})${tail}`);
      keys.push(key);
      others.push(also);
    }
    return `${lead}(?:${entries.map((e) => e.body).join('|')})${tail}`;
  });
  const pattern = new RegExp(parts.join('|'), 'g');
  LISTS.set(pattern, { id: registerList(keys, others), alternatives, compiled: [] });
  return pattern;
}

type PhraseKey = ReturnType<typeof phraseKey>;

interface CompiledList {
  /** The list's id in phrase-keys.ts, which tells the phrases that can match a text. */
  id: number;
  alternatives: string[];
  /** Alternatives compiled on first use. */
  compiled: Array<RegExp | undefined>;
}

const LISTS = new WeakMap<RegExp, CompiledList>();

// Past this many candidate phrases, one scan of the whole list is cheaper than one per phrase.
const MAX_SEPARATE = 12;

export interface Hit {
  start: number;
  end: number;
}

export function findPhrases(pattern: RegExp, folded: string): Hit[] {
  const list = LISTS.get(pattern);
  const only = list && candidates(folded, list.id);
  if (!list || !only || only.length > MAX_SEPARATE) return scan(pattern, folded);
  if (only.length === 0) return [];
  const compiled = only.map(
    (k) => (list.compiled[k] ??= new RegExp(list.alternatives[k] as string, 'g')),
  );
  // One phrase alone: its own scan is what scanEach would find, without the bookkeeping.
  return compiled.length === 1 ? scan(compiled[0] as RegExp, folded) : scanEach(compiled, folded);
}

function scan(pattern: RegExp, folded: string): Hit[] {
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

/**
 * What `scan` of the whole list finds, from some of its alternatives (in the
 * list's order) each run alone: the whole regex takes, from where it stands,
 * the leftmost place any alternative matches, and there the first of them in
 * order; so does this, keeping each alternative's next match from there.
 */
function scanEach(alternatives: RegExp[], folded: string): Hit[] {
  const out: Hit[] = [];
  const next = alternatives.map((re) => execFrom(re, folded, 0));
  let from = 0;
  for (;;) {
    let best = -1;
    for (let k = 0; k < next.length; k++) {
      const m = next[k];
      if (m && (best < 0 || m.index < (next[best] as RegExpExecArray).index)) best = k;
    }
    if (best < 0) return out;
    const m = next[best] as RegExpExecArray;
    if (m[0] === '') from = m.index + 1;
    else {
      out.push({ start: m.index, end: m.index + m[0].length });
      from = m.index + m[0].length;
    }
    for (let k = 0; k < next.length; k++) {
      const n = next[k];
      if (n && n.index < from) next[k] = execFrom(alternatives[k] as RegExp, folded, from);
    }
  }
}

function execFrom(re: RegExp, text: string, from: number): RegExpExecArray | null {
  if (from > text.length) return null;
  re.lastIndex = from;
  return re.exec(text);
}
