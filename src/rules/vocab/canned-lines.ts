import type { Language } from '../../text/analysis.js';
import type { Note } from '../../text/note.js';
import { compilePhrases, findPhrases, type Hit } from '../model/phrases.js';
import { compileFrame, type Frame, findFrame } from './frames.js';
import vocabulary from './generic-opener.json' with { type: 'json' };

/**
 * Canned lines that stand in for a reason, by kind (vocab/generic-opener.json):
 * the profile seen, the network grown, like-minded people, mutual benefit,
 * what LinkedIn suggested, a shared industry, praise for their content in
 * general, a stock greeting. Besides whole phrases a kind may list frames:
 * slots of words in order ("broaden*" "my" "professional"|"" "circle"), so a
 * new verb or noun is one word of data, not every phrase it makes. Shared by
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
  | 'content'
  | 'stock';
const KINDS: readonly Kind[] = [
  'profile',
  'network',
  'likeMinded',
  'mutual',
  'platform',
  'sameField',
  'content',
  'stock',
];

type Data = Partial<Record<Kind, string[]>> & { frames?: Partial<Record<Kind, Frame[]>> };

const RAW = vocabulary as unknown as Record<string, Data>;

/** A kind's matchers: its phrases as one list, then each of its frames. */
interface Matchers {
  kind: Kind;
  phrases: RegExp | undefined;
  frames: RegExp[];
}

const PATTERNS = new Map<Language, Matchers[]>();

function patternsFor(language: Language): Matchers[] {
  let p = PATTERNS.get(language);
  if (!p) {
    const d = RAW[language] ?? {};
    p = KINDS.map((kind) => ({
      kind,
      phrases: (d[kind]?.length ?? 0) > 0 ? compilePhrases(d[kind]) : undefined,
      frames: (d.frames?.[kind] ?? []).map(compileFrame),
    }));
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
  const folded = note.analysis.folded;
  for (const { kind, phrases, frames } of patternsFor(note.analysis.language)) {
    if (phrases) for (const h of findPhrases(phrases, folded)) hits.push({ ...h, kind });
    for (const frame of frames) for (const h of findFrame(frame, folded)) hits.push({ ...h, kind });
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
