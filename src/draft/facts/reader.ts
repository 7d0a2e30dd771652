/**
 * The fact reader: a context as the user typed it ("Jane Park, met at SXSW, want to swap
 * notes on audio ads") becomes the facts a drafter writes from, each in second person.
 */
import { type Classified, classify } from './classify.js';
import { mergeDangling, plainText, withoutLinks } from './cleanup.js';
import { detectLanguage } from './detect-language.js';
import { type Fact, type Facts, REASONS } from './fact.js';
import { instructions } from './instructions.js';
import type { LanguagePack, Languages, PurposeKind } from './language.js';
import { findRecipient, type PersonName } from './names.js';
import { has } from './phrases.js';
import { splitPurpose } from './purpose.js';
import { createReaderEnv, type ReaderEnv } from './reader-env.js';
import {
  markRecipient,
  personFromMention,
  recipientPattern,
  recipientPronoun,
  unmark,
} from './recipient.js';
import type { Tokenizer } from './tokenizer.js';
import { specificity } from './words.js';

export type { Fact, Facts, LeftOut } from './fact.js';

export interface Reader {
  read(input: string): Facts;
}

/** The fact reader, built once from the language files. */
export function createReader(languages: Languages, tokenizer?: Tokenizer): Reader {
  const env = createReaderEnv(languages, tokenizer);
  return {
    read(input) {
      return readContext(input, env);
    },
  };
}

function readContext(input: string, env: ReaderEnv): Facts {
  const facts: Facts = {
    language: 'en',
    facts: [],
    leftOut: [],
    unused: [],
    avoid: [],
    formal: false,
  };
  const { text, mentionName } = plainText(input, facts);
  const pack = detectLanguage(text, env);
  facts.language = pack.language;
  const clauses = factClauses(text, facts, env);
  const name = mentionName ? personFromMention(mentionName) : findRecipient(clauses, env.cues);
  if (name) facts.name = name;
  collectFacts(clauses, name, pack, facts, env);
  return facts;
}

/** Sentences aimed at the drafter go first, whole; then links; then what the user asks of the note. */
function factClauses(text: string, facts: Facts, env: ReaderEnv): string[] {
  const clauses: string[] = [];
  for (const sentence of env.tok.sentences(text)) {
    if (has(sentence, env.lists.injection)) {
      facts.leftOut.push({ text: sentence, reason: REASONS.injection });
      continue;
    }
    const unlinked = withoutLinks(sentence, facts);
    const parts = env.tok.clauses(unlinked.text.replace(/\s+/g, ' ').trim());
    if (unlinked.linked) mergeDangling(parts);
    for (const clause of parts) {
      const kept = instructions(clause, facts, env);
      if (kept) clauses.push(kept);
    }
  }
  return clauses;
}

/** Classifies each clause, with the recipient marked, into the facts, what is left out and what is unused. */
function collectFacts(
  clauses: string[],
  name: PersonName | undefined,
  pack: LanguagePack,
  facts: Facts,
  env: ReaderEnv,
): void {
  const recipient = recipientPattern(name);
  const marked = clauses.flatMap((c) => splitPurpose(markRecipient(c, recipient), pack));
  const pronoun = recipientPronoun(marked, pack);
  let pendingLabel: PurposeKind | undefined;
  let last: Fact | undefined;
  for (const [i, clause] of marked.entries()) {
    const result: Classified = classify(clause, pack, pronoun, facts, env, pendingLabel);
    pendingLabel = undefined;
    if (result === 'consumed') continue;
    if (typeof result === 'object' && !Array.isArray(result) && 'label' in result) {
      pendingLabel = result.label;
      continue;
    }
    if (typeof result === 'object' && !Array.isArray(result) && 'reason' in result) {
      facts.leftOut.push(result);
      continue;
    }
    if (result === 'unused') {
      keepUnused(unmark(clauses[i] as string, name), last, facts);
      continue;
    }
    const list = Array.isArray(result) ? result : [result];
    facts.facts.push(...list);
    last = list.at(-1);
  }
}

/** "…Y Combinator batch, S19": a short specific fragment belongs to the fact before it; else it is unused. */
function keepUnused(raw: string, last: Fact | undefined, facts: Facts): void {
  if (
    last &&
    last.form !== 'question' &&
    raw.split(/\s+/).length <= 3 &&
    /[\p{N}]|\p{Lu}/u.test(raw)
  ) {
    last.text = `${last.text}, ${raw}`;
    last.weight += specificity(raw);
    return;
  }
  facts.unused.push(raw);
}
