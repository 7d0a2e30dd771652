/**
 * Word lists from the language files, matched word by word against the text: case-insensitive,
 * on word boundaries, longest phrase first. A set lookup per word, so nothing is compiled and
 * the first context read is as fast as the thousandth. "{n}" in a phrase stands for a number,
 * a phrase ending in "-" ("ex-") matches the start of a word.
 */
export interface PhraseMatch extends Array<string> {
  index: number;
  input: string;
}

interface Phrase {
  words: string[];
  text: string;
}

interface Token {
  /** The word as compared: lower case, without the punctuation around it. */
  key: string;
  /** With trailing punctuation kept ("dr."). */
  keyDot: string;
  start: number;
  end: number;
  /** The end with the trailing period ("Dr." to the dot). */
  endDot: number;
}

const TOKEN = /\S+/g;
const EDGE_START = /^[("'‘“¿¡[]+/;
const EDGE_END = /[)"'’”,;:!?.\]]+$/;

function normalise(word: string): string {
  return word.toLowerCase().replace(/’/g, "'");
}

// The same clause is tried against many lists in a row: its words are cut once.
let lastText: string | undefined;
let lastTokens: Token[] = [];

function tokens(text: string): Token[] {
  if (text === lastText) return lastTokens;
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    const lead = EDGE_START.exec(raw)?.[0].length ?? 0;
    const core = raw.slice(lead).replace(EDGE_END, '');
    if (core === '') continue;
    const withDot = raw.slice(lead).replace(/[)"'’”,;:!?\]]+$/, '');
    const start = m.index + lead;
    out.push({
      key: normalise(core),
      keyDot: normalise(withDot),
      start,
      end: start + core.length,
      endDot: start + withDot.length,
    });
  }
  lastText = text;
  lastTokens = out;
  return out;
}

export class PhraseMatcher {
  readonly #byFirst = new Map<string, Phrase[]>();
  readonly #prefixes: Phrase[] = [];
  readonly #mode: 'any' | 'start' | 'whole';

  constructor(list: readonly string[], mode: 'any' | 'start' | 'whole') {
    this.#mode = mode;
    for (const text of new Set(list)) {
      const words = normalise(text.trim()).split(/\s+/);
      if (words.length === 0 || words[0] === '') continue;
      const phrase = { words, text };
      const first = words[0] as string;
      if (first === '{n}' || first.endsWith('-') || first.startsWith("'"))
        this.#prefixes.push(phrase);
      else {
        const bucket = this.#byFirst.get(first) ?? [];
        bucket.push(phrase);
        this.#byFirst.set(first, bucket);
      }
    }
    for (const bucket of this.#byFirst.values())
      bucket.sort((a, b) => b.words.length - a.words.length);
  }

  /** Every match, left to right, not overlapping. */
  all(text: string): PhraseMatch[] {
    const toks = tokens(text);
    const out: PhraseMatch[] = [];
    for (let i = 0; i < toks.length; i++) {
      if (this.#mode !== 'any' && i > 0) break;
      const found = this.#at(toks, i);
      if (!found) continue;
      const { length, numbers, dot } = found;
      const last = toks[i + length - 1] as Token;
      if (this.#mode === 'whole' && i + length !== toks.length) continue;
      const start = (toks[i] as Token).start;
      const end =
        found.prefix !== undefined ? last.start + found.prefix : dot ? last.endDot : last.end;
      const match = Object.assign([text.slice(start, end), ...numbers], {
        index: start,
        input: text,
      });
      out.push(match);
      i += length - 1;
    }
    return out;
  }

  #at(
    toks: Token[],
    i: number,
  ): { length: number; numbers: string[]; dot: boolean; prefix?: number } | undefined {
    const tok = toks[i] as Token;
    // "ex-teammate" holds "teammate": the word after a hyphen is tried too.
    const tail = tok.key.includes('-') ? tok.key.slice(tok.key.lastIndexOf('-') + 1) : '';
    const sources = [
      tail ? this.#byFirst.get(tail) : undefined,
      this.#byFirst.get(tok.key),
      tok.keyDot !== tok.key ? this.#byFirst.get(tok.keyDot) : undefined,
      this.#prefixes,
    ];
    let best: { length: number; numbers: string[]; dot: boolean; prefix?: number } | undefined;
    for (const phrase of sources.flatMap((x) => x ?? [])) {
      const numbers: string[] = [];
      let dot = false;
      let prefix: number | undefined;
      const ok = phrase.words.every((w, j) => {
        const t = toks[i + j];
        if (!t) return false;
        if (w === '{n}') {
          if (!/^\d+$/.test(t.key)) return false;
          numbers.push(t.key);
          return true;
        }
        if (w.endsWith('-') && j === phrase.words.length - 1) {
          // "ex-" matches the start of "ex-teammate", and only that start.
          prefix = w.length;
          return t.key.startsWith(w);
        }
        if (w.startsWith("'") && j === 0) return t.key.endsWith(w);
        if (t.key === w || (j === 0 && t.key.endsWith(`-${w}`))) return true;
        dot = t.keyDot === w && t.keyDot !== t.key;
        return dot;
      });
      const better =
        !best ||
        phrase.words.length > best.length ||
        (phrase.words.length === best.length && dot && !best.dot);
      if (ok && better)
        best = {
          length: phrase.words.length,
          numbers,
          dot,
          ...(prefix !== undefined ? { prefix } : {}),
        };
    }
    return best;
  }

  exec(text: string): PhraseMatch | null {
    return this.all(text)[0] ?? null;
  }

  test(text: string): boolean {
    return this.exec(text) !== null;
  }

  /** Each match replaced: `text.replace(matcher, ' ')` works as with a global pattern. */
  [Symbol.replace](text: string, replacement: string): string {
    let out = '';
    let at = 0;
    for (const m of this.all(text)) {
      out += `${text.slice(at, m.index)}${replacement}`;
      at = m.index + (m[0] as string).length;
    }
    return out + text.slice(at);
  }

  *[Symbol.matchAll](text: string): IterableIterator<PhraseMatch> {
    yield* this.all(text);
  }
}

const cache = new WeakMap<readonly string[], Map<string, PhraseMatcher>>();
const byKey = new Map<string, PhraseMatcher>();

/** `mode`: `any` finds a phrase anywhere, `start` only at the start, `whole` only as all of it. */
export function phrases(
  list: readonly string[],
  mode: 'any' | 'start' | 'whole' = 'any',
): PhraseMatcher {
  let modes = cache.get(list);
  const hit = modes?.get(mode);
  if (hit) return hit;
  const key = `${mode}\u0000${list.join('\u0001')}`;
  const matcher = byKey.get(key) ?? new PhraseMatcher(list, mode);
  byKey.set(key, matcher);
  if (!modes) {
    modes = new Map();
    cache.set(list, modes);
  }
  modes.set(mode, matcher);
  return matcher;
}

/** The phrase of `list` the text starts with, and the rest after it. */
export function startsWith(
  text: string,
  list: readonly string[],
): { phrase: string; rest: string } | undefined {
  const m = phrases(list, 'start').exec(text);
  if (!m) return undefined;
  return { phrase: m[0] as string, rest: text.slice(m.index + (m[0] as string).length).trim() };
}

export function has(text: string, list: readonly string[]): boolean {
  return phrases(list).test(text);
}

export function isWhole(text: string, list: readonly string[]): boolean {
  return phrases(list, 'whole').test(text.trim());
}
