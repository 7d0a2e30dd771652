import { at, quote, type Rule, type RuleFinding } from './rule.js';

// `:tada:` renders as 🎉 in Slack but arrives on LinkedIn as the literal text.
const SHORTCODE = /(?<![\p{L}\p{N}:/]):[a-z0-9_+-]{2,40}:(?![\p{L}\p{N}:])/gu;

export const emojiShortcode: Rule = {
  id: 'emoji-shortcode',
  level: 'warning',
  description:
    'A Slack emoji shortcode such as :tada: will show on LinkedIn as text, not as an emoji.',
  check(note) {
    const out: RuleFinding[] = [];
    for (const m of note.matches(SHORTCODE, 'text')) {
      // Times like 10:30: are not shortcodes.
      if (/^:\d+:$/.test(m[0])) continue;
      out.push(
        at(
          note,
          m.index,
          m.index + m[0].length,
          `${quote(m[0])} is Slack's emoji code: LinkedIn will show the text ${quote(m[0])}, not the emoji.`,
          'Paste the emoji character itself (🎉) or leave it out.',
        ),
      );
    }
    return out;
  },
};
