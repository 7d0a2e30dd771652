const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

// Characters that are always a grapheme of their own and never join a
// neighbour: printable ASCII, tab, LF, precomposed Latin letters and general
// punctuation (not the zero-width and joiner characters below U+2010).
// Text made only of these needs no segmenter: one code unit, one character.
const ONE_UNIT_EACH = /^[\t\n\u0020-\u007E\u00A0-\u02FF\u2010-\u2027\u2030-\u205E]*$/;

/** Characters as a person sees them: an emoji with skin tone or ZWJ is one, CRLF is one. */
export function countGraphemes(text: string): number {
  if (ONE_UNIT_EACH.test(text)) return text.length;
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

/** Offset (UTF-16) where the grapheme with the given index starts, or text.length. */
export function graphemeOffset(text: string, index: number): number {
  if (ONE_UNIT_EACH.test(text)) return Math.min(index, text.length);
  let n = 0;
  for (const { index: at } of segmenter.segment(text)) {
    if (n === index) return at;
    n++;
  }
  return text.length;
}
