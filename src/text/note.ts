import { type Analysis, analyse } from './analysis.js';
import { decodeSlackText, type Entity } from './decode.js';
import { countGraphemes } from './graphemes.js';
import type { Span } from './span.js';

export type { Span } from './span.js';

export interface Sentence extends Span {
  text: string;
}

/**
 * A note analysed once for every rule: the plain text rules match against,
 * and the way back to offsets in the note as the caller passed it.
 */
export class Note {
  readonly raw: string;
  /** Slack markup resolved, curly quotes straightened, invisible characters removed. */
  readonly text: string;
  readonly lower: string;
  readonly entities: readonly Entity[];
  /** Characters a person sees. */
  readonly length: number;
  readonly isBlank: boolean;
  readonly #identity: boolean;
  readonly #rawStart: number[];
  readonly #rawEnd: number[];
  #sentences: Sentence[] | undefined;
  #wholeSpan: Readonly<Span> | undefined;
  #analysis: Analysis | undefined;

  constructor(raw: string) {
    const decoded = decodeSlackText(raw);
    this.raw = raw;
    this.text = decoded.plain;
    this.lower = lowerSameLength(decoded.plain);
    this.entities = decoded.entities;
    this.#identity = decoded.identity;
    this.#rawStart = decoded.rawStart;
    this.#rawEnd = decoded.rawEnd;
    this.length = countGraphemes(decoded.plain);
    this.isBlank = !/[^\s]/u.test(decoded.plain);
  }

  /** Maps a half-open range of the plain text to the raw note. */
  toRaw(start: number, end: number): Span {
    if (this.#identity) return { start, end: Math.max(start, end) };
    const rawStart = this.#rawStart[start] ?? this.raw.length;
    if (end <= start) return { start: rawStart, end: rawStart };
    return { start: rawStart, end: this.#rawEnd[end - 1] ?? this.raw.length };
  }

  /** The whole note without its surrounding white space, in raw offsets. */
  wholeSpan(): Span {
    // Several rules report on the whole note; trim it once.
    if (!this.#wholeSpan) {
      const lead = this.text.length - this.text.trimStart().length;
      const trail = this.text.trimEnd().length;
      this.#wholeSpan = this.toRaw(lead, Math.max(lead, trail));
    }
    return { start: this.#wholeSpan.start, end: this.#wholeSpan.end };
  }

  /** Sentences of the plain text (Intl.Segmenter, so other languages work), trimmed. */
  get sentences(): readonly Sentence[] {
    this.#sentences ??= splitSentences(this.text);
    return this.#sentences;
  }

  /**
   * Tokens, tags, sentences, clauses, language, proper nouns, questions: the
   * language layer (src/text/analysis.ts), computed on first use and kept.
   */
  get analysis(): Analysis {
    this.#analysis ??= analyse(this);
    return this.#analysis;
  }

  /** Every match of a global regex against the plain (or lower-cased) text. */
  *matches(pattern: RegExp, on: 'text' | 'lower' = 'lower'): Generator<RegExpExecArray> {
    if (!pattern.global) throw new TypeError(`pattern ${pattern} needs the g flag`);
    const subject = on === 'lower' ? this.lower : this.text;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(subject); m; m = pattern.exec(subject)) {
      if (m[0] === '') pattern.lastIndex++;
      yield m;
    }
  }
}

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const { segment, index } of sentenceSegmenter.segment(text)) {
    const lead = segment.length - segment.trimStart().length;
    const body = segment.trim();
    if (body) out.push({ text: body, start: index + lead, end: index + lead + body.length });
  }
  return out;
}

// A few characters (Turkish dotted I) grow when lower-cased; keep those as they
// are so that offsets in `lower` and `text` stay the same.
function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  return Array.from(text, (c) => {
    const l = c.toLowerCase();
    return l.length === c.length ? l : c;
  }).join('');
}
