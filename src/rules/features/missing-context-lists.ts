/**
 * missing-context's vocabularies (vocab/missing-context.json), compiled once
 * per language: phrase matchers for the multi-word lists, sets for the rest.
 */
import type { Language, Token } from '../../text/analysis.js';
import { compilePhrases } from '../model/phrases.js';
import vocabulary from '../vocab/missing-context.json' with { type: 'json' };

export const LIST_NAMES = [
  'sharedHistory',
  'sharedNouns',
  'specificThings',
  'genericThings',
  'ownerWords',
  'referral',
  'kin',
  'consumeVerbs',
  'recipientVerbs',
  'sharedMarkers',
  'notShared',
  'fellowOk',
  'platform',
  'flattery',
  'platformNames',
  'fieldAcronyms',
  'thanks',
  'throughPerson',
  'kinOwners',
  'negations',
  'articles',
  'memoryVerbs',
  'wishedPast',
  'senderOwned',
  // "my", not "our": "our conversation" may be the two of them.
  'senderAlone',
  'noteItself',
  'roleNouns',
  'titleModifiers',
  'genericPieces',
  'eventDays',
  // Month names: a date, not a place or group ("since January", "in March").
  'months',
  'orgUnits',
] as const;
export type ListName = (typeof LIST_NAMES)[number];

export interface Lists {
  history: RegExp;
  referral: RegExp;
  platform: RegExp;
  flattery: RegExp;
  thanks: RegExp;
  throughPerson: RegExp;
  kinAfterOwner: RegExp;
  sets: Record<ListName, ReadonlySet<string>>;
}

const RAW = vocabulary as unknown as Record<string, Partial<Record<ListName, string[]>>>;

function compile(language: Language): Lists | undefined {
  const d = RAW[language];
  if (!d) return undefined;
  // Every list exists for every known language, empty if its data has none.
  const sets = Object.fromEntries(
    LIST_NAMES.map((n) => [n, new Set(d[n] ?? [])]),
  ) as unknown as Record<ListName, ReadonlySet<string>>;
  // "my sister", "a mutual friend", "mi amiga": a person the sender shares with them.
  const kin = (d.kin ?? []).flatMap((k) => (d.kinOwners ?? []).map((o) => `${o} ${k}`));
  return {
    history: compilePhrases(d.sharedHistory),
    referral: compilePhrases(d.referral),
    platform: compilePhrases(d.platform),
    flattery: compilePhrases(d.flattery),
    thanks: compilePhrases(d.thanks),
    throughPerson: compilePhrases(d.throughPerson),
    kinAfterOwner: compilePhrases(kin),
    sets,
  };
}

const LISTS = new Map<Language, Lists | undefined>();
export function listsFor(language: Language): Lists | undefined {
  if (!LISTS.has(language)) LISTS.set(language, compile(language));
  return LISTS.get(language);
}

/** Whether word i is a shared marker, a two-word one ("as well") by its first word. */
export function isSharedMarker(
  words: readonly Token[],
  i: number,
  sets: Record<ListName, ReadonlySet<string>>,
): boolean {
  const w = words[i] as Token;
  if (sets.sharedMarkers.has(w.lower)) return true;
  // Only a word that starts a two-word marker builds the pair: this runs for every word.
  const next = words[i + 1];
  return (
    next !== undefined &&
    firstWords(sets).has(w.lower) &&
    sets.sharedMarkers.has(`${w.lower} ${next.lower}`)
  );
}

const FIRST_WORDS = new WeakMap<ReadonlySet<string>, ReadonlySet<string>>();

function firstWords(sets: Record<ListName, ReadonlySet<string>>): ReadonlySet<string> {
  let first = FIRST_WORDS.get(sets.sharedMarkers);
  if (!first) {
    first = new Set(
      [...sets.sharedMarkers].filter((m) => m.includes(' ')).map((m) => m.split(' ')[0] as string),
    );
    FIRST_WORDS.set(sets.sharedMarkers, first);
  }
  return first;
}
