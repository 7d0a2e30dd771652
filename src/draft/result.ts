import type { CheckReport } from '../types.js';
import type { Scenario } from './prompts.js';

export interface Draft {
  kind: 'draft';
  note: string;
  scenario: Scenario;
  source: 'template' | 'llm';
  /** The checker's report on the note: a delivered draft is always ready. */
  report: CheckReport;
  /** Facts left out, with why (too long, or they read as a pitch). */
  omitted: string[];
  /** Parts of the context the drafter did not understand and did not use. */
  unused: string[];
  /** Why the LLM's draft was not used, when it was not. */
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
