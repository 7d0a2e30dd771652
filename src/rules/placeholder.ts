import { foldSameLength } from '../text/fold.js';
import type { Note } from '../text/note.js';
import { at, quote, type Rule, type RuleFinding } from './rule.js';
import wrapping from './vocab/greetings.json' with { type: 'json' };
import data from './vocab/placeholder.json' with { type: 'json' };

// Shapes mail-merge and outreach tools give a field, most specific first; each
// is a candidate, judged below by what it holds and where it stands.
const CANDIDATES = new RegExp(
  [
    String.raw`(?<dbl>\{\{[^\n{}]{1,60}\}\})`, // {{name}}, {{ first_name | default: 'there' }}, {{1}}
    String.raw`(?<dollar>\$\{[^\n{}]{1,60}\})`, // ${Contacts.First Name}
    String.raw`(?<merge>\*\|[^\n|*]{1,40}\|\*)`, // *|FNAME|*
    String.raw`(?<pct>%%?[\p{L}_][\p{L}\p{N}_.]{1,40}%%?)`, // %FIRSTNAME%
    String.raw`(?<guil>[«‹][\p{L}\p{N}_.]{1,40}[»›])`, // «FirstName» (Word), not « a quote »
    String.raw`(?<brk>[{[<]{1,2}[!$]?[^\n{}[\]<>]{1,60}[}\]>]{1,2})`, // {first name}, [Company], <<Name>>, {first name]
    String.raw`(?<paren>\([^\n()]{1,40}\))`, // (first name)
    String.raw`(?<var>\$[\p{L}_][\p{L}\p{N}_]{1,30})`, // $FIRST_NAME
    String.raw`(?<bare>\b(?:${data.bareTokens.join('|')})\b)`, // FIRSTNAME left bare
    String.raw`(?<hash>#[\p{L}_][\p{L}\p{N}_ ]{1,30}#)`, // #FirstName#
    String.raw`(?<under>(?<![\p{L}\p{N}_])_{1,2}\p{L}[\p{L}\p{N}_ ]{0,30}?[\p{L}\p{N}]_{1,2}(?![\p{L}\p{N}_]))`, // __FIRST_NAME__, _company_
    // A blank to fill in: a run of low lines standing where a word goes ("Dear Dr. __,", "on ＿＿."),
    // not one inside a word (snake_case) or a face (^_^, -_-, >_<); or "Hi XXX,".
    String.raw`(?<blank>(?<![\p{L}\p{N}^=>\-])[_\uFF3F\u2017]+(?![\p{L}\p{N}^=<\-])|\bX{3,}\b)`,
    String.raw`(?<caps>\b\p{Lu}{3,}(?:[ _]\p{Lu}{2,}){0,2}\b)`, // "Hi NAME,", "at COMPANY"
  ].join('|'),
  'gu',
);

const fold = (words: readonly string[]) => new Set(words.map((w) => foldSameLength(w)));
const FIELDS = fold(Object.values(data.fields).flat());
const MODIFIERS = fold(data.modifiers);
const INSTRUCTIONS = fold(data.instructions);
// "firstname", "companyname", "jobtitle": a modifier or field joined to a field.
const JOINED = new Set(
  [...MODIFIERS, ...FIELDS].flatMap((a) => [...FIELDS].map((b) => `${a}${b}`)),
);
const NAME_FIELDS = fold(data.nameFields);
const GREETINGS = fold(wrapping.greetings);
const TITLES = fold(wrapping.titles);
const SIGN_OFFS = fold(wrapping.signOffs);

const BARE_TOKEN = new RegExp(`^(?:${data.bareTokens.join('|')})$`);

/** A bare mail-merge field such as FIRSTNAME or NAME: reported as a placeholder, not as shouting. */
export function isBareToken(word: string): boolean {
  return BARE_TOKEN.test(word) || (/^\p{Lu}+$/u.test(word) && isCapsField(words(word)));
}

/** "NAME", "FIRST NAME", "COMPANY": capitals that are the name or company field, nothing else. */
function isCapsField(ws: readonly string[]): boolean {
  return (
    ws.some(
      (w) => NAME_FIELDS.has(w) || [...NAME_FIELDS].some((f) => JOINED.has(w) && w.endsWith(f)),
    ) && ws.every((w) => isField(w) || MODIFIERS.has(w))
  );
}

