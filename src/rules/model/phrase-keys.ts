/**
 * Which phrases of the compiled lists can match a text at all, from one pass
 * over its words, so that a note runs the few phrases that might hit instead
 * of every list regex of every rule (each a scan of hundreds of branches).
 *
 * Each phrase gets a key: one of its literal words that any match must
 * contain as a whole word (a "full" key), or as the start of a word (a
 * "stem" key, from a stem like `pric*`). Words here are what ASCII `\b`
 * delimits: runs of [A-Za-z0-9_]. A phrase whose key does not occur in a
 * text cannot match there. A list with a phrase without a key (all
 * wildcards, or only punctuation) is always run whole.
 */

import { type Entry, KeyTable, markWord, textHas, wordBits } from './key-table.js';

/**
 * Keys by a hash of their word, each with the (list id, phrase index) pairs
 * it admits, flattened: the pass over a text hashes its words as it reads
 * them and looks numbers up, without cutting a string out of the text per
 * word. A hit is confirmed against the key itself (hashes may collide).
 */
const byFullKey = new KeyTable();
// Stem keys by the hash of their first STEM_START units; shorter stems by their own hash.
const STEM_START = 3;
const byStemStart = new KeyTable();
const byShortStem = new KeyTable();
/** Per list id: true when some phrase has no key, so that the list is always run whole. */
const keyless: boolean[] = [];

/** The hash `index` computes for the first `n` units of a word. */
function hashOf(word: string, n: number): number {
  let h = 0;
  for (let k = 0; k < n; k++) h = (Math.imul(h, 31) + word.charCodeAt(k)) & 0x3fffffff;
  return h;
}

function isWordUnit(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f
  );
}

interface Key {
  word: string;
  stem: boolean;
}

/** Runs of word units in `s`, each with whether it is bounded by a non-word unit inside `s`. */
function runs(s: string): Array<{ word: string; left: boolean; right: boolean }> {
  const out: Array<{ word: string; left: boolean; right: boolean }> = [];
  let i = 0;
  while (i < s.length) {
    if (!isWordUnit(s.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    while (j < s.length && isWordUnit(s.charCodeAt(j))) j++;
    out.push({ word: s.slice(i, j), left: i > 0, right: j < s.length });
    i = j;
  }
  return out;
}

/**
 * The key of one phrase as compilePhrases builds its regex: words joined by
 * `\s+`; `\b` before a first word that starts with a letter or digit and
 * after a last word that ends with one; a `*` word is any non-space run; a
 * word ending in `*` is a stem (its last run may continue).
 */
export function phraseKey(words: readonly string[], leadBoundary: boolean, tailBoundary: boolean) {
  let best: Key | undefined;
  for (const key of phraseKeys(words, leadBoundary, tailBoundary)) {
    // Longer keys are rarer; a full key beats a stem of the same length.
    if (
      !best ||
      key.word.length > best.word.length ||
      (key.word.length === best.word.length && best.stem && !key.stem)
    )
      best = key;
  }
  return best;
}

/** Every key of a phrase (see phraseKey), in the order of its words: each is in every match. */
export function phraseKeys(
  words: readonly string[],
  leadBoundary: boolean,
  tailBoundary: boolean,
): Key[] {
  const keys: Key[] = [];
  words.forEach((word, k) => {
    // A head ("*beratung") ends a word whose start is unknown: no whole word or stem to key on.
    if (word.startsWith('*')) return;
    const stem = word.endsWith('*');
    const literal = stem ? word.slice(0, -1) : word;
    const rs = runs(literal);
    rs.forEach((r, n) => {
      // A run is a whole text word when something that is not a word unit
      // must stand on each side: the literal's own characters, the `\s+`
      // between phrase words, or a `\b` next to a word unit.
      const first = n === 0 && !r.left;
      const last = n === rs.length - 1 && !r.right;
      const leftBounded = !first || k > 0 || leadBoundary;
      if (!leftBounded) return;
      const continues = last && stem;
      const rightBounded = !last || k < words.length - 1 || tailBoundary || continues;
      if (!rightBounded) return;
      keys.push({ word: r.word, stem: continues });
    });
  });
  return keys;
}

/**
 * Per list id, per phrase: hashes of the whole words (full keys) every match
 * of the phrase contains besides its key. A candidate whose text lacks one
 * of them cannot match, and is dropped before its regex runs.
 */
const required: Array<Array<Int32Array | undefined>> = [];

/**
 * Registers a list's phrase keys (in the list's own order) and, per phrase,
 * the other whole words its matches must contain; returns the list's id.
 */
export function registerList(
  keys: ReadonlyArray<Key | undefined>,
  words: ReadonlyArray<readonly string[]> = [],
): number {
  const id = keyless.length;
  for (const slot of slots) slot.text = undefined;
  keyless.push(keys.some((k) => k === undefined));
  required.push(
    words.map((ws) =>
      ws.length > 0 ? Int32Array.from(ws, (w) => hashOf(w, w.length)) : undefined,
    ),
  );
  if (keyless[id]) return id;
  (keys as Key[]).forEach((key, phrase) => {
    const word = key.word;
    if (!key.stem) byFullKey.enter(hashOf(word, word.length), word, id, phrase);
    else if (word.length < STEM_START)
      byShortStem.enter(hashOf(word, word.length), word, id, phrase);
    else byStemStart.enter(hashOf(word, STEM_START), word, id, phrase);
  });
  return id;
}

/** A list's phrases that may match: `undefined` for "run the whole list", else their indices, ascending. */
export type Candidates = readonly number[] | undefined;

const NONE: readonly number[] = [];

/**
 * One text's index: the candidates per list id (kept from text to text and
 * cleared where the last text wrote: allocating and filling ~200 slots per
 * text cost more than the pass), and its whole words.
 */
interface TextIndex {
  text: string | undefined;
  perList: Array<number[] | undefined>;
  written: number[];
  words: Uint32Array;
}

function emptyIndex(): TextIndex {
  return { text: undefined, perList: [], written: [], words: wordBits() };
}

// The indexes of the last two texts looked at, the latest first: the thirty-odd
// lists the rules check on one note share one pass over its words, and a rule
// that checks a list on one sentence in between (missing-next-step does) does
// not cost the note's text a second pass. Only these derived indexes are kept,
// never a list's hits, and only until two other texts have come.
const slots: [TextIndex, TextIndex] = [emptyIndex(), emptyIndex()];

function indexOf(text: string): TextIndex {
  const [latest, before] = slots;
  if (latest.text === text) return latest;
  slots[0] = before;
  slots[1] = latest;
  if (before.text !== text) {
    index(before, text);
    before.text = text;
  }
  return before;
}

/** The phrases of list `id` whose key occurs in `text`. */
export function candidates(text: string, id: number): Candidates {
  if (keyless[id]) return undefined;
  const at = indexOf(text);
  const found = at.perList[id];
  if (!found) return NONE;
  if (found.length > 1) {
    sortAscending(found);
    let n = 1;
    for (let i = 1; i < found.length; i++)
      if (found[i] !== found[n - 1]) found[n++] = found[i] as number;
    found.length = n;
  }
  return withRequiredWords(found, required[id] as Array<Int32Array | undefined>, at.words);
}

/** Insertion sort: the lists are a few numbers long, where a comparator sort costs more. */
function sortAscending(xs: number[]): void {
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i] as number;
    let j = i - 1;
    while (j >= 0 && (xs[j] as number) > x) {
      xs[j + 1] = xs[j] as number;
      j--;
    }
    xs[j + 1] = x;
  }
}

