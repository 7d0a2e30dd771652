/**
 * sales-pitch's vocabularies (src/rules/vocab/sales-pitch.json), compiled once
 * per language, and what tells a vocabulary word from part of a name or a
 * quoted title.
 */
import type { Language } from '../../text/language.js';
import { compilePhrases } from '../model/phrases.js';
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
const QUOTED =
  /(?<![\p{L}\p{N}])(?:'[^'\n]{1,80}'|"[^"\n]{1,80}"|“[^”\n]{1,80}”|‘[^’\n]{1,80}’|«[^»\n]{1,80}»|„[^“\n]{1,80}“)(?![\p{L}\p{N}])/gu;

export function quotedSpans(text: string): Array<{ start: number; end: number }> {
  return Array.from(text.matchAll(QUOTED), (m) => ({ start: m.index, end: m.index + m[0].length }));
}
