import { foldSameLength } from '../../text/fold.js';

const GAP = String.raw`(?:\s*[,;:]\s*|\s+)`;

/**
 * Fixed sentences kept as data (LinkedIn's stock texts) written in a tiny
 * syntax and compiled to a regex source:
 *
 * - words separated by spaces; between words any white space, and a comma,
 *   colon or semicolon where the person put one;
 * - `(a|b c)` one of the alternatives, `[x y]` optional; they nest;
 * - an apostrophe may be typed or left out ("i'd" matches "id"); a hyphen may be a space;
 *   a gender mark may follow a word ("adicioná-lo(a)").
 *
 * It matches text folded by `foldSameLength`; the pattern is folded the same way.
 */
export function stockPatternSource(pattern: string): string {
  const tokens = foldSameLength(pattern).match(/[()[\]|]|[^\s()[\]|]+/g) ?? [];
  let i = 0;

  // Items joined by gaps; an optional item holds its own gap, so leaving it out leaves one gap.
  function sequence(): string {
    let out = '';
    let atStart = true;
    while (i < tokens.length && !')]|'.includes(tokens[i] as string)) {
      const tok = tokens[i++] as string;
      const optional = tok === '[';
      const item = tok === '(' ? alternatives(')') : optional ? alternatives(']') : word(tok);
      if (!optional) {
        out += atStart ? item : `${GAP}${item}`;
        atStart = false;
      } else {
        out += atStart ? `(?:${item}${GAP})?` : `(?:${GAP}${item})?`;
      }
    }
    return out;
  }

  function alternatives(close?: string): string {
    const alts = [sequence()];
    while (tokens[i] === '|') {
      i++;
      alts.push(sequence());
    }
    if (close !== undefined) {
      if (tokens[i] !== close)
        throw new SyntaxError(`stock pattern "${pattern}": missing ${close}`);
      i++;
    }
    return `(?:${alts.join('|')})`;
  }

  const source = alternatives();
  if (i < tokens.length) throw new SyntaxError(`stock pattern "${pattern}": stray ${tokens[i]}`);
  return source;
}

// Formal templates mark gender after a word: "adicioná-lo(a)", "Estimado/a".
const GENDER = String.raw`(?:\((?:a|o|as|os)\)|/(?:a|o))?`;

// Words people split that LinkedIn writes as one ("Linked In", "Linked-In").
const SPLIT: Readonly<Record<string, string>> = { linkedin: String.raw`linked[-\s]?in` };

function word(w: string): string {
  const split = SPLIT[w];
  if (split) return split;
  const source = w
    .replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
    .replace(/'/g, "'?")
    .replace(/-/g, String.raw`[-\s]?`);
  return `${source}${GENDER}`;
}

/**
 * The plain words a pattern cannot match without (those outside every
 * group), so a note that lacks one of them is passed over without running
 * the full pattern.
 */
export function requiredWords(pattern: string): string[] {
  let depth = 0;
  const words: string[] = [];
  for (const tok of foldSameLength(pattern).match(/[()[\]|]|[^\s()[\]|]+/g) ?? []) {
    if (tok === '(' || tok === '[') depth++;
    else if (tok === ')' || tok === ']') depth--;
    else if (depth === 0 && /^\p{L}+$/u.test(tok) && !SPLIT[tok] && !words.includes(tok))
      words.push(tok);
  }
  // Longest first: the rarest words rule a pattern out soonest.
  return words.sort((x, y) => y.length - x.length);
}
