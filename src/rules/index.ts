import { blankNote } from './blank-note.js';
import { noteLength } from './note-length.js';
import { placeholder } from './placeholder.js';
import type { Rule } from './rule.js';

/** Every rule, in the order their findings are listed when they start at the same place. */
export const rules: readonly Rule[] = [blankNote, noteLength, placeholder];

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.id, r]));

export type { Rule, RuleContext, RuleFinding } from './rule.js';
