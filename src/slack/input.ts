/**
 * What people type that the app reads as something else than a note: who an
 * invitation went to, and the name a note greets.
 */
import { LedgerInputError, parseRecipient, type Recipient } from '../ledger/index.js';
import { noteTraits } from '../ledger/traits.js';
import type { CheckReport } from '../types.js';
import type { SentState } from './payload.js';

/** Longest recipient text read: a name (200) or a profile URL with some tracking left on it. */
export const MAX_RECIPIENT_INPUT = 300;

/** What "I sent it" under this checked note carries. */
export function sentState(source: SentState['s'], note: string, report: CheckReport): SentState {
  const name = greetedName(note);
  const traits = noteTraits(report);
  return {
    s: source,
    l: report.length,
    ...(name ? { n: name } : {}),
    ...(traits ? { t: `${Number(traits.context)}${Number(traits.nextStep)}` } : {}),
  };
}

const NOT_NAMES = new Set(['there', 'all', 'everyone', 'team', 'folks', 'sir', 'madam']);

/**
 * The first name a note greets ("Hi Sam, …" → "Sam"), or `undefined`. Only a
 * prefill for the recipient question: the note rarely says who it is for.
 */
export function greetedName(note: string): string | undefined {
  const match =
    /^\s*(?:[Hh]i|[Hh]ello|[Hh]ey|[Dd]ear|[Gg]ood (?:[Mm]orning|[Aa]fternoon|[Ee]vening))\s+(\p{Lu}[\p{L}'’-]{0,39})(?=[\s,!.:;]|$)/u.exec(
      note,
    );
  const name = match?.[1];
  if (name === undefined || NOT_NAMES.has(name.toLowerCase())) return undefined;
  return name;
}

export type RecipientReading = { recipient: Recipient } | { error: string };

/**
 * Who an invitation went to, from what the user typed after the verb (as Slack
 * sends command text: typed `&`, `<`, `>` arrive as entities, links as
 * `<https://…|label>`) or in the modal. Refuses markup, mentions and
 * oversized text with a friendly message that echoes none of it.
 */
export function readRecipient(text: string): RecipientReading {
  const trimmed = text.trim();
  if (trimmed === '') {
    return { error: 'Say who the invitation went to: a name or a LinkedIn profile address.' };
  }
  if (trimmed.length > MAX_RECIPIENT_INPUT) {
    return {
      error: `That is ${trimmed.length.toLocaleString('en-US')} characters; a name or a profile address is much shorter.`,
    };
  }
  const link = /^<(https?:\/\/[^|>\s]+)(?:\|[^>]*)?>$/i.exec(trimmed);
  if (link && !/^https?:\/\/([a-z0-9-]+\.)*linkedin\.com\//i.test(link[1] ?? '')) {
    return {
      error:
        'That is not a LinkedIn profile address: expected something like https://www.linkedin.com/in/name/.',
    };
  }
  // Typed `<`, `>` arrive as entities: decoded, a mention typed as text is refused like one sent as markup.
  // The name itself (markup, control and bidi characters, length) is checked by makeRecipient.
  const raw = link ? trimmed : trimmed.replace(/&lt;|&gt;/g, (m) => (m === '&lt;' ? '<' : '>'));
  try {
    return { recipient: parseRecipient(link ? raw : raw.replace(/&amp;/g, '&')) };
  } catch (error) {
    if (error instanceof LedgerInputError) return { error: error.message };
    throw error;
  }
}