/** The candidates whose other whole words all occur in the text (by hash: a collision only keeps one). */
function withRequiredWords(
  found: number[],
  words: Array<Int32Array | undefined>,
  inText: Uint32Array,
): number[] {
  let n = 0;
  for (let i = 0; i < found.length; i++) {
    const phrase = found[i] as number;
    const hashes = words[phrase];
    let all = true;
    if (hashes)
      for (let k = 0; k < hashes.length && all; k++) all = textHas(inText, hashes[k] as number);
    if (all) found[n++] = phrase;
  }
  found.length = n;
  return found;
}

/** Fills `at` with the candidates and whole words of `text`. */
function index(at: TextIndex, text: string): void {
  const out = at.perList;
  for (const id of at.written) out[id] = undefined;
  at.written.length = 0;
  // Filled up front: an array written at scattered indices would fall back to a slow dictionary.
  while (out.length < keyless.length) out.push(undefined);
  at.words.fill(0);
  const shortStems = byShortStem.size > 0;
  let i = 0;
  const len = text.length;
  while (i < len) {
    if (!isWordUnit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    // One pass over the word: its hash so far is the hash of each of its prefixes.
    let h = 0;
    let j = i;
    let stems: Entry[] | undefined;
    for (; j < len; j++) {
      const c = text.charCodeAt(j);
      if (!isWordUnit(c)) break;
      h = (Math.imul(h, 31) + c) & 0x3fffffff;
      const n = j + 1 - i;
      if (n < STEM_START) {
        if (shortStems) addMatching(at, byShortStem.get(h), text, i, n, n);
      } else if (n === STEM_START) stems = byStemStart.get(h);
    }
    markWord(at.words, h);
    addMatching(at, byFullKey.get(h), text, i, j - i, j - i);
    addMatching(at, stems, text, i, STEM_START, j - i);
    i = j;
  }
}

/** The pairs of each entry whose word, `min` to `max` units long, stands in `text` at `at`, added to `into`. */
function addMatching(
  into: TextIndex,
  entries: readonly Entry[] | undefined,
  text: string,
  at: number,
  min: number,
  max: number,
): void {
  if (!entries) return;
  for (let k = 0; k < entries.length; k++) {
    const e = entries[k] as Entry;
    if (e.word.length >= min && e.word.length <= max && standsAt(text, at, e.word))
      add(into, e.pairs);
  }
}

/** `text.startsWith(word, at)`, unit by unit: cheaper than the builtin call for short words. */
function standsAt(text: string, at: number, word: string): boolean {
  for (let k = 0; k < word.length; k++)
    if (text.charCodeAt(at + k) !== word.charCodeAt(k)) return false;
  return true;
}

function add(into: TextIndex, pairs: readonly number[]): void {
  const out = into.perList;
  for (let k = 0; k < pairs.length; k += 2) {
    const id = pairs[k] as number;
    const list = out[id];
    if (list) list.push(pairs[k + 1] as number);
    else {
      out[id] = [pairs[k + 1] as number];
      into.written.push(id);
    }
  }
}
