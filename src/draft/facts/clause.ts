import type { LanguagePack } from './language.js';
import type { PronounSet } from './person.js';

/** One clause being classified, with what each step of the classifier reads. */
export interface Clause {
  /** The clause, trimmed, with the recipient marked: also the fact's `source`. */
  text: string;
  pack: LanguagePack;
  pronoun: PronounSet | undefined;
  /** How specific the clause is: the fact's weight before its kind adds to it. */
  weight: number;
  /** The text said to the recipient ("his talk" → "your talk"). */
  second: (text: string) => string;
}
