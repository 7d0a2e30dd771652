/**
 * Everything the app reads back from a Slack payload it built: button values,
 * modal metadata, action and block ids. Each encoder has its decoder beside
 * it, and every decoder trusts nothing (a payload can be forged).
 */
import { makeRecipient, OUTCOMES, type Outcome, type Recipient } from '../ledger/index.js';
import type { NoteTraits } from '../ledger/records.js';
import { isAccount } from '../limits.js';
import type { Account } from '../types.js';
import { truncate } from './blocks/text.js';

// "I sent it" under a check or a draft.

/**
 * What "I sent it" carries: where the note came from, its length and its
 * traits, never the note. Kept short: it rides in a button value.
 */
export interface SentState {
  s: 'check' | 'draft';
  /** The note's length in characters as a person sees them. */
  l: number;
  /** A first name from the note's greeting, to prefill the recipient. */
  n?: string;
  /**
   * The note's {@link NoteTraits} as two digits, context then next step
   * (`"10"`: context, no next step). Absent without a note, and on buttons
   * made before traits were kept.
   */
  t?: string;
}

/** The traits a {@link SentState} carries, if any. */
export function sentTraits(state: SentState): NoteTraits | undefined {
  if (state.t === undefined) return undefined;
  return { context: state.t[0] === '1', nextStep: state.t[1] === '1' };
}

export function encodeSent(state: SentState): string {
  return JSON.stringify(state);
}

export function decodeSent(value: string | undefined): SentState | undefined {
  try {
    const s = JSON.parse(value ?? '') as Partial<SentState>;
    if (s.s !== 'check' && s.s !== 'draft') return undefined;
    if (typeof s.l !== 'number' || !Number.isInteger(s.l) || s.l < 0 || s.l > 10_000)
      return undefined;
    if (s.n !== undefined && (typeof s.n !== 'string' || s.n.length > 40)) return undefined;
    // Traits only with a note, and only as two 0/1 digits.
    if (s.t !== undefined && (typeof s.t !== 'string' || !/^[01]{2}$/.test(s.t) || s.l === 0))
      return undefined;
    return { s: s.s, l: s.l, ...(s.n ? { n: s.n } : {}), ...(s.t ? { t: s.t } : {}) };
  } catch {
    return undefined;
  }
}

// "Log it anyway": the recipient.

/**
 * What "Log it anyway" carries: the recipient as stored, nothing else. The
 * address goes as its characters, not percent-encoded (a slug in another
 * script would triple, past Slack's 2,000 characters); decoding makes it
 * canonical again.
 */
export function encodeRecipient(recipient: Recipient): string {
  const u = recipient.profileUrl === undefined ? undefined : readableUrl(recipient.profileUrl);
  return JSON.stringify({ n: recipient.name, u });
}

function readableUrl(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    // Not well-formed percent-encoding (never from makeRecipient): sent as it is.
    return url;
  }
}

export function decodeRecipient(value: string | undefined): Recipient | undefined {
  try {
    const r = JSON.parse(value ?? '') as { n?: unknown; u?: unknown };
    const name = typeof r.n === 'string' ? r.n : undefined;
    const profileUrl = typeof r.u === 'string' ? r.u : undefined;
    if (name === undefined && profileUrl === undefined) return undefined;
    // A value could be forged: name and address both go through the checks typed ones get.
    return makeRecipient({ name, profileUrl });
  } catch {
    return undefined;
  }
}

// The draft buttons and the edit modal.

/** Slack's limit on a button's `value`, in characters (counted here in UTF-16 units, the stricter count). */
export const MAX_BUTTON_VALUE = 2000;

/** What the buttons need to draft again: carried in their values, so no state is kept on our side. */
export interface DraftState {
  /** The context as the user typed it. */
  c: string;
  a: Account;
  /** Variant. */
  v: number;
  /** Aim at most this long ("Shorter"). */
  m?: number;
}

/** What "Check my edit" carries: the note as drafted and the account. */
export interface EditState {
  n: string;
  a: Account;
}

/*
 * Button values are `<tag>|<fields>|<text>`, the user's text last and as it
 * is: JSON would escape quotes, backslashes and newlines, doubling a context
 * of quotes past Slack's limit. Values from buttons made before (JSON) are
 * still read.
 */
const STATE_TAG = 'd2';
const EDIT_TAG = 'e2';
const STATE_VALUE = /^d2\|(basic|premium)\|(\d{1,6})\|(\d{0,6})\|([\s\S]*)$/;
const EDIT_VALUE = /^e2\|(basic|premium)\|([\s\S]*)$/;

