import type { LanguagePack } from './language.js';
import type { ReaderEnv } from './reader-env.js';

/** How many of the words are among a language's detection words. */
function score(words: string[], pack: LanguagePack): number {
  const set = new Set(pack.detect);
  return words.filter((w) => set.has(w)).length;
}

/** The context's language: English unless another one clearly wins (two detection words or more). */
export function detectLanguage(text: string, env: ReaderEnv): LanguagePack {
  const words = env.tok.words(text.toLowerCase());
  let best = env.languages.english;
  let bestScore = 0;
  for (const pack of env.all) {
    const s = score(words, pack);
    if (
      s > bestScore + (pack === env.languages.english ? 0 : 1) ||
      (pack === env.languages.english && s >= bestScore && s > 0)
    ) {
      if (pack !== env.languages.english && s < 2) continue;
      best = pack;
      bestScore = s;
    }
  }
  return best;
}

/** Another language than the note's that a clause of three words or more is clearly in. */
export function clauseLanguage(
  c: string,
  pack: LanguagePack,
  env: ReaderEnv,
): LanguagePack | undefined {
  const words = env.tok.words(c.toLowerCase());
  if (words.length < 3) return undefined;
  const own = score(words, pack);
  for (const p of env.all) {
    if (p === pack) continue;
    const s = score(words, p);
    if (s >= 2 && s > own + 1) return p;
  }
  return undefined;
}
