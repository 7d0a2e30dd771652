const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

// Characters that are always a grapheme of their own and never join a
// neighbour: printable ASCII, tab, LF, precomposed Latin letters and general
// punctuation (not the zero-width and joiner characters below U+2010).
// Text made only of these needs no segmenter: one code unit, one character.
const ONE_UNIT_EACH = /^[\t\n\u0020-\u007E\u00A0-\u02FF\u2010-\u2027\u2030-\u205E]*$/;

/** The same set as ONE_UNIT_EACH, for one UTF-16 code unit. */
function isOneUnit(c: number): boolean {
  return (
    (c >= 0x20 && c <= 0x7e) ||
    c === 0x09 ||
    c === 0x0a ||
    (c >= 0xa0 && c <= 0x2ff) ||
    (c >= 0x2010 && c <= 0x2027) ||
    (c >= 0x2030 && c <= 0x205e)
  );
}

/** Characters as a person sees them: an emoji with skin tone or ZWJ is one, CRLF is one. */
export function countGraphemes(text: string): number {
  if (ONE_UNIT_EACH.test(text)) return text.length;
  // Two neighbours from the set always have a grapheme break between them
  // (neither is CR, a joiner, a mark, a regional indicator or a Hangul jamo),
  // so only the stretches around other characters need the segmenter: each
  // from the set character before the first other one (an "e" takes a
  // following accent) up to the first pair of set characters after it.
  let n = 0;
  let i = 0;
  const len = text.length;
  while (i < len) {
    let j = i;
    while (j < len && isOneUnit(text.charCodeAt(j))) j++;
    if (j === len) return n + (len - i);
    const from = j > i ? j - 1 : j;
    n += from - i;
    let k = j + 1;
    while (
      k < len &&
      !(isOneUnit(text.charCodeAt(k)) && (k + 1 === len || isOneUnit(text.charCodeAt(k + 1))))
    )
      k++;
    const to = Math.min(k + 1, len);
    for (const _ of segmenter.segment(text.slice(from, to))) n++;
    i = to;
  }
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
