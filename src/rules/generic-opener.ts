import { at, quote, type Rule, type RuleFinding } from './rule.js';

// Canned lines that automation tools and copy-paste templates use in place of
// a reason. "Came across your article on X" names something real, so only the
// profile-shaped versions count. Every phrase starts at a word boundary; one
// shared \b in front lets V8 try the phrases only there.
const CANNED =
  /\b(?:(?:i )?(?:came across|stumbled upon|found|noticed|saw|viewed|was looking at) your (?:linkedin )?(?:profile|page|background)\b|(?:expand|expanding|grow|growing|build|building|broaden|broadening|extend|extending) my (?:professional )?network\b|like-?minded (?:professionals|individuals|people|folks|leaders)\b|(?:we )?share (?:similar|common|mutual) interests\b|(?:your )?(?:profile is impressive|impressive profile)\b|hope this (?:message |note )?finds you well\b|support each other\b|connect(?:ing)? with (?:other )?professionals\b|mutually beneficial\b|in the same (?:industry|field|space)\b|(?:we have|i see we have|i noticed we have|we share) (?:\d+ |many |several |a few |some )?mutual connections\b|(?:i'd|i would) love to add you to my network\b|(?:your (?:background|experience) is (?:impressive|inspiring)|impressed (?:by|with) your (?:profile|background))\b|(?:always )?looking to connect with (?:other )?(?:people|professionals|leaders|like-minded)\b)/g;

export const genericOpener: Rule = {
  id: 'generic-opener',
  level: 'warning',
  description:
    'A canned, automated-sounding line stands in for context: "I came across your profile", "expanding my network", "like-minded professionals".',
  check(note) {
    const out: RuleFinding[] = [];
    for (const m of note.matches(CANNED)) {
      const phrase = note.text.slice(m.index, m.index + m[0].length);
      out.push(
        at(
          note,
          m.index,
          m.index + m[0].length,
          `${quote(phrase)} is a stock line that reads as automation, not as a reason to connect with this person.`,
          'Replace it with the specific reason: where you met, who suggested you connect, or the piece of their work you read.',
        ),
      );
    }
    return out;
  },
};
