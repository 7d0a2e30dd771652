import { at, quote, type Rule, type RuleFinding } from './rule.js';

// Template tokens as mail-merge tools write them. Each needs letters inside,
// so `<3`, `(Amsterdam)`, `25 %` and `:tada:` are left alone.
const WORDS = String.raw`[\p{L}_][\p{L}\p{N}_ .'-]{0,38}`;
const TOKENS = new RegExp(
  [
    String.raw`\{\{\s*${WORDS}\s*\}\}`, // {{name}}, {{ company_name }}
    String.raw`\{[!$]?\s*${WORDS}\s*\}`, // {first name}, {!Contact.FirstName}
    String.raw`\[\[?\s*${WORDS}\s*\]?\]`, // [Company], [[Name]]
    String.raw`<<?\s*${WORDS}\s*>>?`, // <NAME>, <<First Name>>
    String.raw`%[\p{L}_][\p{L}\p{N}_]{1,30}%`, // %FIRSTNAME%
    String.raw`\$\{\s*${WORDS}\s*\}`, // ${name}
    String.raw`\b(?:FIRST_?NAME|LAST_?NAME|FNAME|LNAME|FULL_?NAME|COMPANY_?NAME|JOB_?TITLE)\b`, // FIRSTNAME left bare
    String.raw`_{3,}|\bX{3,}\b`, // a blank to fill in: "Hi ___," or "Hi XXX,"
  ].join('|'),
  'gu',
);

// Square and angle brackets also carry ordinary asides ("[sic]", "<em>"): only
// treat them as tokens when they read like a field name.
const TITLE_CASED = /^\p{Lu}[\p{L}\p{N}_'.-]*(?:[ _]\p{L}[\p{L}\p{N}_'.-]*){0,4}$/u;
const FIELD_WORD =
  /^[\p{L}_ ]*(?:name|company|title|role|event|city|school|position|industry|firm|topic|insert|recipient|prospect|contact|product)[\p{L}_ ]*$/iu;
const ASIDE = /^(?:sic|sic!|lol|\.\.\.|…|etc|ed|emphasis (?:mine|added))$/i;

const BARE_TOKEN = /^(?:FIRST_?NAME|LAST_?NAME|FNAME|LNAME|FULL_?NAME|COMPANY_?NAME|JOB_?TITLE)$/;

/** A bare mail-merge field such as FIRSTNAME: reported as a placeholder, not as shouting. */
export function isBareToken(word: string): boolean {
  return BARE_TOKEN.test(word);
}

export const placeholder: Rule = {
  id: 'placeholder',
  level: 'error',
  description:
    'An unfilled template token is left in: {first name}, [Company], {{name}}, <NAME>, %FIRSTNAME%.',
  check(note) {
    const out: RuleFinding[] = [];
    for (const m of note.matches(TOKENS, 'text')) {
      const token = m[0];
      const inner = token.replace(/^[[<{%$!\s]+|[\]>}%\s]+$/g, '');
      const bracket = token[0];
      const fieldLike = TITLE_CASED.test(inner) || FIELD_WORD.test(inner);
      if ((bracket === '[' || bracket === '<') && (!fieldLike || ASIDE.test(inner))) continue;
      out.push(
        at(
          note,
          m.index,
          m.index + token.length,
          `Unfilled template token ${quote(token)}: the recipient would see it as it is.`,
          `Replace ${quote(token)} with the real ${inner.replace(/[_.]+/g, ' ').trim().toLowerCase() || 'value'}.`,
        ),
      );
    }
    return out;
  },
};
