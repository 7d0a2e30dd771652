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

/** Phrases as (list id, phrase index) pairs, flattened, by their full key. */
const byFullKey = new Map<string, number[]>();
// Stem keys by their first STEM_START units, each with its phrases; shorter stems by themselves.
const STEM_START = 3;
const byStemStart = new Map<string, Array<{ stem: string; pairs: number[] }>>();
const byShortStem = new Map<string, number[]>();
/** Per list id: true when some phrase has no key, so that the list is always run whole. */
const keyless: boolean[] = [];

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
  words.forEach((word, k) => {
    if (word === '*') return;
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
      const key = { word: r.word, stem: continues };
      // Longer keys are rarer; a full key beats a stem of the same length.
      if (
        !best ||
        key.word.length > best.word.length ||
        (key.word.length === best.word.length && best.stem && !key.stem)
      )
        best = key;
    });
  });
  return best;
}

/** Registers a list's phrase keys (in the list's own order); returns the list's id. */
export function registerList(keys: ReadonlyArray<Key | undefined>): number {
  const id = keyless.length;
  lastText = undefined;
  keyless.push(keys.some((k) => k === undefined));
  if (keyless[id]) return id;
  (keys as Key[]).forEach((key, phrase) => {
    if (!key.stem) {
      const pairs = byFullKey.get(key.word);
      if (pairs) pairs.push(id, phrase);
      else byFullKey.set(key.word, [id, phrase]);
      return;
    }
    if (key.word.length < STEM_START) {
      const pairs = byShortStem.get(key.word);
      if (pairs) pairs.push(id, phrase);
      else byShortStem.set(key.word, [id, phrase]);
      return;
    }
    const start = key.word.slice(0, STEM_START);
    const bucket = byStemStart.get(start) ?? [];
    byStemStart.set(start, bucket);
    const entry = bucket.find((e) => e.stem === key.word);
    if (entry) entry.pairs.push(id, phrase);
    else bucket.push({ stem: key.word, pairs: [id, phrase] });
  });
  return id;
}

/** A list's phrases that may match: `undefined` for "run the whole list", else their indices, ascending. */
export type Candidates = readonly number[] | undefined;

const NONE: readonly number[] = [];

// The candidates of the last text looked at: the thirty-odd lists the rules
// check on one note share one pass over its words. Only this derived index
// is kept, never a list's hits, and only until the next text.
let lastText: string | undefined;
let lastCandidates: Array<number[] | undefined> = [];

/** The phrases of list `id` whose key occurs in `text`. */
export function candidates(text: string, id: number): Candidates {
  if (keyless[id]) return undefined;
  if (text !== lastText) {
    lastCandidates = index(text);
    lastText = text;
  }
  const found = lastCandidates[id];
  if (!found) return NONE;
  if (found.length > 1) {
    found.sort((a, b) => a - b);
    let n = 1;
    for (let i = 1; i < found.length; i++)
      if (found[i] !== found[n - 1]) found[n++] = found[i] as number;
    found.length = n;
  }
  return found;
}

function index(text: string): Array<number[] | undefined> {
  // Filled up front: an array written at scattered indices would fall back to a slow dictionary.
  const out: Array<number[] | undefined> = new Array(keyless.length).fill(undefined);
  let i = 0;
  const len = text.length;
  while (i < len) {
    if (!isWordUnit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < len && isWordUnit(text.charCodeAt(j))) j++;
    const full = byFullKey.get(text.slice(i, j));
    if (full) add(out, full);
    if (byShortStem.size > 0)
      for (let n = 1; n < STEM_START && n <= j - i; n++) {
        const pairs = byShortStem.get(text.slice(i, i + n));
        if (pairs) add(out, pairs);
      }
    if (j - i >= STEM_START) {
      const bucket = byStemStart.get(text.slice(i, i + STEM_START));
      if (bucket)
        for (const { stem, pairs } of bucket)
          if (stem.length <= j - i && text.startsWith(stem, i)) add(out, pairs);
    }
    i = j;
  }
  return out;
}

function add(out: Array<number[] | undefined>, pairs: readonly number[]): void {
  for (let k = 0; k < pairs.length; k += 2) {
    const id = pairs[k] as number;
    const list = out[id];
    if (list) list.push(pairs[k + 1] as number);
    else out[id] = [pairs[k + 1] as number];
  }
}
