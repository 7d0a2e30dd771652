/** Small word-level helpers the reader's steps share: counting, capitals, specificity, stems. */

/** Words that open a clause with its own subject ("I…", "we…", "mein…"): a sentence, not a fragment. */
export const SUBJECTS = new Set(
  "i i'm i've i'd i'll we we're we've my our you you're your it it's there yo ich wir je nous eu nós io noi mi mein meine nuestro nuestra mon ma notre ci nos me".split(
    ' ',
  ),
);

export function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/** The first word, lower case, with a typographic apostrophe made plain. */
export function firstWord(text: string): string {
  return (text.split(/\s+/)[0] ?? '').toLowerCase().replace(/’/g, "'");
}

/** "Ask you to keynote…" inside "I'd love to …": the verb loses its capital. */
export function lowerVerb(vp: string): string {
  return /^(?:I\b|I['’]|\p{Lu}{2,})/u.test(vp) ? vp : vp.charAt(0).toLowerCase() + vp.slice(1);
}

export function lowerFirst(text: string): string {
  const first = text.split(/\s+/)[0] ?? '';
  // Keep "Sunday", "Kafka", "I": only a common word at the start loses its capital.
  if (first === 'I' || /^\p{Lu}{2,}/u.test(first) || /^I['’]/.test(first)) return text;
  if (
    /^(?:The|A|An|We|Both|Now|Ex|Former|Old|Uni|Fellow|My|Our|Worked|Studied|Met|Haven't|Lost|Turns|Saw|Read|Heard|Loved|Sent|Promised|Applying)\b/.test(
      first,
    )
  )
    return text.charAt(0).toLowerCase() + text.slice(1);
  return text;
}

/** How specific a text is: numbers, capitalised words after the first, quoted titles. */
export function specificity(text: string): number {
  const words = text.split(/\s+/);
  let n = 0;
  for (const [i, word] of words.entries()) {
    if (/\p{N}/u.test(word)) n++;
    else if (i > 0 && /^\p{Lu}/u.test(word) && word !== 'I') n++;
  }
  n += (text.match(/['‘"“][^'’"”]+['’"”]/g) ?? []).length;
  return n;
}

// Words too common to say that a clause touches a topic.
const STOP = new Set(
  'about with that this your their from into just them they what when mention bring'.split(' '),
);

/** Does the clause touch what the user asked to leave out ("fundraising" ~ "raising a seed round")? */
export function mentions(text: string, term: string): boolean {
  const stems = (t: string) =>
    (t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
      .filter((x) => x.length >= 4 && !STOP.has(x))
      .map((x) => x.replace(/(?:ing|ed|es|s)$/, ''))
      .filter((x) => x.length >= 4);
  const termStems = stems(term);
  return stems(text).some((a) => termStems.some((b) => a.includes(b) || b.includes(a)));
}
