import type { LanguagePack, Languages } from './language.js';
import { type NameCues, nameCues } from './names.js';
import { createTokenizer, type Tokenizer } from './tokenizer.js';

/** What reading a context needs, built once from the language files: every pack, the tokenizer, the lists of all languages at once. */
export interface ReaderEnv {
  languages: Languages;
  all: LanguagePack[];
  tok: Tokenizer;
  cues: NameCues;
  lists: Record<
    | 'injection'
    | 'avoid'
    | 'short'
    | 'maxLength'
    | 'formal'
    | 'noEmoji'
    | 'mention'
    | 'meta'
    | 'fillers',
    string[]
  >;
}

export function createReaderEnv(languages: Languages, tokenizer?: Tokenizer): ReaderEnv {
  const all = [...languages.packs.values()];
  const union = (pick: (p: LanguagePack) => readonly string[]) => [...new Set(all.flatMap(pick))];
  const cues = nameCues(all);
  const tok = tokenizer ?? createTokenizer(union((p) => p.read.titles));
  const lists = {
    injection: union((p) => p.read.injection),
    avoid: union((p) => p.read.instructions.avoid ?? []),
    short: union((p) => p.read.instructions.short ?? []),
    maxLength: union((p) => p.read.instructions.max_length ?? []),
    formal: union((p) => p.read.instructions.formal ?? []),
    noEmoji: union((p) => p.read.instructions.no_emoji ?? []),
    mention: union((p) => p.read.instructions.mention ?? []),
    meta: union((p) => p.read.instructions.meta ?? []),
    fillers: union((p) => p.read.fillers),
  };
  return { languages, all, tok, cues, lists };
}
