const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Characters as a person sees them: an emoji with skin tone or ZWJ is one, CRLF is one. */
export function countGraphemes(text: string): number {
  // Printable ASCII, tabs and LF are one grapheme per code unit: skip the segmenter.
  if (/^[\t\n -~]*$/.test(text)) return text.length;
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

/** Offset (UTF-16) where the grapheme with the given index starts, or text.length. */
export function graphemeOffset(text: string, index: number): number {
  let n = 0;
  for (const { index: at } of segmenter.segment(text)) {
    if (n === index) return at;
    n++;
  }
  return text.length;
}
