/**
 * The recipient inside the clauses: their name from a Slack mention, every mention of them
 * replaced by the marker person rewriting turns into "you", and their pronouns.
 */
import { derived } from './derived-lists.js';
import type { LanguagePack } from './language.js';
import type { PersonName } from './names.js';
import { type PronounSet, RECIPIENT, RECIPIENT_POSSESSIVE } from './person.js';
import { phrases } from './phrases.js';

export function personFromMention(display: string): PersonName {
  const full = display.trim();
  const first = full.split(/\s+/)[0] as string;
  const greet = first.charAt(0).toUpperCase() + first.slice(1);
  return { full, greet, forms: [full, first].sort((a, b) => b.length - a.length) };
}

/** One pattern for every form of their name, longest first, built once per context. */
export function recipientPattern(name: PersonName | undefined): RegExp | undefined {
  if (!name) return undefined;
  const forms = name.forms.map(escapeRe).join('|');
  return new RegExp(`(?<![\\p{L}])(?:${forms})(['’]s)?(?![\\p{L}])`, 'gu');
}

/** Every mention of the recipient becomes the marker, so person rewriting can say "you". */
export function markRecipient(clause: string, recipient: RegExp | undefined): string {
  if (!recipient) return clause;
  const out = clause.replace(recipient, (_, possessive?: string) =>
    possessive ? RECIPIENT_POSSESSIVE : RECIPIENT,
  );
  // "Dr. ⟨R⟩": the title goes with the name.
  return out.replace(
    /\b(?:the\s+)?(?:founder|cofounder|co-founder|its founder)\s+(?=\uE000)/giu,
    '',
  );
}

export function unmark(clause: string, name: PersonName | undefined): string {
  return clause
    .replaceAll(RECIPIENT_POSSESSIVE, `${name?.full ?? ''}'s`)
    .replaceAll(RECIPIENT, name?.full ?? '');
}

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The recipient's pronouns: "(they/them)" if given, else the first she/he of the text; "they" only alone. */
export function recipientPronoun(clauses: string[], pack: LanguagePack): PronounSet | undefined {
  const text = clauses.join(' ; ');
  if (/\b(?:they\/them|elle\/lui|ellx)\b/i.test(text)) return 'they';
  let firstAt = Number.POSITIVE_INFINITY;
  let found: PronounSet | undefined;
  const lists = derived(pack).pronouns;
  for (const set of ['she', 'he'] as const) {
    const list = lists[set];
    if (!list) continue;
    const m = phrases(list).exec(text);
    if (m && m.index < firstAt) {
      firstAt = m.index;
      found = set;
    }
  }
  if (found) return found;
  const they = lists.they;
  if (they && phrases(they).test(text)) return 'they';
  return undefined;
}

export function isPronoun(word: string, pack: LanguagePack, set: PronounSet | undefined): boolean {
  if (!set) return false;
  const p = pack.read.pronouns[set];
  return Boolean(
    p && [...p.subject, ...p.contracted].some((x) => x.toLowerCase().replace(/’/g, "'") === word),
  );
}
