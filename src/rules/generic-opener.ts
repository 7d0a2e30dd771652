import type { Language } from '../text/analysis.js';
import type { Note } from '../text/note.js';
import { at, quote, type Rule, type RuleFinding } from './rule.js';
import vocabulary from './vocab/generic-opener.json' with { type: 'json' };
import { findAll, type PhraseHit, phraseRegex } from './vocab/phrases.js';

/**
 * Canned lines that automation tools and copy-paste templates use in place of
 * a reason, by kind: the profile seen, the network grown, like-minded people,
 * mutual benefit, what LinkedIn suggested, a shared industry, a stock
 * greeting. The words per language live in vocab/generic-opener.json; what
 * makes a line canned is that it would fit any recipient. "Came across your
 * talk on X" names something real, so only the profile-shaped versions count.
 */
type Kind = 'profile' | 'network' | 'likeMinded' | 'mutual' | 'platform' | 'sameField' | 'stock';
const KINDS: readonly Kind[] = [
  'profile',
  'network',
  'likeMinded',
  'mutual',
  'platform',
  'sameField',
  'stock',
];

const WHY: Record<Kind, (phrase: string) => string> = {
  profile: (p) =>
    `${p} is what automation says: it names their profile, not a reason to connect with them.`,
  network: (p) => `${p} says why you want more connections, not why this person.`,
  likeMinded: (p) => `${p} is a stock phrase that could be sent to anyone.`,
  mutual: (p) => `${p} promises mutual benefit without saying anything about them.`,
  platform: (p) => `${p} is something LinkedIn shows everyone, not a reason you chose them.`,
  sameField: (p) =>
    `${p}: sharing an industry is true of thousands of people, so it is not a reason.`,
  stock: (p) => `${p} is a stock opener that reads as a template.`,
};

const RAW = vocabulary as unknown as Record<string, Partial<Record<Kind, string[]>>>;
const PATTERNS = new Map<Language, Array<[Kind, RegExp]>>();

function patternsFor(language: Language): Array<[Kind, RegExp]> {
  let p = PATTERNS.get(language);
  if (!p) {
    const d = RAW[language] ?? {};
    p = KINDS.filter((k) => (d[k]?.length ?? 0) > 0).map((k) => [k, phraseRegex(d[k])]);
    PATTERNS.set(language, p);
  }
  return p;
}

export interface CannedLine extends PhraseHit {
  kind: Kind;
}

/** The canned lines of a note (plain-text offsets), in order, none overlapping. */
export function cannedLines(note: Note): CannedLine[] {
  const hits: CannedLine[] = [];
  for (const [kind, pattern] of patternsFor(note.analysis.language)) {
    for (const h of findAll(pattern, note.lower)) hits.push({ ...h, kind });
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

export const genericOpener: Rule = {
  id: 'generic-opener',
  level: 'warning',
  description:
    'A canned, automated-sounding line stands in for context: "I came across your profile", "expanding my network", "like-minded professionals", "we could add value to each other".',
  check(note) {
    const out: RuleFinding[] = [];
    for (const h of cannedLines(note)) {
      out.push(
        at(
          note,
          h.start,
          h.end,
          WHY[h.kind](quote(note.text.slice(h.start, h.end))),
          'Replace it with the specific reason: where you met, who suggested you connect, or the piece of their work you read.',
        ),
      );
    }
    return out;
  },
};
