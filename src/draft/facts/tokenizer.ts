/**
 * Splits a context into sentences and clauses, and clauses into words. The only place that
 * knows how text is cut up: a language-aware tokenizer can replace it without touching the
 * reader.
 */
export interface Tokenizer {
  sentences(text: string): string[];
  clauses(sentence: string): string[];
  words(text: string): string[];
}

// "St. Mary's", "Acme Inc. in Leeds": a period that ends no sentence.
const COMMON_ABBREVIATIONS = [
  'st',
  'mt',
  'jr',
  'sr',
  'vs',
  'etc',
  'inc',
  'ltd',
  'co',
  'no',
  'approx',
  'dept',
  'e.g',
  'i.e',
];

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.-]*[\p{L}\p{M}\p{N}]|[\p{L}\p{N}]/gu;

export function createTokenizer(abbreviations: readonly string[]): Tokenizer {
  const abbrev = new Set(
    [...abbreviations, ...COMMON_ABBREVIATIONS].map((a) => a.toLowerCase().replace(/\.$/, '')),
  );
  return {
    sentences: (text) => splitSentences(text, abbrev),
    clauses: splitClauses,
    words(text) {
      return text.match(WORD) ?? [];
    },
  };
}

function splitSentences(text: string, abbrev: Set<string>): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of text.matchAll(/([.!?;]+)(?:\s+|$)|\n+/g)) {
    const end = m.index + m[0].length;
    const before = text.slice(start, m.index);
    const lastOriginal = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
    const lastWord = lastOriginal.toLowerCase();
    // "Dr. Okafor", "St. Mary's", "J. Smith" (a capital initial): not the end of a sentence.
    if (m[1]?.startsWith('.') && (abbrev.has(lastWord) || /^\p{Lu}$/u.test(lastOriginal))) continue;
    const keep = m[1]?.includes('?') ? '?' : '';
    out.push(`${before}${keep}`.trim());
    start = end;
  }
  out.push(text.slice(start).trim());
  return out.filter((s) => /[\p{L}\p{N}]/u.test(s));
}

// Commas, colons and dashes end a clause, but not inside parentheses or quotes.
function splitClauses(sentence: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = false;
  let current = '';
  const push = () => {
    if (current.trim() !== '') out.push(current.trim());
    current = '';
  };
  for (let i = 0; i < sentence.length; i++) {
    const ch = sentence[i] as string;
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (
      (ch === "'" || ch === '"' || ch === '‘' || ch === '’' || ch === '“' || ch === '”') &&
      isQuoteEdge(sentence, i)
    )
      quote = !quote;
    const rest = sentence.slice(i);
    if (depth === 0 && !quote) {
      const sep = /^(?:,\s+|:\s+|\s+[-–—]\s+|\s*[—–]\s*)/.exec(rest);
      if (sep) {
        const next = rest.slice(sep[0].length);
        // "Rupert Wynn, who runs…": a relative clause stays with its noun.
        // ", on hiring my first PM": a prepositional phrase continues the clause too.
        if (
          sep[0].startsWith(',') &&
          /^(?:who|whose|which|where|on|about|into|during|with|of)\b/.test(next)
        ) {
          current += ch;
          continue;
        }
        push();
        i += sep[0].length - 1;
        continue;
      }
    }
    current += ch;
  }
  push();
  return out.flatMap(splitParenthetical);
}

// A quote mark that opens or closes a quotation, not an apostrophe inside a word ("don't").
function isQuoteEdge(text: string, i: number): boolean {
  const before = text[i - 1] ?? ' ';
  const after = text[i + 1] ?? ' ';
  // "MBA '15": an elided year, not a quotation.
  if (/\d/.test(after) && /['’]/.test(text[i] as string)) return false;
  return !(/[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(after));
}

// "(Sam Lindqvist)", "(they/them)" at a clause's end are clauses of their own; "(NYC, $150k)" stays.
function splitParenthetical(clause: string): string[] {
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/u.exec(clause);
  if (!m) return [clause];
  const inner = (m[2] as string).trim();
  const nameLike = /^(?:\p{Lu}[\p{L}'’-]*)(?:\s+\p{Lu}[\p{L}'’-]*){0,2}$/u.test(inner);
  const pronouns = /^\p{L}+\/\p{L}+$/u.test(inner);
  if (!nameLike && !pronouns) return [clause];
  return [m[1] as string, inner].filter((c) => c.trim() !== '');
}
