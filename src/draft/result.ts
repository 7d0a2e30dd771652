import type { CheckReport } from '../types.js';
import type { Scenario } from './prompts.js';

export interface Draft {
  kind: 'draft';
  note: string;
  scenario: Scenario;
  source: 'template' | 'llm';
  /** The language the note is written in (`en`, `es`, …). */
  language: string;
  /** The checker's report on the note: a delivered draft is always ready. */
  report: CheckReport;
  /** What the context said that the note leaves out, each with why (no room, reads as a pitch, asked to, an instruction to the drafter). */
  omitted: string[];
  /** Parts of the context the drafter did not understand and did not use. */
  unused: string[];
  /** Why the LLM's draft was not used, or a language asked for that the templates cannot write. */
  notice?: string;
}

/** The context is not enough to write a note without inventing: ask for what is missing. */
export interface DraftQuestion {
  kind: 'question';
  missing: Array<'name' | 'context'>;
  message: string;
  unused: string[];
}

export type DraftResult = Draft | DraftQuestion;
