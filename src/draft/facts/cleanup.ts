/**
 * What is taken out of a context before it is read: Slack markup and mentions, tags, emoji,
 * links. What carried meaning is listed in the facts' `leftOut`, with why.
 */
import { decodeSlackText } from '../../text/decode.js';
import { type Facts, REASONS } from './fact.js';

const LINK =
  /\bhttps?:\/\/\S+|\bwww\.\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|io|dev|net|org|co|app|ly|me|ai|xyz|example)(?:\/\S*)?(?![\w.])/giu;
const TAG = /<\/?[A-Za-z_][\w-]*\s*\/?>/g;
// Emoji carry no fact, and the note should not depend on how LinkedIn renders them.
const EMOJI =
  /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|[\u{1F3FB}-\u{1F3FF}]|\uFE0F|\u200D|\u20E3/gu;
const MENTION = /<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/;

/**
 * The context as plain text: a Slack mention becomes its display name (its id goes in the
 * facts), broadcasts and Slack markup go, a tag ends the text before it, emoji go.
 */
export function plainText(input: string, facts: Facts): { text: string; mentionName?: string } {
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
  return { text, mentionName };
}

/** The sentence without its links, each listed as left out; `linked` when one was taken. */
export function withoutLinks(sentence: string, facts: Facts): { text: string; linked: boolean } {
  let linked = false;
  const text = sentence.replace(LINK, (link) => {
    if (
      /^[\w-]+\.[a-z]+$/i.test(link) &&
      !/\.(?:com|io|dev|net|org|co|app|ly|me|ai|xyz|example)$/i.test(link)
    )
      return link;
    facts.leftOut.push({ text: link, reason: REASONS.link });
    linked = true;
    return ' ';
  });
  return { text, linked };
}

/** "she wrote <link> - the feature flags post": the verb gets its object back. */
export function mergeDangling(parts: string[]): void {
  for (let i = 0; i < parts.length - 1; i++) {
    const next = parts[i + 1] as string;
    if (
      /\b(?:wrote|made|built|published|posted|shared|gave|recorded|created)\s*$/i.test(
        parts[i] as string,
      ) &&
      /^(?:the|a|an|her|his|their|my|our)\b/i.test(next)
    ) {
      parts.splice(i, 2, `${(parts[i] as string).trim()} ${next}`);
    }
  }
}
