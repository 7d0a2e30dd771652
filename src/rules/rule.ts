import type { EntityKind } from '../text/decode.js';
import type { Note, Span } from '../text/note.js';
import type { Account, Level } from '../types.js';

export interface RuleContext {
  account: Account;
  limit: number;
}

/** What a rule reports; the engine adds the rule id and level. Offsets are raw. */
export interface RuleFinding extends Span {
  message: string;
  fix: string;
}

export interface Rule {
  /** Stable kebab-case id; the contract ids never change meaning. */
  id: string;
  level: Level;
  description: string;
  check(note: Note, context: RuleContext): RuleFinding[];
}

/** A finding at a range of the plain text. */
export function at(
  note: Note,
  start: number,
  end: number,
  message: string,
  fix: string,
): RuleFinding {
  const span = note.toRaw(start, end);
  return { start: span.start, end: span.end, message, fix };
}

/** A finding about the note as a whole (something missing rather than something wrong). */
export function whole(note: Note, message: string, fix: string): RuleFinding {
  const span = note.wholeSpan();
  return { start: span.start, end: span.end, message, fix };
}

/** Quote a snippet of the note for a message, shortened if long. */
export function quote(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `“${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}”`;
}

/**
 * Plain-text spans of the note's Slack entities of one kind, plus the matches
 * of a pattern that do not overlap them or each other, in order. `trim`
 * returns the span a match really covers, or undefined to skip it.
 */
export function entityAndPatternSpans(
  note: Note,
  kind: EntityKind,
  pattern: RegExp,
  on: 'text' | 'lower',
  trim: (m: RegExpExecArray) => [number, number] | undefined = (m) => [
    m.index,
    m.index + m[0].length,
  ],
): Array<[number, number]> {
  const spans: Array<[number, number]> = note.entities
    .filter((e) => e.kind === kind)
    .map((e) => [e.start, e.end]);
  for (const m of note.matches(pattern, on)) {
    const span = trim(m);
    if (span && !overlapsAny(spans, span)) spans.push(span);
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

export function overlapsAny(
  spans: ReadonlyArray<[number, number]>,
  [s, e]: [number, number],
): boolean {
  return spans.some(([a, b]) => s < b && e > a);
}
