import { bidiControl } from './bidi-control.js';
import { blankNote } from './blank-note.js';
import { defaultText } from './default-text.js';
import { emailAddress } from './email-address.js';
import { emojiShortcode } from './emoji-shortcode.js';
import { genericOpener } from './generic-opener.js';
import { link } from './link.js';
import { missingContext } from './missing-context.js';
import { missingNextStep } from './missing-next-step.js';
import { noteLength } from './note-length.js';
import { placeholder } from './placeholder.js';
import type { Rule } from './rule.js';
import { salesPitch } from './sales-pitch.js';
import { selfCentered } from './self-centered.js';
import { shouting } from './shouting.js';
import { slackMention } from './slack-mention.js';
import { tooManyLines } from './too-many-lines.js';

/** Every rule, in the order their findings are listed when they start at the same place. */
export const rules: readonly Rule[] = [
  blankNote,
  noteLength,
  placeholder,
  salesPitch,
  defaultText,
  missingContext,
  genericOpener,
  missingNextStep,
  selfCentered,
  shouting,
  link,
  emailAddress,
  emojiShortcode,
  slackMention,
  bidiControl,
  tooManyLines,
];

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.id, r]));

export type { Rule, RuleContext, RuleFinding } from './rule.js';
