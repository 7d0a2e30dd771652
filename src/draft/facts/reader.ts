import { decodeSlackText } from '../../text/decode.js';
import {
  classify,
  detectLanguage,
  instructions,
  markRecipient,
  mergeDangling,
  personFromMention,
  recipientPattern,
  recipientPronoun,
  specificity,
  splitPurpose,
  unmark,
} from './classify.js';
import { type Fact, type Facts, REASONS } from './fact.js';
import type { Languages, PurposeKind } from './language.js';
import { findRecipient } from './names.js';
import { has } from './phrases.js';
import { createEnv, type Env } from './reading.js';
import type { Tokenizer } from './tokenizer.js';

export type { Fact, Facts, LeftOut } from './fact.js';

const LINK =
  /\bhttps?:\/\/\S+|\bwww\.\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|io|dev|net|org|co|app|ly|me|ai|xyz|example)(?:\/\S*)?(?![\w.])/giu;
const TAG = /<\/?[A-Za-z_][\w-]*\s*\/?>/g;
// Emoji carry no fact, and the note should not depend on how LinkedIn renders them.
const EMOJI =
  /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|[\u{1F3FB}-\u{1F3FF}]|\uFE0F|\u200D|\u20E3/gu;
const MENTION = /<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/;

export interface Reader {
  read(input: string): Facts;
}

/** The fact reader, built once from the language files. */
export function createReader(languages: Languages, tokenizer?: Tokenizer): Reader {
  const env = createEnv(languages, tokenizer);
  return {
    read(input) {
      return readContext(input, env);
    },
  };
}

function readContext(input: string, env: Env): Facts {
  const { tok, lists } = env;
  const facts: Facts = {
    language: 'en',
    facts: [],
    leftOut: [],
    unused: [],
    avoid: [],
    formal: false,
  };
  let text = input;
  const mention = MENTION.exec(text);
  let mentionName: string | undefined;
  if (mention) {
    facts.mentionId = mention[1];
    mentionName = mention[2]?.replace(/^@/, '');
    text = text.replace(MENTION, mentionName ?? ' ');
  }
  text = decodeSlackText(text.replace(/<!(?:channel|here|everyone|subteam\^[^>]*)>/g, ' ')).plain;
  text = text.replace(TAG, (tag) => {
    facts.leftOut.push({ text: tag, reason: REASONS.injection });
    // A tag ends whatever came before it: the text around it is read apart.
    return '\n';
  });
  text = text
    .replace(EMOJI, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();

  const pack = detectLanguage(text, env);
  facts.language = pack.language;

  // Sentences aimed at the drafter go first, whole; then links; then what the user asks of the note.
  const clauses: string[] = [];
  for (let sentence of tok.sentences(text)) {
    if (has(sentence, lists.injection)) {
      facts.leftOut.push({ text: sentence, reason: REASONS.injection });
      continue;
    }
    let linked = false;
    sentence = sentence.replace(LINK, (link) => {
      if (
        /^[\w-]+\.[a-z]+$/i.test(link) &&
        !/\.(?:com|io|dev|net|org|co|app|ly|me|ai|xyz|example)$/i.test(link)
      )
        return link;
      facts.leftOut.push({ text: link, reason: REASONS.link });
      linked = true;
      return ' ';
    });
    const parts = tok.clauses(sentence.replace(/\s+/g, ' ').trim());
    // "she wrote <link> - the feature flags post": the verb gets its object back.
    if (linked) mergeDangling(parts);
    for (const clause of parts) {
      const kept = instructions(clause, facts, env);
      if (kept) clauses.push(kept);
    }
  }

  const name = mentionName ? personFromMention(mentionName) : findRecipient(clauses, env.cues);
  if (name) facts.name = name;
  const recipient = recipientPattern(name);
  const marked = clauses.flatMap((c) => splitPurpose(markRecipient(c, recipient), pack));
  const pronoun = recipientPronoun(marked, pack);
  let pendingLabel: PurposeKind | undefined;
  let last: Fact | undefined;
  for (const [i, clause] of marked.entries()) {
    const result = classify(clause, pack, pronoun, facts, env, pendingLabel);
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
      const raw = unmark(clauses[i] as string, name);
      // "…Y Combinator batch, S19": a short specific fragment belongs to the fact before it.
      if (
        last &&
        last.form !== 'question' &&
        raw.split(/\s+/).length <= 3 &&
        /[\p{N}]|\p{Lu}/u.test(raw)
      ) {
        last.text = `${last.text}, ${raw}`;
        last.weight += specificity(raw);
        continue;
      }
      facts.unused.push(raw);
      continue;
    }
    const list = Array.isArray(result) ? result : [result];
    facts.facts.push(...list);
    last = list.at(-1);
  }
  return facts;
}
