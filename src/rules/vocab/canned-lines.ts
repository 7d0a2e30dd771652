import type { Language } from '../../text/analysis.js';
import type { Note } from '../../text/note.js';
import { listsFor } from '../features/missing-context-lists.js';
import { compilePhrases, findPhrases, type Hit } from '../model/phrases.js';
import { type CompiledFrames, compileFrames, type Frame, findFrames } from './frames.js';
import vocabulary from './generic-opener.json' with { type: 'json' };
import {
  type CompiledLexicon,
  compileLexicon,
  type GenericLexicon,
  genericSentences,
} from './generic-sentence.js';

/**
 * Canned lines that stand in for a reason, by kind (vocab/generic-opener.json):
 * the profile seen, the network grown, like-minded people, mutual benefit,
 * what LinkedIn suggested, a shared industry, praise for their content in
 * general, a stock greeting. Besides whole phrases a kind may list frames:
 * slots of words in order ("broaden*" "my" "professional"|"" "circle"), so a
 * new verb or noun is one word of data, not every phrase it makes; and a
 * sentence of generic words only (vocab/generic-sentence.ts) catches the
 * wordings no frame lists. Shared by
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
  | 'praise'
  | 'observation'
  | 'stock';
const KINDS: readonly Kind[] = [
  'profile',
  'network',
  'likeMinded',
  'mutual',
  'platform',
  'sameField',
  'content',
  'praise',
  'observation',
  'stock',
];

type Data = Partial<Record<Kind, string[]>> & {
  frames?: Partial<Record<Kind, Frame[]>>;
  genericSentence?: GenericLexicon<Kind>;
};

const RAW = vocabulary as unknown as Record<string, Data>;

/** A language's matchers: each kind's phrases as one list, then every frame in one regex. */
interface Matchers {
  phrases: Array<[Kind, RegExp]>;
  frames: CompiledFrames<Kind> | undefined;
  generic: CompiledLexicon<Kind> | undefined;
}

const PATTERNS = new Map<Language, Matchers>();

function patternsFor(language: Language): Matchers {
  let p = PATTERNS.get(language);
  if (!p) {
    const d = RAW[language] ?? {};
    p = {
      phrases: KINDS.filter((k) => (d[k]?.length ?? 0) > 0).map((k) => [k, compilePhrases(d[k])]),
      frames: compileFrames(KINDS.map((k) => [k, d.frames?.[k] ?? []] as const)),
      generic: d.genericSentence && compileLexicon(d.genericSentence),
    };
    PATTERNS.set(language, p);
  }
  return p;
}

