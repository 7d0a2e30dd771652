/** A noun phrase about them: a relation ("uni flatmate from Manchester"), a role, their work, their employer. */
import type { Clause } from './clause.js';
import { type Fact, fact, npFact } from './fact.js';
import type { LanguagePack } from './language.js';
import { RECIPIENT } from './person.js';
import { has, startsWith } from './phrases.js';
import { lowerFirst } from './words.js';

/** `unused` when it reads as none of these: a bare number, a single word that names no trade. */
export function describe(np: string, cl: Clause): Fact | 'unused' {
  const { text: source, pack, weight, second } = cl;
  if (/^\p{N}/u.test(np)) return 'unused';
  // "same Lambda School cohort in 2020": something they share.
  if (pack.language === 'en' && /^same\s/i.test(np))
    return fact(
      'context',
      'sentence',
      second(`${pack.write.we} were in the ${np}`),
      source,
      weight + 2,
    );
  // "his talk on feature flags saved us a rewrite": their work, and what it did.
  if (
    /^(?:your|her|his|their|\uE001)\s/iu.test(np) &&
    /\s(?:\p{Ll}+ed|saved|made|helped|changed|taught|got|gave)\s/u.test(np)
  )
    return fact('work', 'sentence', second(np), source, weight + 2);
  // "the partnership is live now": a sentence of its own.
  if (/\s(?:is|are|was|were|has|have)\s/.test(np) && !np.startsWith(RECIPIENT))
    return fact('context', 'sentence', second(np), source, weight);
  // "transferring from the Lisbon office": what they are doing.
  if (pack.language === 'en' && /^\p{Ll}+ing\b/u.test(np))
    return npFact('role', 'you_are', second(np), source, weight);
  return relation(np, cl) ?? roleOrPlace(np, cl);
}

/** "fellow Wharton alum", "my old lab partner", "ex-teammate from Shopify": how they relate to the sender. */
function relation(np: string, cl: Clause): Fact | undefined {
  const { text: source, pack, weight, second } = cl;
  const r = pack.read;
  const head = np.split(/\s+/).slice(0, 4).join(' ');
  if (has(head, r.fellow)) {
    const text = second(np.replace(/^\p{Lu}/u, (ch) => ch.toLowerCase()));
    return npFact('role', 'you_are_fellow', text, source, weight + 1);
  }
  if (!has(head, r.relational)) return undefined;
  const own = np.replace(/^(?:my|our)\s+/i, '');
  const past = startsWith(own, r.relational_past);
  const cleaned = own.replace(/^(?:ex-|former\s+|old\s+)/i, '');
  if (past || /\b(?:faculdade|universidade|universidad|uni|college|school)\b/i.test(np))
    return npFact('role', 'you_were_my', second(lowerFirst(cleaned)), source, weight + 2);
  return npFact('role', 'you_are', second(withArticle(lowerFirst(np), pack)), source, weight + 2);
}

/** A former employer, their work, one word for what they do, where they are, or a role. */
function roleOrPlace(np: string, cl: Clause): Fact | 'unused' {
  const { text: source, pack, weight, second } = cl;
  const words = np.split(/\s+/);
  const exOrg = /^ex-(\p{Lu}.*)$/u.exec(np);
  if (exOrg && pack.write.you_were_at)
    return npFact('role', 'you_were_at', exOrg[1] as string, source, weight + 1);
  if (
    has(np, pack.read.work_nouns) &&
    /^(?:the|a|an|your|\uE001|her|his|their)\b|^\uE001/iu.test(np) &&
    pack.write.about_work
  )
    return npFact('work', 'about_work', second(np), source, weight + 2);
  // "oncologist", "sommelier": one word for what they do.
  if (words.length === 1)
    return pack.language === 'en' && /^\p{Ll}+(?:ist|er|or|ian|ant|ent|ier|eur)$/u.test(np)
      ? npFact('role', 'you_are', withArticle(np, pack), source, weight)
      : 'unused';
  if (/^\p{Lu}/u.test(np) && !/\s(?:at|of|for)\s/.test(np) && !/^\p{Lu}{2,}/u.test(np)) {
    const needsThe = /\p{Ll}$/u.test(words.at(-1) ?? '') && !/^(?:the|a|an)\b/i.test(np);
    // Where they work or study is context a reader places at once: keep it before a role.
    const text = `${needsThe ? `${pack.write.articles.the} ` : ''}${np}`;
    return npFact('role', 'you_are_at', text, source, weight + 2);
  }
  return npFact('role', 'you_are', second(withArticle(np, pack)), source, weight);
}

/** "oncologist" → "an oncologist"; "head of driver ops…", "VP Ops…", "my neighbour" stay. */
export function withArticle(np: string, pack: LanguagePack): string {
  const { articles, role_without_article } = pack.write;
  const first = (np.split(/\s+/)[0] ?? '').toLowerCase();
  if (
    /^(?:the|a|an|my|our|your|his|her|their|\uE001)$/u.test(first) ||
    role_without_article.includes(first) ||
    /^\p{Lu}{2,}/u.test(np)
  )
    return np;
  if (pack.language !== 'en') return np;
  if (/^\p{L}+\s+of\b/u.test(np)) return `${articles.the} ${np}`;
  return `${articles.vowels.includes(first.charAt(0)) ? articles.an : articles.a} ${np}`;
}
