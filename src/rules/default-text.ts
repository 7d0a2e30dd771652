import { foldSameLength } from '../text/fold.js';
import type { Note } from '../text/note.js';
import { at, type Rule } from './rule.js';
import data from './vocab/default-text.json' with { type: 'json' };
import wrapping from './vocab/greetings.json' with { type: 'json' };
import { requiredWords, stockPatternSource } from './vocab/stock-pattern.js';

// LinkedIn's stock sentences in every language of the data, one regex; a
// final period or exclamation mark belongs to the sentence.
const PATTERNS = Object.values(data.stock).flat();
const STOCK = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${PATTERNS.map(stockPatternSource).join('|')})(?![\p{L}\p{N}])(?:\s*[.!]+)?`,
  'gu',
);
// The words each stock sentence cannot do without ("like", "add", "you", "my"…): most
// notes lack one of every sentence's, and the full pattern need not run on them.
const REQUIRED = PATTERNS.map(requiredWords);

const fold = (words: readonly string[]) => new Set(words.map((w) => foldSameLength(w)));
const GREETINGS = fold(wrapping.greetings);
const SALUTATIONS = fold(wrapping.salutations);
const TITLES = fold(wrapping.titles);
const SIGN_OFFS = fold(wrapping.signOffs);
// The longest greeting or sign-off, in words ("que tengas un buen día").
const LONGEST_PHRASE = Math.max(
  ...[...wrapping.greetings, ...wrapping.signOffs].map((p) => p.split(/\s+/).length),
);
const MAX_WRAPPING = 120;

// What carries no words: emoji (with their modifiers and joiners), emoticons,
// and Slack mentions standing in for a name. Blanked before reading the rest.
const NO_WORDS =
  /[\p{Extended_Pictographic}\p{Regional_Indicator}]|\p{Emoji_Modifier}|[0-9#*]?\uFE0F?\u20E3|\u200D|\uFE0F|(?<!\S)(?:[:;=8xX]-?[)(DPp3*|\]/\\]+|<3|\^\^|\\o\/)(?!\S)/gu;

type Tok =
  | { kind: 'word'; text: string; folded: string; capital: boolean }
  | { kind: 'dash' | 'line' | 'comma' | 'stop' }
  | { kind: 'other'; text: string };

/** The words and separators of a stretch of the note, in order. */
function tokens(text: string): Tok[] {
  const out: Tok[] = [];
  // A word may carry a gender mark: "Prezado(a)", "Estimado/a".
  const re =
    /([\p{L}\p{M}][\p{L}\p{M}'.-]*(?:\((?:a|o|as|os)\)|\/(?:a|o))?)|(\n)|([-–—]+)|([,:;])|([.!¡…]+)|(\S)/gu;
  // "Dear Sir/Madam": titles offered as alternatives read as the first one.
  const titled = text.replace(/([\p{L}.]+)\/([\p{L}.]+)/gu, (m, x: string, y: string) =>
    TITLES.has(foldSameLength(x.replace(/\.$/, ''))) &&
    TITLES.has(foldSameLength(y.replace(/\.$/, '')))
      ? x + ' '.repeat(y.length + 1)
      : m,
  );
  for (let m = re.exec(titled); m; m = re.exec(titled)) {
    if (m[1]) {
      const word = m[1].replace(/\(\w+\)$|\/\w+$/u, '').replace(/[-']+$/, '');
      const bare = word.replace(/\.+$/, '');
      out.push({
        kind: 'word',
        text: word,
        folded: foldSameLength(bare),
        capital: /^\p{Lu}/u.test(word),
      });
    } else if (m[2]) out.push({ kind: 'line' });
    else if (m[3]) out.push({ kind: 'dash' });
    else if (m[4]) out.push({ kind: 'comma' });
    else if (m[5]) out.push({ kind: 'stop' });
    else out.push({ kind: 'other', text: m[6] as string });
  }
  return out;
}

/** Length (in tokens) of the longest phrase of `set` starting at token `i`, or 0. */
function phraseAt(toks: readonly Tok[], i: number, set: ReadonlySet<string>): number {
  let words = '';
  let best = 0;
  for (let n = 0; n < LONGEST_PHRASE && i + n < toks.length; n++) {
    const t = toks[i + n] as Tok;
    if (t.kind !== 'word') break;
    words = n === 0 ? t.folded : `${words} ${t.folded}`;
    if (set.has(words)) best = n + 1;
  }
  return best;
}

/**
 * Up to `max` name-like words from token `i` (titles allowed first): how many
 * tokens they take. Names are capitalised, except the first one where
 * `anyCase` (after "Hi", a dash or a comma) and any in a note typed all in lower case.
 */
function namesAt(
  toks: readonly Tok[],
  i: number,
  anyCase: boolean,
  max: number,
  lowerCase: boolean,
): number {
  let n = 0;
  while (i + n < toks.length) {
    const t = toks[i + n] as Tok;
    if (t.kind !== 'word' || !TITLES.has(t.folded)) break;
    n++;
  }
  let names = 0;
  while (i + n < toks.length && names < max) {
    const t = toks[i + n] as Tok;
    if (t.kind !== 'word' || !(t.capital || lowerCase || (anyCase && names === 0))) break;
    n++;
    names++;
  }
  return n;
}

const isPunct = (t: Tok | undefined) =>
  t !== undefined &&
  (t.kind === 'comma' || t.kind === 'stop' || t.kind === 'line' || t.kind === 'dash');

/** Text before the stock sentence: nothing, a greeting ("Hi Maria,", "Dear Dr. Okafor:"), or a first name alone ("Maria!"). */
function onlyGreeting(toks: readonly Tok[], lowerCase: boolean): boolean {
  let i = 0;
  const greeting = phraseAt(toks, i, GREETINGS);
  if (greeting > 0) {
    i += greeting;
    i += phraseAt(toks, i, SALUTATIONS);
    i += namesAt(toks, i, true, 3, lowerCase);
    // "Hello, Maria," — a comma, then the name.
    if (toks[i]?.kind === 'comma') {
      i++;
      i += namesAt(toks, i, false, 3, lowerCase);
    }
  } else {
    const names = namesAt(toks, i, false, 1, lowerCase);
    if (names === 0 || !isPunct(toks[names])) return toks.every(isPunct);
    i += names;
  }
  return toks.slice(i).every(isPunct);
}

// Words that join a role's capitalised words: "(Sales & Partnerships)", "(Head of People at Acme)".
const ROLE_JOINERS = new Set([
  '&',
  'and',
  'of',
  'at',
  'for',
  'the',
  '/',
  '+',
  '-',
  'und',
  'de',
  'et',
  'y',
  'e',
]);

/**
 * A role or company in parentheses after a signed name, as signatures carry
 * it ("— Kate (Sales & Partnerships)"): capitalised words and joiners only,
 * so "(we sell switches)" is still something said. How many tokens it takes.
 */
function roleAt(toks: readonly Tok[], i: number): number {
  const open = toks[i];
  if (open?.kind !== 'other' || open.text !== '(') return 0;
  let n = 1;
  let words = 0;
  while (i + n < toks.length) {
    const t = toks[i + n] as Tok;
    if (t.kind === 'other' && t.text === ')') return words > 0 ? n + 1 : 0;
    if (t.kind === 'word') {
      if (!t.capital && !ROLE_JOINERS.has(t.folded)) return 0;
      if (t.capital) words++;
    } else if (
      !(t.kind === 'other' && ROLE_JOINERS.has(t.text)) &&
      t.kind !== 'dash' &&
      t.kind !== 'comma'
    )
      return 0;
    n++;
  }
  return 0;
}

/** Text after the stock sentence: nothing, a sign-off ("Best, Tom", "— Jen", "\nLuc", "Thanks - Ciaran"). */
function onlySignOff(toks: readonly Tok[], lowerCase: boolean): boolean {
  let i = 0;
  let afterSignOff = false;
  while (i < toks.length) {
    const t = toks[i] as Tok;
    if (t.kind === 'word') {
      const signOff = phraseAt(toks, i, SIGN_OFFS);
      if (signOff > 0) {
        i += signOff;
        afterSignOff = true;
        continue;
      }
      // A name is a sign-off only on its own line, after a dash or comma, or right
      // after a sign-off phrase, punctuated or not ("Best Tom", "Un saludo! Lucía").
      const prev = toks[i - 1]?.kind;
      const separated = i > 0 && (prev === 'line' || prev === 'dash' || prev === 'comma');
      if (!separated && !(afterSignOff && (prev === 'word' || prev === 'stop'))) return false;
      // "thanks kim" in a lower-case note: one word, or "thanks for the talk" would pass.
      const max = separated || !lowerCase ? 3 : 1;
      const names = namesAt(toks, i, prev === 'dash' || prev === 'comma', max, lowerCase);
      if (names === 0) return false;
      i += names;
      afterSignOff = false;
      i += roleAt(toks, i);
      continue;
    }
    if (t.kind === 'other') return false;
    i++;
  }
  return true;
}

/** Whether everything around the stock sentences is greeting, sign-off, emoji and punctuation. */
function nothingPersonal(note: Note, stock: readonly RegExpExecArray[]): boolean {
  let text = note.text;
  for (const e of note.entities) {
    if (e.kind === 'mention' || e.kind === 'broadcast')
      text = text.slice(0, e.start) + ' '.repeat(e.end - e.start) + text.slice(e.end);
  }
  text = text.replace(NO_WORDS, (m) => ' '.repeat(m.length));
  const lowerCase = !/\p{Lu}/u.test(text);
  const first = stock[0] as RegExpExecArray;
  const last = stock.at(-1) as RegExpExecArray;
  for (let k = 1; k < stock.length; k++) {
    const gap = text.slice(
      (stock[k - 1] as RegExpExecArray).index + (stock[k - 1] as RegExpExecArray)[0].length,
      (stock[k] as RegExpExecArray).index,
    );
    if (/[\p{L}\p{N}?]/u.test(gap)) return false;
  }
  const before = text.slice(0, first.index);
  const after = text.slice(last.index + last[0].length);
  // A greeting or a sign-off is a line at most: anything longer says something.
  if (before.trim().length > MAX_WRAPPING || after.trim().length > MAX_WRAPPING) return false;
  return onlyGreeting(tokens(before), lowerCase) && onlySignOff(tokens(after), lowerCase);
}

export const defaultText: Rule = {
  id: 'default-text',
  level: 'error',
  description:
    "The note is LinkedIn's stock text with nothing personal beyond a greeting and sign-off.",
  check(note) {
    // The language layer folds the text already, unless it read only the start of a paste.
    const a = note.analysis;
    const folded = a.truncated ? foldSameLength(note.text) : a.folded;
    if (!REQUIRED.some((words) => words.every((w) => folded.includes(w)))) return [];
    STOCK.lastIndex = 0;
    const stock = [...folded.matchAll(STOCK)];
    if (stock.length === 0 || !nothingPersonal(note, stock)) return [];
    const first = stock[0] as RegExpExecArray;
    return [
      at(
        note,
        first.index,
        first.index + first[0].length,
        "This is LinkedIn's stock text: it reads as no note at all and turns people off.",
        'Replace it with how you know them (where you met, who introduced you, what of theirs you read) and a next step such as a question.',
      ),
    ];
  },
};