export interface CannedLine extends Hit {
  kind: Kind;
  /** A canned clause in a sentence that says something else: the names there are not its own. */
  clause?: boolean;
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
  const found: CannedLine[] = [];
  const folded = note.analysis.folded;
  const { phrases, frames, generic } = patternsFor(note.analysis.language);
  for (const [kind, pattern] of phrases)
    for (const h of findPhrases(pattern, folded)) found.push({ ...h, kind });
  if (frames) found.push(...findFrames(frames, folded));
  const hits = found.filter((h) => !madeSpecific(note, h));
  // A whole generic sentence (or clause) only where no phrase or frame that still
  // counts says which part is canned: "someone with your background" made specific
  // by a name in the sentence leaves its clause of generic words to be judged.
  if (generic) {
    const roles = listsFor(note.analysis.language)?.sets.roleNouns;
    for (const g of genericSentences(note, generic, roles))
      if (!hits.some((h) => h.start < g.end && g.start < h.end) && !madeSpecific(note, g))
        hits.push(g);
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

// What a seen thing is about, or who else was there: "saw your post about the
// migration", "your name came up when I asked Ilse". Where it was seen is not:
// "came across your profile on LinkedIn", "following your work for a while".
const SPECIFIC_AFTER =
  /^\s*(?:(?:about|on|regarding|quoting|re|titled|called|where|that|which|covering|at|from|with)\s+(?!(?:linkedin|here|this platform|the platform|the app|the site|this site|my feed|the feed|your feed|twitter|x|social media|online|the internet|google|search|a while|some time|ages|years|months|a bit|a long time|my|our)(?![a-z0-9]))\S|(?:when|while|after)\s+(?:i\s+)?(?:asked|talking|talked|spoke|speaking|chatting|chatted|mentioned|was\s+(?:talking|chatting|speaking)))/;
const FIELD_ENDS_OF = /\s(?:at|from|of|with|for|in|on)$/;
const FIELD_OF = /^\s+(?:at|from|of|with)\s+\S/;
const SEEN_THINGS = new Set<Kind>(['profile', 'content', 'praise']);
// People sought by who they are to something: "meet the people behind the Pagefind project".
const PEOPLE_OF =
  /^(?:\s+[^\s.,;:!?]+){0,3}?\s*(?:behind|who\s+(?:built|build|made|make|run|runs|ran|wrote|created|founded|organi[sz]ed?)|at)\s+\S/;

// "Heard great things about your work." is still about them in general.
const ABOUT_THEM =
  /^\s*about\s+(?:you|your\s+(?:work|journey|career|experience|profile|background)|what\s+you\s+do)\s*(?:[.,;:!?]|and\b|$)/;
// Kinds whose lines are praise, wishes or promises: a name or a number beside
// them in the sentence is the thing they are about ("your energy at the Cardiff
// hackathon", "hope the Q3 board meeting went well").
const NAMED_IN_SENTENCE = new Set<Kind>(['praise', 'content', 'stock', 'mutual', 'likeMinded']);
// Where the people sought are is no reason ("professionals in the Chicago area");
// who sent you, or what they are to a named thing, is ("Sarah at the co-op named you").
const PLACE_BEFORE = /(?:^|\s)(?:in|across|around|within|throughout|from|based in)(?:\s+the)?\s*$/;

/** A name (not a platform or a field acronym) or a number outside the line, in its sentence. */
function namedInSentence(note: Note, h: CannedLine): boolean {
  const network = h.kind === 'network';
  if (h.clause || (!network && !NAMED_IN_SENTENCE.has(h.kind))) return false;
  const s = note.analysis.sentences.find((x) => x.start <= h.start && h.start < x.end);
  if (!s) return false;
  const folded = note.analysis.folded;
  const sets = listsFor(note.analysis.language)?.sets;
  const named = note.analysis.properNouns.some(
    (p) =>
      p.start >= s.start &&
      p.end <= s.end &&
      (p.end <= h.start || p.start >= h.end) &&
      !sets?.fieldAcronyms.has(p.text.toLowerCase().replace(/s$/, '')) &&
      !sets?.platformNames.has(p.text.toLowerCase()) &&
      !(network && (p.start < h.start || PLACE_BEFORE.test(folded.slice(s.start, p.start)))),
  );
  if (named || network) return named;
  const rest = folded.slice(s.start, h.start) + folded.slice(h.end, s.end);
  return /\d/.test(rest);
}

/**
 * A canned phrase made specific is no longer canned: a seen thing followed by
 * what it was about, or a shared field that is a name ("we're both in YC W26",
 * "a fellow Stanford alum": a cohort, a school, not an industry).
 */
function madeSpecific(note: Note, h: CannedLine): boolean {
  const after = note.analysis.folded.slice(h.end, h.end + 80);
  if (SEEN_THINGS.has(h.kind) && SPECIFIC_AFTER.test(after) && !ABOUT_THEM.test(after)) return true;
  if (h.kind === 'network' && PEOPLE_OF.test(after)) return true;
  if (namedInSentence(note, h)) return true;
  if (h.kind !== 'sameField' && h.kind !== 'likeMinded') return false;
  // "you're also a volunteer at the food bank": a place or group, not a field.
  const folded = note.analysis.folded;
  if (
    h.kind === 'sameField' &&
    (FIELD_ENDS_OF.test(folded.slice(h.start, h.end)) ||
      FIELD_OF.test(folded.slice(h.end, h.end + 40)))
  )
    return true;
  const sets = listsFor(note.analysis.language)?.sets;
  return note.analysis.properNouns.some(
    (p) =>
      p.start < h.end &&
      p.end > h.start &&
      !sets?.fieldAcronyms.has(p.text.toLowerCase()) &&
      !sets?.platformNames.has(p.text.toLowerCase()),
  );
}
