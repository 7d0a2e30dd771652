/**
 * Lower case without accents, one UTF-16 unit for one ("Añadirte" →
 * "anadirte"), so vocabularies match however a person typed the accents and
 * an offset into the folded text is the same offset into the original.
 */
export function foldSameLength(text: string): string {
  // Most notes are ASCII: nothing to fold but case.
  if (!/[^\u0020-\u007e\n\t]/.test(text)) return text.toLowerCase();
  let out = '';
  for (const c of text) {
    const lower = c.toLowerCase();
    if (lower.length !== c.length) {
      out += c;
      continue;
    }
    const bare = lower.normalize('NFD').replace(/\p{M}+/gu, '');
    out += bare.length === lower.length ? bare : lower;
  }
  return out;
}
