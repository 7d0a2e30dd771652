import data from './lang/languages.json' with { type: 'json' };

export type Language = 'en' | 'de' | 'es' | 'fr' | 'pt' | 'unknown';
export const LANGUAGES = ['en', 'de', 'es', 'fr', 'pt'] as const;
type Known = (typeof LANGUAGES)[number];

interface LanguageData {
  stopwords: string[];
  firstPerson: string[];
  firstPossessive: string[];
  secondPerson: string[];
  secondPossessive: string[];
  thirdPerson: string[];
  firstPersonVerbEndings?: string[];
  firstPersonVerbs?: string[];
  leadIns: string[];
  senderOpeners?: string[];
  clitics?: string[];
  clauseBreakers: string[];
  ctaLeads: string[];
}

const table = data as unknown as Record<Known, LanguageData>;

// Kin, friends and colleagues: "my cousin", "our friend" are people, not the sender's firm.
const RELATION_NOUNS = new Set([
  'friend',
  'cousin',
  'brother',
  'sister',
  'mother',
  'father',
  'mom',
  'dad',
  'wife',
  'husband',
  'partner',
  'son',
  'daughter',
  'uncle',
  'aunt',
  'colleague',
  'coworker',
  'co-worker',
  'teammate',
  'manager',
  'boss',
  'mentor',
  'classmate',
  'roommate',
  'neighbour',
  'neighbor',
  'client',
  'former',
  'old',
  'mutual',
  'amigo',
  'amiga',
  'primo',
  'prima',
  'freund',
  'freundin',
  'kollege',
  'kollegin',
  'ami',
  'amie',
  'collègue',
  'cousin',
  'cousine',
  'colega',
]);

export interface Lexicon {
  stopwords: ReadonlySet<string>;
  firstPerson: ReadonlySet<string>;
  firstPossessive: ReadonlySet<string>;
  secondPerson: ReadonlySet<string>;
  secondPossessive: ReadonlySet<string>;
  thirdPerson: ReadonlySet<string>;
  firstPersonVerbs: ReadonlySet<string>;
  relationNouns: ReadonlySet<string>;
  leadIns: ReadonlySet<string>;
  /** Subject-less openings that speak for the sender: "happy to", "keen to". */
  senderOpeners: readonly string[];
  /** Object pronouns that stand before the verb and are not its subject. */
  clitics: ReadonlySet<string>;
  clauseBreakers: ReadonlySet<string>;
  ctaLeads: readonly string[];
  /** Spanish/Portuguese "-amos/-emos": a verb whose ending is its first-person subject. */
  endsFirstPersonVerb(word: string): boolean;
}

function build(d: LanguageData | undefined): Lexicon {
  const endings = d?.firstPersonVerbEndings ?? [];
  return {
    stopwords: new Set(d?.stopwords),
    firstPerson: new Set(d?.firstPerson),
    firstPossessive: new Set(d?.firstPossessive),
    secondPerson: new Set(d?.secondPerson),
    secondPossessive: new Set(d?.secondPossessive),
    thirdPerson: new Set(d?.thirdPerson),
    firstPersonVerbs: new Set(d?.firstPersonVerbs),
    relationNouns: RELATION_NOUNS,
    leadIns: new Set(d?.leadIns),
    senderOpeners: d?.senderOpeners ?? [],
    clitics: new Set(d?.clitics),
    clauseBreakers: new Set(d?.clauseBreakers),
    ctaLeads: d?.ctaLeads ?? [],
    endsFirstPersonVerb: (w) => w.length > 5 && endings.some((e) => w.endsWith(e)),
  };
}

const lexicons = new Map<Language, Lexicon>(LANGUAGES.map((l) => [l, build(table[l])]));
lexicons.set('unknown', build(undefined));

export function lexicon(language: Language): Lexicon {
  return lexicons.get(language) as Lexicon;
}

/**
 * The language of a note from its function words: short notes carry few
 * content words but always some articles and pronouns. English wins ties
 * (LinkedIn's lingua franca); words but no function word of any language
 * (another language or script) is `unknown`, so rules can stay silent.
 */
// Which languages list each function word: one map look-up per word.
const STOPWORD_LANGUAGES = new Map<string, Known[]>();
for (const l of LANGUAGES) {
  for (const w of (lexicons.get(l) as Lexicon).stopwords) {
    const list = STOPWORD_LANGUAGES.get(w);
    if (list) list.push(l);
    else STOPWORD_LANGUAGES.set(w, [l]);
  }
}

export function detectLanguage(lowerWords: readonly string[]): Language {
  const scores: Record<Known, number> = { en: 0, de: 0, es: 0, fr: 0, pt: 0 };
  let letters = false;
  for (const w of lowerWords) {
    const langs = STOPWORD_LANGUAGES.get(w);
    if (langs) for (const l of langs) scores[l]++;
    else if (!letters && /\p{L}/u.test(w)) letters = true;
  }
  let best: Known = 'en';
  for (const l of LANGUAGES) if (scores[l] > scores[best]) best = l;
  if (scores[best] === 0) return letters ? 'unknown' : 'en';
  return best;
}
