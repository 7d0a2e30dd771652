import { type Rule, whole } from './rule.js';

const SELF = /\b(?:i|i'm|i've|i'd|i'll|me|my|mine|we|we're|we've|our|ours|us)\b/g;
const THEM = /\b(?:you|your|you're|you've|you'd|you'll|yours)\b/g;
// Nothing about them at all, or a long run about the sender with a token "you".
const MIN_SELF_ALONE = 3;
const MIN_SELF = 6;
const RATIO = 5;

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

export const selfCentered: Rule = {
  id: 'self-centered',
  level: 'warning',
  description: 'The note is all about the sender, with little or nothing about the recipient.',
  check(note) {
    const self = count(note.lower, SELF);
    const them = count(note.lower, THEM);
    const allAboutSender =
      them === 0 ? self >= MIN_SELF_ALONE : self >= MIN_SELF && self >= RATIO * them;
    if (!allAboutSender) return [];
    return [
      whole(
        note,
        `All about you: ${self} mentions of I/me/we/our against ${them} of you/your.`,
        'Turn one sentence toward them: what of theirs caught your eye, or what you would like to hear from them.',
      ),
    ];
  },
};
