import { BIDI_CONTROLS } from '../text/mrkdwn.js';
import { LedgerInputError } from './errors.js';

/** Who an invitation went to. At least one of the two is known. */
export interface Recipient {
  /** The name as the user typed it (trimmed, inner whitespace collapsed). */
  name?: string | undefined;
  /** Canonical profile URL: `https://www.linkedin.com/in/<slug>/`. */
  profileUrl?: string | undefined;
}

const MAX_NAME = 200;

// C0 and C1 controls (after whitespace is collapsed, none is left in a real name).
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const BIDI = new RegExp(BIDI_CONTROLS.source);

/**
 * Why `name` cannot be a recipient's name, or `undefined` when it can: the
 * one check for every name, typed, carried by a button or imported. It is
 * whitespace-collapsed first, as it is stored.
 */
export function nameProblem(name: string): string | undefined {
  if (name.length > MAX_NAME) return `The recipient name is longer than ${MAX_NAME} characters.`;
  if (CONTROL.test(name)) return 'That name holds control characters; type it as plain text.';
  // They would reorder how the name (and what follows it) shows in every reply and list.
  if (BIDI.test(name))
    return 'That name holds invisible text-direction characters; type it as plain text.';
  // Slack markup: a mention, a channel, a broadcast or a link would ping or unfurl where it is shown.
  if (/[<>]/.test(name))
    return 'Type the name as plain text (no mentions or links), or paste the LinkedIn profile address.';
  return undefined;
}

/**
 * A name in the form used for matching: accents and other combining marks
 * removed, case folded, whitespace collapsed. "  José  DA Silva " → "jose da silva".
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * The profile slug of a LinkedIn member URL, lower-cased and decoded, or
 * `undefined` when the text is not one. Accepts it with or without scheme,
 * `www.` or a country subdomain, query string or trailing slashes:
 * `linkedin.com/in/x` and `https://www.linkedin.com/in/X/?trk=y` give `x`.
 */
export function profileSlug(text: string): string | undefined {
  // Pure and called pairwise when a ledger is grouped by recipient (the
  // digest's reopening windows): remembered, within a bounded cache.
  if (slugCache.has(text)) return slugCache.get(text);
  const slug = parseProfileSlug(text);
  if (slugCache.size >= SLUG_CACHE_MAX) slugCache.clear();
  slugCache.set(text, slug);
  return slug;
}

const SLUG_CACHE_MAX = 10_000;
const slugCache = new Map<string, string | undefined>();

function parseProfileSlug(text: string): string | undefined {
  let raw = text.trim();
  if (raw === '') return undefined;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) raw = `https://${raw}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const host = url.hostname.toLowerCase();
  if (host !== 'linkedin.com' && !host.endsWith('.linkedin.com')) return undefined;
  const match = /^\/in\/([^/]+)\/*$/i.exec(url.pathname);
  if (!match?.[1]) return undefined;
  let slug: string;
  try {
    slug = decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
  slug = slug.normalize('NFC').toLowerCase();
  return slug.trim() === '' ? undefined : slug;
}

/** The canonical form `https://www.linkedin.com/in/<slug>/`, or `undefined` when `text` is not a profile URL. */
export function canonicalProfileUrl(text: string): string | undefined {
  const slug = profileSlug(text);
  return slug === undefined
    ? undefined
    : `https://www.linkedin.com/in/${encodeURIComponent(slug)}/`;
}

/**
 * Builds a recipient from what the user gave: a name, a profile URL, or both.
 * Throws {@link LedgerInputError} when neither is usable.
 */
export function makeRecipient(input: {
  name?: string | undefined;
  profileUrl?: string | undefined;
}): Recipient {
  const recipient: Recipient = {};
  if (input.name !== undefined) {
    if (typeof input.name !== 'string')
      throw new LedgerInputError('The recipient name must be text.');
    const name = input.name.replace(/\s+/gu, ' ').trim();
    const problem = nameProblem(name);
    if (problem !== undefined) throw new LedgerInputError(problem);
    if (name !== '') recipient.name = name;
  }
  if (input.profileUrl !== undefined && input.profileUrl.trim() !== '') {
    const url = canonicalProfileUrl(input.profileUrl);
    if (url === undefined) {
      throw new LedgerInputError(
        'That is not a LinkedIn profile address: expected something like https://www.linkedin.com/in/name/.',
      );
    }
    recipient.profileUrl = url;
  }
  if (recipient.name === undefined && recipient.profileUrl === undefined) {
    throw new LedgerInputError(
      'Say who the invitation went to: a name or a LinkedIn profile address.',
    );
  }
  return recipient;
}

/**
 * Reads what follows `/invite-log sent`: a profile URL (bare, or as Slack sends
 * links, `<https://…>` or `<https://…|label>`) or else a name.
 */
export function parseRecipient(text: string): Recipient {
  const trimmed = text.trim();
  const link = /^<([^|>]+)(?:\|[^>]*)?>$/.exec(trimmed);
  const candidate = link?.[1] ?? trimmed;
  if (/linkedin\.com\//i.test(candidate)) return makeRecipient({ profileUrl: candidate });
  return makeRecipient({ name: trimmed });
}

/**
 * Whether two recipients are the same person. When both have a profile URL the
 * URL decides (two people may share a name); otherwise the normalised names do.
 */
export function sameRecipient(a: Recipient, b: Recipient): boolean {
  if (a.profileUrl !== undefined && b.profileUrl !== undefined) {
    return profileSlug(a.profileUrl) === profileSlug(b.profileUrl);
  }
  if (a.name !== undefined && b.name !== undefined) {
    return normaliseName(a.name) === normaliseName(b.name);
  }
  return false;
}
