/**
 * sales-pitch's vocabularies (src/rules/vocab/sales-pitch.json), compiled once
 * per language; their hits in a note, minus the words that are part of a name
 * or a quoted title; and the hits handed to each clause.
 */
import type { Clause } from '../../text/analysis.js';
import type { Language } from '../../text/language.js';
import type { Note } from '../../text/note.js';
import { compilePhrases, findPhrases, type Hit } from '../model/phrases.js';
import vocab from '../vocab/sales-pitch.json' with { type: 'json' };

export const CATEGORIES = [
  'offerVerbs',
  'giveVerbs',
  'sellerNouns',
  'sellerRoles',
  'customerNouns',
  'customerMarkers',
  'outcomes',
  'commercial',
  'offerCta',
  'meetingAsk',
  'salesMeeting',
  'scarcity',
  'bookingLinks',
  'hiring',
  'buying',
  'advice',
  'invite',
  'thanks',
  'intro',
  'invitationActs',
  'freeWords',
  'peerSharing',
  'communities',
  'jobOffers',
  'creditsReader',
  'hostedThings',
  'joinAsks',
  'budgets',
  'applies',
  'tenders',
] as const;
export type Category = (typeof CATEGORIES)[number];

export type Known = Exclude<Language, 'unknown'>;
const table = vocab as unknown as Record<Known, Partial<Record<Category, string[]>>>;

const compiled = new Map<Known, Record<Category, RegExp>>();
export function patterns(language: Known): Record<Category, RegExp> {
  let p = compiled.get(language);
  if (!p) {
    const lists = table[language];
    p = Object.fromEntries(CATEGORIES.map((c) => [c, compilePhrases(lists?.[c])])) as Record<
      Category,
      RegExp
    >;
    compiled.set(language, p);
  }
  return p;
}

/** The selling vocabularies whose words can also be part of a title or a name. */
export const NAMEABLE: ReadonlySet<Category> = new Set([
  'offerVerbs',
  'giveVerbs',
  'sellerNouns',
  'customerNouns',
  'outcomes',
  'commercial',
]);

// A quoted title: opening quote not inside a word ("I'd" is no quote), up to 80 characters.
export const QUOTE_MAX = 82;
// Each opening quote is matched before the look-behind that checks the character in front of
// it, so the regex tries the look-behind only at quotes, not at every position of the note.
const QUOTED =
  /(?:'(?<![\p{L}\p{N}]')[^'\n]{1,80}'|"(?<![\p{L}\p{N}]")[^"\n]{1,80}"|“(?<![\p{L}\p{N}]“)[^”\n]{1,80}”|‘(?<![\p{L}\p{N}]‘)[^’\n]{1,80}’|«(?<![\p{L}\p{N}]«)[^»\n]{1,80}»|„(?<![\p{L}\p{N}]„)[^“\n]{1,80}“)(?![\p{L}\p{N}])/gu;

export function quotedSpans(text: string): Array<{ start: number; end: number }> {
  return Array.from(text.matchAll(QUOTED), (m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Every vocabulary's hits in the folded text, minus the words that are part of a name or title. */
export function vocabularyHits(note: Note, p: Record<Category, RegExp>): Record<Category, Hit[]> {
  const a = note.analysis;
  const folded = a.folded;
  const hits = {} as Record<Category, Hit[]>;
  // A title or a name ("Slow Growth", the podcast Build Mode) names a thing; its words sell nothing.
  // Hits lie in the stretch the layer analysed (a 100 KB note is read for its first 3,000
  // characters); a quote may close up to QUOTE_MAX characters past it.
  // Found on first use: most notes have no hit that a name could hold.
  let names: Array<{ start: number; end: number }> | undefined;
  const inName = (h: Hit) => {
    names ??= [...quotedSpans(note.text.slice(0, folded.length + QUOTE_MAX)), ...a.properNouns];
    return names.some((n) => h.start >= n.start && h.end <= n.end);
  };
  // Mid-sentence capitals start a name too, where the tagger missed it (not in German: nouns are capitalised).
  const capitalised = (h: Hit) =>
    a.language !== 'de' &&
    /\p{Lu}/u.test(note.text[h.start] ?? '') &&
    !/(?:^|[.!?:;\n])\s*$/u.test(note.text.slice(Math.max(0, h.start - 3), h.start));
  // A plural acronym ("SMBs", "CTOs") is a class of people, not a name.
  // Nor is an acronym or a mixed-case term ("B2B", "SaaS", "CRM"): capitals inside the word, not a name's.
  const acronymClass = (h: Hit) =>
    /^\p{Lu}{2,}s$|^\p{Lu}[\p{Lu}\p{N}]+$|^\p{Lu}\p{Ll}+\p{Lu}/u.test(
      note.text.slice(h.start, h.end),
    );
  const named = (h: Hit) => !acronymClass(h) && (capitalised(h) || inName(h));
  for (const c of CATEGORIES) {
    const found = findPhrases(p[c], folded);
    hits[c] = NAMEABLE.has(c) ? found.filter((h) => !named(h)) : found;
  }
  return hits;
}

const NO_HITS = Object.freeze([]) as unknown as Hit[];

/**
 * Hits handed to the clauses in one sweep (clauses are in order), not a scan
 * per clause: a 100 KB note has thousands of both.
 */
export function sweep(hits: Record<Category, Hit[]>): (cl: Clause) => Record<Category, Hit[]> {
  // By category index, the category's hits and how far the sweep has gone in them.
  const lists = CATEGORIES.map((c) => hits[c]);
  const cursor = new Array<number>(CATEGORIES.length).fill(0);
  return (cl: Clause): Record<Category, Hit[]> => {
    const out = {} as Record<Category, Hit[]>;
    for (let n = 0; n < CATEGORIES.length; n++) {
      const list = lists[n] as Hit[];
      let i = cursor[n] as number;
      while (i < list.length && (list[i] as Hit).start < cl.start) i++;
      const from = i;
      while (i < list.length && (list[i] as Hit).start < cl.end) i++;
      cursor[n] = i;
      // Most categories have no hit in a clause: those share one frozen empty list (readers
      // replace a clause's lists, never push to them; a push would throw, not go unseen).
      let inClause = NO_HITS;
      for (let k = from; k < i; k++) {
        if ((list[k] as Hit).end > cl.end) continue;
        if (inClause === NO_HITS) inClause = [];
        inClause.push(list[k] as Hit);
      }
      out[CATEGORIES[n] as Category] = inClause;
    }
    return out;
  };
}
