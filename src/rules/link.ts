import { at, entityAndPatternSpans, type Rule } from './rule.js';

// Bare URLs and domains as people type them ("calendly.com/x", "www.site.io").
const BARE_LINK =
  /\b(?:https?:\/\/|www\.)[^\s<>"]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|io|ai|co|net|org|dev|app|me|ly|gg|xyz|info|biz|so|sh|to|us|uk|de|fr|es|eu|ca)\b(?:\/[^\s<>"]*)?/g;

export const link: Rule = {
  id: 'link',
  level: 'warning',
  description: 'A link in an invitation looks like spam and may get it flagged.',
  check(note) {
    const spans = entityAndPatternSpans(note, 'link', BARE_LINK, 'lower', (m) => {
      // Part of an e-mail address: the email-address rule covers it.
      if (note.text[m.index - 1] === '@') return undefined;
      return [m.index, m.index + m[0].replace(/[.,;:!?)]+$/, '').length];
    });
    return spans.map(([s, e]) =>
      at(
        note,
        s,
        e,
        'A link in an invitation looks like spam: people rarely click it, and several reported invites can restrict your account.',
        'Remove the link. Offer to send it instead ("happy to send the deck") and share it once they accept.',
      ),
    );
  },
};
