/**
 * Lower case without accents, one UTF-16 unit for one ("Añadirte" →
 * "anadirte"), so vocabularies match however a person typed the accents and
 * an offset into the folded text is the same offset into the original.
 */
export function foldSameLength(text: string): string {
  // Most notes are ASCII: nothing to fold but case.
  if (!/[^\u0020-\u007e\n\t]/.test(text)) return text.toLowerCase();
  // ASCII runs lower-cased as they are; every other character on its own.
  return text.replace(ASCII_CAPITALS_OR_OTHER, (m) =>
    m.charCodeAt(0) < 0x80 ? m.toLowerCase() : foldChar(m),
  );
}

// A run of ASCII capitals, or one code point outside ASCII (a surrogate pair is one).
const ASCII_CAPITALS_OR_OTHER = /[A-Z]+|\P{ASCII}/gu;

// Folding a character depends on nothing else: each is worked out once.
const FOLDED = new Map<string, string>();

function foldChar(c: string): string {
  let folded = FOLDED.get(c);
  if (folded === undefined) {
    const lower = c.toLowerCase();
    if (lower.length !== c.length) folded = c;
    else {
      const bare = lower.normalize('NFD').replace(/\p{M}+/gu, '');
      folded = bare.length === lower.length ? bare : lower;
    }
    if (FOLDED.size < 4096) FOLDED.set(c, folded);
  }
  return folded;
}
