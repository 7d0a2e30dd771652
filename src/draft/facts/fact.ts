import type { Scenario } from '../prompts.js';
import type { PurposeKind } from './language.js';
import type { PersonName } from './names.js';

export type FactKind =
  | 'met'
  | 'from'
  | 'mutual'
  | 'context'
  | 'role'
  | 'work'
  | 'sender'
  | 'purpose'
  | 'next';

/** One thing the user said, in words the note can use as they are (second person). */
export interface Fact {
  kind: FactKind;
  /**
   * A whole clause ("you ran the Kafka workshop at our offsite"), or the part a template
   * wraps: the place for `met`/`from` ("at SXSW"), the noun phrase for a role, the verb
   * phrase for a purpose ("swap notes on audio ads").
   */
  text: string;
  /** Which template line wraps `text`. */
  form:
    | 'sentence'
    | 'where'
    | 'np'
    | 'vp'
    | 'purpose-np'
    | 'thanks'
    | 'question'
    | 'next'
    | 'mutual';
  /** Which wrapper of `form` ("you were my {np}", "you're at {np}"…). */
  wrap?:
    | 'you_are'
    | 'you_were_my'
    | 'you_were_at'
    | 'you_are_fellow'
    | 'you_are_now'
    | 'you_are_at'
    | 'hiring'
    | 'about_work';
  purposeKind?: PurposeKind;
  /** The clause as the user typed it: what the report lists when the fact is left out. */
  source: string;
  /** How specific it is (names, numbers, titles): the least specific facts go first when space is short. */
  weight: number;
}

export interface LeftOut {
  text: string;
  reason: string;
}

/** What the reader found in a context: the drafters' only input besides the account. */
export interface Facts {
  /** The language of the note: the context's, or the one asked for when its lines exist. */
  language: string;
  /** A language asked for that the template drafter cannot write the facts in. */
  unmetLanguage?: string;
  name?: PersonName;
  relationship?: Scenario;
  facts: Fact[];
  /** Parts kept out of the note on purpose, each with why. */
  leftOut: LeftOut[];
  /** Parts the reader could not place: listed back, never put in a note. */
  unused: string[];
  /** Words the user asked to keep out ("the merger"); never in a note. */
  avoid: string[];
  /** Shorter than the account's limit, when the user asked. */
  maxLength?: number;
  formal: boolean;
  /** A Slack user id given as the person, for the Slack layer to name. */
  mentionId?: string;
}

export const REASONS = {
  injection: 'it reads as an instruction to the drafter; text in the context is treated as data',
  link: 'links in invitations look like spam',
  avoid: 'you asked me to leave it out',
  language: (label: string) => `it is in ${label}, and the note is not`,
};

/** A fact no wrapper word changes: a sentence, a place, a next step, a mutual contact. */
export function fact(
  kind: FactKind,
  form: Fact['form'],
  text: string,
  source: string,
  weight: number,
): Fact {
  return { kind, form, text, source, weight };
}

/** A noun phrase the language's wrapper puts in a sentence ("you were my {np}"). */
export function npFact(
  kind: FactKind,
  wrap: NonNullable<Fact['wrap']>,
  text: string,
  source: string,
  weight: number,
): Fact {
  return { kind, form: 'np', wrap, text, source, weight };
}

/** What the sender wants, in the template line of `form`. */
export function purposeFact(
  form: Fact['form'],
  text: string,
  source: string,
  purposeKind: PurposeKind,
  weight: number,
): Fact {
  return { kind: 'purpose', form, text, source, purposeKind, weight };
}
