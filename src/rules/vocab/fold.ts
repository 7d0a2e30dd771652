/**
 * Lower case without accents, one UTF-16 unit for one: "Añadirte" → "anadirte",
 * so vocabularies match however a person typed the accents, and offsets into
 * the folded text are offsets into the original.
 */
export function foldSameLength(text: string): string {
  // Most notes are plain ASCII: nothing to fold but the case.
  if (!/[\u0080-\uffff]/.test(text)) return text.toLowerCase();
  let out = '';
  for (const c of text) out += c.length === 1 && c < '\u0080' ? c.toLowerCase() : foldChar(c);
  return out;
}

const folded = new Map<string, string>();

function foldChar(c: string): string {
  let f = folded.get(c);
  if (f === undefined) {
    const lower = c.toLowerCase();
    const bare = lower.normalize('NFD').replace(/\p{M}+/gu, '');
    f = lower.length !== c.length ? c : bare.length === lower.length ? bare : lower;
    if (folded.size < 4096) folded.set(c, f);
  }
  return f;
}