/** The words inside a token: "{{ contact.firstName }}" → contact, first, name. */
function words(inner: string): string[] {
  const spaced = inner.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2');
  return foldSameLength(spaced)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

const isField = (w: string) => FIELDS.has(w) || JOINED.has(w);

/** A greeting and a title are short: how far back a name slot's greeting can start. */
const GREETING_REACH = 40;

/**
 * Whether a token sits where a template puts its name slot: right after a
 * greeting ("Hi [Anna],", "Dear {{ x }}") or in the sign-off ("Best,\n[Me]").
 * `lastVisible` is the end of the note's last non-space character.
 */
function inNameSlot(text: string, start: number, end: number, lastVisible: number): boolean {
  // Only the last few characters before it, so a long one-line note costs no scan back.
  const from = Math.max(0, start - GREETING_REACH);
  const near = text.slice(from, start);
  const newline = near.lastIndexOf('\n');
  if (newline < 0 && from > 0) return false;
  const before = words(near.slice(newline + 1)).filter((w) => !TITLES.has(w));
  if (before.length === 1 && GREETINGS.has(before[0] as string)) return true;
  if (before.length === 2 && GREETINGS.has(before.join(' '))) return true;
  if (end < lastVisible) return false;
  // Last in the note: alone on its line, or after a sign-off word.
  return before.length === 0 || SIGN_OFFS.has(before.join(' '));
}

/** What the token stands for, for the fix: "first name", "company", or "value". */
function fieldName(inner: string): string {
  const ws = words(inner.split('|')[0] ?? inner).filter((w) => !INSTRUCTIONS.has(w));
  const named = ws.filter((w) => !/^\d+$/.test(w)).join(' ');
  return named || 'value';
}

type Kind =
  | 'dbl'
  | 'dollar'
  | 'merge'
  | 'pct'
  | 'guil'
  | 'brk'
  | 'paren'
  | 'var'
  | 'bare'
  | 'caps'
  | 'hash'
  | 'under'
  | 'blank';

/** Whether a candidate of this kind, holding `inner`, is an unfilled token. */
function isToken(kind: Kind, inner: string, nameSlot: () => boolean): boolean {
  const ws = words(inner);
  const field = ws.some(isField);
  switch (kind) {
    case 'bare':
    case 'blank':
    case 'merge':
      return true;
    case 'dbl':
      // Template engines' variables: named fields, or identifiers no prose has (first_name, custom1, {{1}}).
      return field || /[_.\d]|\p{Ll}\p{Lu}/u.test(inner.split('|')[0] ?? '') || nameSlot();
    case 'paren':
      // "(first name)", "(insert company here)"; never "(Amsterdam)" or "(they/them)".
      return field && ws.every((w) => isField(w) || MODIFIERS.has(w) || INSTRUCTIONS.has(w));
    case 'caps':
      // Three capitals may be an acronym ("NOM"), except where the name goes.
      return isCapsField(ws) && (inner.length > 3 || nameSlot());
    case 'pct':
    case 'var':
    case 'guil':
    case 'hash':
    case 'under':
      return field;
    default:
      return (field && ws.length <= 8) || (ws.length > 0 && ws.length <= 3 && nameSlot());
  }
}

export const placeholder: Rule = {
  id: 'placeholder',
  level: 'error',
  description:
    'An unfilled template token is left in: {first name}, [Company], {{name}}, <NAME>, %FIRSTNAME%.',
  check(note) {
    // Per note: missing-context asks for the tokens too, to discount templated claims.
    let found = FOUND.get(note);
    if (!found) {
      found = findTokens(note);
      FOUND.set(note, found);
    }
    return [...found];
  },
};

const FOUND = new WeakMap<Note, RuleFinding[]>();

// First-person possessives: "(my company)" after a name is the sender's gloss, not a slot.
const OWN = new Set([
  'my',
  'our',
  'mein',
  'meine',
  'unser',
  'unsere',
  'mi',
  'nuestra',
  'nuestro',
  'mon',
  'ma',
  'notre',
  'meu',
  'minha',
  'nosso',
  'nossa',
]);

/** "Ledgerly (my company)", "Ana (our CTO)": a name the sender glosses in parentheses. */
function glossesAName(text: string, start: number, inner: string): boolean {
  const before = /(\p{Lu}[\p{L}\p{N}.&'-]*)\s*$/u.exec(text.slice(Math.max(0, start - 40), start));
  return before !== null && words(inner).some((w) => OWN.has(w));
}

// Every candidate above holds one of these characters or three capitals in a row (the bare
// tokens too): a note without any has no token, and this scan is much cheaper than CANDIDATES.
const MAY_HOLD_TOKEN = /[{$*%«‹[<(#_\uFF3F\u2017]|\p{Lu}{3}/u;

function findTokens(note: Note): RuleFinding[] {
  const out: RuleFinding[] = [];
  const text = note.text;
  if (!MAY_HOLD_TOKEN.test(text)) return out;
  const lastVisible = text.trimEnd().length;
  for (const m of note.matches(CANDIDATES, 'text')) {
    const kind = Object.entries(m.groups ?? {}).find(([, v]) => v !== undefined)?.[0] as Kind;
    const token = m[0];
    const inner = token.replace(/^[[<{%$!*|«‹(\s]+|[\]>}%*|»›)\s]+$/gu, '');
    if (kind !== 'blank' && !/[\p{L}\p{N}]/u.test(inner)) continue;
    // Where it stands is read only when what it holds does not settle it.
    const nameSlot = () => inNameSlot(text, m.index, m.index + token.length, lastVisible);
    if (!isToken(kind, inner, nameSlot)) continue;
    if (kind === 'paren' && glossesAName(text, m.index, inner)) continue;
    const what = kind === 'blank' ? 'name' : fieldName(inner);
    out.push(
      at(
        note,
        m.index,
        m.index + token.length,
        `Unfilled template token ${quote(token)}: the recipient would see it as it is.`,
        `Replace ${quote(token)} with the real ${what}.`,
      ),
    );
  }
  return out;
}
