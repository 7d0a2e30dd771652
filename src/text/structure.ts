/**
 * Greetings and sign-offs: the parts of a note that carry no content, so that
 * rules can tell a note that only wraps LinkedIn's stock sentence in
 * "Hi Maria, … Best, Tom" from one that says something.
 */

// A name, or the template token that stands for one ("[Your Name]").
const NAME = String.raw`(?:[\p{Lu}@][\p{L}'’.-]*\.?|\[[^\]\n]{1,30}\]|\{\{?[^}\n]{1,30}\}?\})`;
// The greeting word and a title, in any case; the name after it is read apart
// (NAMES, case-sensitive): under the i flag \p{Lu} matches any letter, and "hey
// saw ur posts," would greet three names.
const GREETING_WORD =
  /^\s*(?:(?:hi|hello|hey|dear|greetings|good (?:morning|afternoon|evening)|hola|bonjour|hallo|ciao|olá|oi)(?![\p{L}\p{N}])[ \t]*(?:(?:there|all|mr\.?|mrs\.?|ms\.?|dr\.?|prof\.?|herr|frau)(?:[ \t]+|(?=[,!.:])))?)/iu;
const NAMES = new RegExp(String.raw`(?:${NAME}(?:[ \t]+${NAME}){0,2})?[ \t]*[,!.:]?`, 'uy');
// In a note typed in lower case a name has no capital: one word, then a comma or "!" ("hey kim,").
const LOWER_NAME = /[\p{Ll}][\p{L}'’.-]*[ \t]*[,!:]|/uy;
const NAME_ALONE = new RegExp(String.raw`^\s*${NAME}!`, 'u');
const SIGN_OFF = new RegExp(
  String.raw`(?<=^|[.!?,;:–—-][ \t]*|\n[ \t]*)(?:best(?: regards| wishes)?|kind regards|warm(?:est)? regards|regards|thanks|thank you|many thanks|cheers|sincerely|all the best|talk soon|take care|saludos|cordialement|viele grüße|lg)[ \t]*[,!.]?\s*(?:[-–—]?[ \t]*${NAME}(?:[ \t]+${NAME}){0,2})?\s*$`,
  'iu',
);
const NAME_LINE = new RegExp(String.raw`^\s*[-–—]?[ \t]*${NAME}(?:[ \t]+${NAME}){0,2}\s*$`, 'u');

/** Length of the greeting at the start of `text`, or 0. */
export function greetingLength(text: string): number {
  const g = GREETING_WORD.exec(text);
  if (!g) return NAME_ALONE.exec(text)?.[0].length ?? 0;
  const at = g[0].length;
  const names = namesEnd(text, at, match(/\p{Lu}/u.test(text) ? NAMES : LOWER_NAME, text, at));
  // "hi there, …" and "hey saw ur posts": the greeting alone, with its punctuation.
  return at + (names || match(PUNCTUATION, text, at));
}
const PUNCTUATION = /[ \t]*[,!.:]?/y;

/**
 * The names' length, cut after a name that ends a sentence: in "Hi Kev. We
 * look after IT" the greeting is "Hi Kev.", not "Hi Kev. We". An initial or
 * a short abbreviation ("J.", "St.") does not end one.
 */
function namesEnd(text: string, at: number, length: number): number {
  const stop = /[\p{L}'’-]{3,}\./gu;
  stop.lastIndex = 0;
  const m = stop.exec(text.slice(at, at + length));
  return m ? m.index + m[0].length : length;
}

/** Length of a sticky regex's match at `at`, or 0. */
function match(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0].length ?? 0;
}

// The sign-off words alone, with SIGN_OFF's flags: a text without any cannot match SIGN_OFF,
// and this test is far cheaper than SIGN_OFF's look-behind tried at every position.
const SIGN_OFF_WORD =
  /best|regards|thanks|thank you|cheers|sincerely|talk soon|take care|saludos|cordialement|viele grüße|lg/iu;

/** Offset where a trailing sign-off starts (a name alone on the last line counts), or text.length. */
export function signOffStart(text: string): number {
  const m = SIGN_OFF_WORD.test(text) ? SIGN_OFF.exec(text) : null;
  if (m) return m.index + (m[0].length - m[0].trimStart().length);
  // The last line of the trimmed text, without splitting the whole note into lines.
  const trimmed = text.trimEnd();
  const lastBreak = trimmed.lastIndexOf('\n');
  const last = trimmed.slice(lastBreak + 1);
  if (lastBreak >= 0 && NAME_LINE.test(last)) return trimmed.length - last.length;
  return text.length;
}

/** The note with its greeting and sign-off cut off: what it actually says. */
export function body(text: string): { start: number; end: number } {
  const start = greetingLength(text);
  const end = Math.max(start, signOffStart(text));
  return { start, end };
}