/**
 * `head` then as much of `text` as fits in a button value: always all of it
 * for what the app lets in (a context of {@link MAX_DRAFT_INPUT}, the form's
 * fields, a note); the cut is a last guard so Slack never refuses a message.
 */
function buttonValue(head: string, text: string): string {
  return head + truncate(text, MAX_BUTTON_VALUE - head.length);
}

export function encodeState(state: DraftState): string {
  return buttonValue(`${STATE_TAG}|${state.a}|${state.v}|${state.m ?? ''}|`, state.c);
}

export function encodeEdit(edit: EditState): string {
  return buttonValue(`${EDIT_TAG}|${edit.a}|`, edit.n);
}

export function decodeEdit(value: string | undefined): EditState | undefined {
  const match = EDIT_VALUE.exec(value ?? '');
  if (match) return { n: match[2] as string, a: match[1] as Account };
  try {
    const s = JSON.parse(value ?? '') as Partial<EditState>;
    return typeof s.n === 'string' && isAccount(s.a) ? { n: s.n, a: s.a } : undefined;
  } catch {
    return undefined;
  }
}

export function decodeState(value: string | undefined): DraftState | undefined {
  const match = STATE_VALUE.exec(value ?? '');
  if (match) {
    const m = match[3] ? Number(match[3]) : undefined;
    return {
      c: match[4] as string,
      a: match[1] as Account,
      v: Number(match[2]),
      ...(m ? { m } : {}),
    };
  }
  try {
    const s = JSON.parse(value ?? '') as Partial<DraftState>;
    if (typeof s.c !== 'string' || !isAccount(s.a) || !Number.isInteger(s.v)) return undefined;
    if (s.m !== undefined && !Number.isInteger(s.m)) return undefined;
    return { c: s.c, a: s.a, v: s.v as number, ...(s.m ? { m: s.m } : {}) };
  } catch {
    return undefined;
  }
}

// The outcome menus and buttons on pending invitations.

/** The value of an outcome menu option: `<outcome>:<entryId>`. */
export function outcomeValue(outcome: Outcome, entryId: string, change = false): string {
  return `${outcome}:${entryId}${change ? ':change' : ''}`;
}

/**
 * Reads an outcome menu value back; `undefined` when it is not one (never
 * trust a payload). `change` marks a button that replaces an outcome already
 * recorded (the others only record one on a pending invitation).
 */
export function parseOutcomeValue(
  value: string,
): { outcome: Outcome; entryId: string; change?: true } | undefined {
  const match = /^([a-z]+):([A-Za-z0-9_-]{1,64})(:change)?$/.exec(value);
  const outcome = match?.[1] as Outcome | undefined;
  if (!match?.[2] || outcome === undefined || !OUTCOMES.includes(outcome)) return undefined;
  return { outcome, entryId: match[2], ...(match[3] ? { change: true as const } : {}) };
}

// The weekly digest's buttons.

/**
 * The digest's outcome buttons, in the order shown. The outcome is in the
 * action id and the entry in the block id, so a button carries no value: the
 * digest goes to every user each week, and its size is paid for each time.
 */
export const DIGEST_BUTTONS: ReadonlyArray<{ outcome: Outcome; actionId: string; label: string }> =
  [
    { outcome: 'withdrawn', actionId: 'dg_withdrawn', label: 'Withdrawn' },
    { outcome: 'accepted', actionId: 'dg_accepted', label: 'Accepted' },
    { outcome: 'ignored', actionId: 'dg_ignored', label: 'Ignored' },
    { outcome: 'idk', actionId: 'dg_idk', label: "I don't know them" },
  ];

/** The block id of a stale invite's buttons: the prefix and the entry id (at most 64 characters). */
export const STALE_BLOCK_PREFIX = 'dg_';

/** The outcome a digest button records, or `undefined` for any other action id. */
export function digestButtonOutcome(actionId: string): Outcome | undefined {
  return DIGEST_BUTTONS.find((b) => b.actionId === actionId)?.outcome;
}

/** The entry id a digest button's block names, or `undefined` when it is not one (never trust a payload). */
export function digestButtonEntryId(blockId: string): string | undefined {
  const match = /^dg_([A-Za-z0-9_-]{1,64})$/.exec(blockId);
  return match?.[1];
}
