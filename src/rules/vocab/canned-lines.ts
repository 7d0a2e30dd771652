import type { Language } from '../../text/analysis.js';
import type { Note } from '../../text/note.js';
import { compilePhrases, findPhrases, type Hit } from '../model/phrases.js';
import vocabulary from './generic-opener.json' with { type: 'json' };

/**
 * Canned lines that stand in for a reason, by kind (vocab/generic-opener.json):
 * the profile seen, the network grown, like-minded people, mutual benefit,
 * what LinkedIn suggested, a shared industry, a stock greeting. Shared by
 * generic-opener (which reports them) and missing-context (for which they are
 * a sign that no context is there).
 */
export type Kind =
  | 'profile'
  | 'network'
  | 'likeMinded'
  | 'mutual'
  | 'platform'
  | 'sameField'
  | 'stock';
const KINDS: readonly Kind[] = [
  'profile',
  'network',
  'likeMinded',
  'mutual',
  'platform',
  'sameField',
  'stock',
];

const RAW = vocabulary as unknown as Record<string, Partial<Record<Kind, string[]>>>;
const PATTERNS = new Map<Language, Array<[Kind, RegExp]>>();

function patternsFor(language: Language): Array<[Kind, RegExp]> {
  let p = PATTERNS.get(language);
  if (!p) {
    const d = RAW[language] ?? {};
    p = KINDS.filter((k) => (d[k]?.length ?? 0) > 0).map((k) => [k, compilePhrases(d[k])]);
    PATTERNS.set(language, p);
  }
  return p;
}

export interface CannedLine extends Hit {
  kind: Kind;
}

// Per note: missing-context and generic-opener both ask for a note's canned lines.
const FOUND = new WeakMap<Note, readonly CannedLine[]>();

/** The canned lines of a note (plain-text offsets), in order, none overlapping. */
export function cannedLines(note: Note): readonly CannedLine[] {
  let found = FOUND.get(note);
  if (!found) {
    found = findCannedLines(note);
    FOUND.set(note, found);
  }
  return found;
}

function findCannedLines(note: Note): CannedLine[] {
  const hits: CannedLine[] = [];
  for (const [kind, pattern] of patternsFor(note.analysis.language)) {
    for (const h of findPhrases(pattern, note.analysis.folded)) hits.push({ ...h, kind });
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: CannedLine[] = [];
  for (const h of hits) {
    const last = out.at(-1);
    if (last && h.start < last.end) continue;
    out.push(h);
  }
  return out;
}
