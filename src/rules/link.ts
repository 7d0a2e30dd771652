import { at, type Rule, type RuleFinding } from './rule.js';

// Bare URLs and domains as people type them ("calendly.com/x", "www.site.io").
const BARE_LINK =
  /\b(?:https?:\/\/|www\.)[^\s<>"]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|io|ai|co|net|org|dev|app|me|ly|gg|xyz|info|biz|so|sh|to|us|uk|de|fr|es|eu|ca)\b(?:\/[^\s<>"]*)?/g;

export const link: Rule = {
  id: 'link',
  level: 'warning',
  description: 'A link in an invitation looks like spam and may get it flagged.',
  check(note) {
    const out: RuleFinding[] = [];
    const spans: Array<[number, number]> = note.entities
      .filter((e) => e.kind === 'link')
      .map((e) => [e.start, e.end]);
    for (const m of note.matches(BARE_LINK)) {
      const s = m.index;
      const e = s + m[0].replace(/[.,;:!?)]+$/, '').length;
      // Part of an e-mail address: the email-address rule covers it.
      if (note.text[s - 1] === '@') continue;
      if (!spans.some(([a, b]) => s < b && e > a)) spans.push([s, e]);
    }
    spans.sort((a, b) => a[0] - b[0]);
    for (const [s, e] of spans) {
      out.push(
        at(
          note,
          s,
          e,
          'A link in an invitation looks like spam: people rarely click it, and several reported invites can restrict your account.',
          'Remove the link. Offer to send it instead ("happy to send the deck") and share it once they accept.',
        ),
      );
    }
    return out;
  },
};
