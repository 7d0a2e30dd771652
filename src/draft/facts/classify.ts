import { type Fact, type FactKind, type Facts, type LeftOut, REASONS } from './fact.js';
import type { LanguagePack, PurposeKind } from './language.js';
import type { PersonName } from './names.js';
import { type PronounSet, RECIPIENT, RECIPIENT_POSSESSIVE, toSecondPerson } from './person.js';
import { has, isWhole, phrases, startsWith } from './phrases.js';
import type { Env } from './reading.js';

export function detectLanguage(text: string, env: Env): LanguagePack {
  const words = env.tok.words(text.toLowerCase());
  let best = env.languages.english;
  let bestScore = 0;
  for (const pack of env.all) {
    const set = new Set(pack.detect);
    const score = words.filter((w) => set.has(w)).length;
    if (
      score > bestScore + (pack === env.languages.english ? 0 : 1) ||
      (pack === env.languages.english && score >= bestScore && score > 0)
    ) {
      if (pack !== env.languages.english && score < 2) continue;
      best = pack;
      bestScore = score;
    }
  }
  return best;
}

/** Reads and removes what the user asks of the note itself; returns what is left to read as a fact. */
export function instructions(clause: string, facts: Facts, env: Env): string | undefined {
  const { lists } = env;
  let c = clause.trim();
  for (const pack of env.all) {
    for (const [code, list] of Object.entries(pack.read.instructions.languages ?? {})) {
      const m = phrases(list).exec(c);
      if (!m) continue;
      // The templates write in the language of the facts; another one is the AI drafter's job.
      if (code !== facts.language)
        facts.unmetLanguage = env.languages.packs.get(code)?.label ?? code;
      c = `${c.slice(0, m.index)}${c.slice(m.index + (m[0] as string).length)}`.trim();
      if (wordCount(c.replace(phrases(lists.meta), ' ')) <= 2) return undefined;
    }
  }
  const avoid = phrases(lists.avoid).exec(c);
  if (avoid) {
    const terms = c
      .slice(avoid.index + (avoid[0] as string).length)
      .split(/\s*(?:,|\bor\b|\band\b|\/)\s*/i)
      .map((t) => t.replace(/\b(?:[\p{L}]+['’]s|our|my|the|his|her|their)\s+/giu, '').trim())
      .filter((t) => t !== '');
    facts.avoid.push(...terms);
    c = c
      .slice(0, avoid.index)
      .replace(/\s*(?:\bbut\b|\band\b|,)\s*$/i, '')
      .trim();
    if (c === '') return undefined;
  }
  const max = phrases(lists.maxLength).exec(c);
  if (max) {
    const n = Number(max.slice(1).find((g) => g !== undefined));
    if (Number.isFinite(n) && n >= 60) facts.maxLength = Math.min(facts.maxLength ?? n, n);
  }
  if (has(c, lists.short)) facts.maxLength = Math.min(facts.maxLength ?? 160, 160);
  if (has(c, lists.formal)) facts.formal = true;
  const style = [
    lists.maxLength,
    lists.short,
    lists.formal,
    lists.noEmoji,
    lists.meta,
    lists.fillers,
  ];
  let rest = c;
  for (const list of style) rest = rest.replace(phrases(list), ' ');
  if (rest !== c && wordCount(rest) <= 2) return undefined;
  const mention = startsWith(c, lists.mention);
  if (mention && mention.rest !== '') return mention.rest;
  return c;
}

function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

export function mergeDangling(parts: string[]): void {
  for (let i = 0; i < parts.length - 1; i++) {
    const next = parts[i + 1] as string;
    if (
      /\b(?:wrote|made|built|published|posted|shared|gave|recorded|created)\s*$/i.test(
        parts[i] as string,
      ) &&
      /^(?:the|a|an|her|his|their|my|our)\b/i.test(next)
    ) {
      parts.splice(i, 2, `${(parts[i] as string).trim()} ${next}`);
    }
  }
}

export function personFromMention(display: string): PersonName {
  const full = display.trim();
  const first = full.split(/\s+/)[0] as string;
  const greet = first.charAt(0).toUpperCase() + first.slice(1);
  return { full, greet, forms: [full, first].sort((a, b) => b.length - a.length) };
}

/** One pattern for every form of their name, longest first, built once per context. */
export function recipientPattern(name: PersonName | undefined): RegExp | undefined {
  if (!name) return undefined;
  const forms = name.forms.map(escapeRe).join('|');
  return new RegExp(`(?<![\\p{L}])(?:${forms})(['’]s)?(?![\\p{L}])`, 'gu');
}

/** Every mention of the recipient becomes the marker, so person rewriting can say "you". */
export function markRecipient(clause: string, recipient: RegExp | undefined): string {
  if (!recipient) return clause;
  const out = clause.replace(recipient, (_, possessive?: string) =>
    possessive ? RECIPIENT_POSSESSIVE : RECIPIENT,
  );
  // "Dr. ⟨R⟩": the title goes with the name.
  return out.replace(
    /\b(?:the\s+)?(?:founder|cofounder|co-founder|its founder)\s+(?=\uE000)/giu,
    '',
  );
}

/** "I'm a PhD student and want to ask…": the sender's fact and the purpose are read apart. */
export function splitPurpose(clause: string, pack: LanguagePack): string[] {
  const leads = pack.read.purpose_lead;
  for (const m of clause.matchAll(/\s+(?:and|but|y|und|et|e)\s+/giu)) {
    if (m.index < 8) continue;
    const rest = clause.slice(m.index + m[0].length);
    const lead = startsWith(rest, leads);
    if (lead && !/^(?:and|also)\b/i.test(lead.phrase)) return [clause.slice(0, m.index), rest];
  }
  return [clause];
}

export function unmark(clause: string, name: PersonName | undefined): string {
  return clause
    .replaceAll(RECIPIENT_POSSESSIVE, `${name?.full ?? ''}'s`)
    .replaceAll(RECIPIENT, name?.full ?? '');
}

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The recipient's pronouns: "(they/them)" if given, else the first she/he of the text; "they" only alone. */
export function recipientPronoun(clauses: string[], pack: LanguagePack): PronounSet | undefined {
  const text = clauses.join(' ; ');
  if (/\b(?:they\/them|elle\/lui|ellx)\b/i.test(text)) return 'they';
  let firstAt = Number.POSITIVE_INFINITY;
  let found: PronounSet | undefined;
  const lists = derived(pack).pronouns;
  for (const set of ['she', 'he'] as const) {
    const list = lists[set];
    if (!list) continue;
    const m = phrases(list).exec(text);
    if (m && m.index < firstAt) {
      firstAt = m.index;
      found = set;
    }
  }
  if (found) return found;
  const they = lists.they;
  if (they && phrases(they).test(text)) return 'they';
  return undefined;
}

/** Word lists combined per language once, so their patterns are looked up, not rebuilt. */
interface Derived {
  metLead: string[];
  emptyOrMeta: string[];
  pronouns: Partial<Record<PronounSet, string[]>>;
}
const derivedCache = new WeakMap<LanguagePack, Derived>();
function derived(pack: LanguagePack): Derived {
  let d = derivedCache.get(pack);
  if (!d) {
    const r = pack.read;
    const pronouns: Derived['pronouns'] = {};
    for (const set of ['she', 'he', 'they'] as const) {
      const p = r.pronouns[set];
      if (!p) continue;
      pronouns[set] =
        set === 'they'
          ? [...p.subject, ...p.contracted]
          : [
              ...p.subject,
              ...p.possessive,
              ...p.contracted,
              ...p.object.filter((o) => o.length > 2),
            ];
    }
    d = {
      metLead: [
        ...r.met_lead,
        ...(pack.language === 'en' ? ['met', 'meeting', 'met up with', 'met with'] : []),
      ],
      emptyOrMeta: [
        ...r.empty_purposes,
        'write to',
        'reaching out to',
        'reach out to',
        'note to',
        'note for',
      ],
      pronouns,
    };
    derivedCache.set(pack, d);
  }
  return d;
}

type Classified = Fact | Fact[] | LeftOut | 'consumed' | 'unused' | { label: PurposeKind };

const SUBJECTS = new Set([
  'i',
  "i'm",
  "i've",
  "i'd",
  "i'll",
  'we',
  "we're",
  "we've",
  'my',
  'our',
  'you',
  "you're",
  'your',
  'it',
  "it's",
  'there',
  'yo',
  'ich',
  'wir',
  'je',
  'nous',
  'eu',
  'nós',
  'io',
  'noi',
  'mi',
  'mein',
  'meine',
  'nuestro',
  'nuestra',
  'mon',
  'ma',
  'notre',
  'ci',
  'nos',
  'me',
]);

export function classify(
  raw: string,
  pack: LanguagePack,
  pronoun: PronounSet | undefined,
  facts: Facts,
  env: Env,
  label: PurposeKind | undefined,
): Classified {
  const r = pack.read;
  const w = pack.write;
  let c = raw.replace(/^[\s,.;:!-]+|[\s,.;:!-]+$/g, '').trim();
  c = c.replace(phrases(env.lists.fillers, 'start'), '').trim();
  c = c.replace(phrases(r.vague_people, 'start'), '').trim();
  // "Reaching out to ⟨R⟩, whose Dribbble work…": the cue goes, the rest is about them.
  c = c.replace(
    /^(?:reaching out to|reach out to|write to|connect with|note to)\s+(?=\uE000)/iu,
    '',
  );
  c = c
    .replace(/^\uE000,?\s+whose\s+/u, `${RECIPIENT_POSSESSIVE} `)
    .replace(/^\uE000,\s+who\s+/u, `${RECIPIENT} `);
  // "the hiring manager is ⟨R⟩" → "⟨R⟩'re the hiring manager".
  const isThem = /^(the .+?) is \uE000$/u.exec(c);
  if (isThem && pack.language === 'en') c = `${RECIPIENT} is ${isThem[1]}`;
  if (c === '') return 'consumed';
  if (has(c, r.not_for_note) && wordCount(c.replace(phrases(r.not_for_note), ' ')) <= 1)
    return { text: c, reason: 'it would not help the note' };
  const bare = c
    .replace(/[\uE000\uE001]/g, '')
    .replace(phrases(env.cues.titles), '')
    .replace(/[\p{P}\p{S}\s]/gu, '');
  if (bare === '') return 'consumed';
  if (/^\p{L}+\/\p{L}+$/u.test(c)) return 'consumed';
  const second = (text: string) => toSecondPerson(text, pack, pronoun);
  const avoided = facts.avoid.some((term) => mentions(c, term));
  if (avoided) return { text: unmarkPlain(c, facts), reason: REASONS.avoid };

  // A clause in another language than the note's is not stitched in.
  const other = clauseLanguage(c, pack, env);
  if (other) return { text: unmarkPlain(c, facts), reason: REASONS.language(other.label) };

  // How well they know each other.
  for (const scenario of ['acquaintance', 'stranger', 'close'] as const) {
    const list = r.relationship[scenario] ?? [];
    if (list.length === 0 || !has(c, list)) continue;
    facts.relationship ??= scenario;
    const rest = c
      .replace(phrases(list), ' ')
      .replace(/\b(?:we|we've|i|i've|have|properly|but|and)\b/gi, ' ');
    if (wordCount(rest) === 0) return 'consumed';
  }
  if (
    /^(?:connect|write|reach out|reaching out|note)\b.*\uE000$/iu.test(c) ||
    isWhole(c.replace(/\s*\uE000\s*$/u, ''), derived(pack).emptyOrMeta)
  )
    return 'consumed';

  // "Hiring: founding designer…": the label says what the next part is.
  for (const [kind, list] of Object.entries(r.labels ?? {})) {
    if (list && isWhole(c, list)) return { label: kind as PurposeKind };
  }

  // Having worked or studied together is a close, current kind of knowing.
  if (/\b(?:worked|studied|played|volunteered|served) together\b/i.test(c))
    facts.relationship ??= 'close';
  const weight = specificity(c);
  if (/\?$/.test(c))
    return { kind: 'next', form: 'question', text: second(c), source: c, weight: weight + 1 };

  // What the sender wants.
  const lead = startsWith(
    c.replace(/^(?:and|also|just|so|but|y|und|et|e)\s+/i, ''),
    r.purpose_lead,
  );
  const imperative = purposeVerb(c, r);
  if (lead || imperative) {
    const vp = lead ? lead.rest : c;
    if (
      vp === '' ||
      isWhole(second(vp), r.empty_purposes) ||
      isWhole(vp.replace(/\s*\uE000\s*/u, ' ').trim(), r.empty_purposes)
    )
      return 'consumed';
    const kind = purposeVerb(vp, r) ?? (lead ? 'other' : imperative);
    const text = second(vp);
    if (pack.language !== 'en') {
      let said = lead ? c.replace(/^(?:and|also|just|so|but|und|y|et|e)\s+/i, '') : c;
      // "möchte mal wieder…": German says who wants it.
      if (pack.write.needs_subject && !SUBJECTS.has((said.split(/\s+/)[0] ?? '').toLowerCase()))
        said = `${pack.write.i} ${said}`;
      return {
        kind: 'purpose',
        form: 'sentence',
        text: second(said),
        source: c,
        purposeKind: kind ?? 'other',
        weight: weight + 4,
      };
    }
    const thanks = /^thank\s+you\b(.*)$/i.exec(text);
    if (thanks) {
      let rest = (thanks[1] as string).trim();
      // "thank ⟨R⟩ at Nordic Freight for…": thank them and their company.
      rest = rest.replace(/^at\s+(.+?)\s+(for\s+.+)$/i, 'and everyone at $1 $2');
      const more = /^and\s+((?!everyone\b).+)$/i.exec(rest);
      const thank: Fact = {
        kind: 'purpose',
        form: 'thanks',
        text: more ? '' : rest,
        source: c,
        purposeKind: 'thanks',
        weight: weight + 4,
      };
      if (!more) return thank;
      const vp = more[1] as string;
      return [
        thank,
        {
          kind: 'purpose',
          form: 'vp',
          text: vp,
          source: c,
          purposeKind: purposeVerb(vp, r) ?? 'question',
          weight: weight + 4,
        },
      ];
    }
    const vpText = lowerVerb(text).replace(/^(?:just|also|really|still)\s+/i, '');
    // "say thanks and ask one follow-up…": a thank-you, then the question.
    const saysThanks = /^say\s+(?:thanks|thank\s+you)\s+and\s+(.+)$/i.exec(vpText);
    if (saysThanks) {
      const restVp = saysThanks[1] as string;
      return [
        {
          kind: 'purpose',
          form: 'thanks',
          text: '',
          source: c,
          purposeKind: 'thanks',
          weight: weight + 4,
        },
        {
          kind: 'purpose',
          form: 'vp',
          text: restVp,
          source: c,
          purposeKind: purposeVerb(restVp, r) ?? 'question',
          weight: weight + 4,
        },
      ];
    }
    return {
      kind: 'purpose',
      form: 'vp',
      text: vpText,
      source: c,
      purposeKind: kind ?? 'other',
      weight: weight + 4,
    };
  }
  const nounLead = startsWith(c, r.purpose_noun_lead);
  if (nounLead && nounLead.rest !== '') {
    return {
      kind: 'purpose',
      form: 'purpose-np',
      text: second(nounLead.rest),
      source: c,
      purposeKind: purposeVerb(nounLead.rest, r) ?? 'question',
      weight: weight + 4,
    };
  }

  // "via Priya Nair", "intro from Dana Levi": a mutual contact.
  const via = startsWith(c, r.mutual_before);
  if (
    via &&
    /^\p{Lu}/u.test(via.rest) &&
    wordCount(via.rest) <= 4 &&
    !via.rest.includes(RECIPIENT)
  ) {
    return { kind: 'mutual', form: 'mutual', text: via.rest, source: c, weight: weight + 3 };
  }
  const { metLead } = derived(pack);
  // A concrete next step: "maybe lunch in Toronto", "coffee next week".
  if (
    has(c, r.next_words) &&
    (startsWith(c, r.next_lead) ||
      startsWith(c.replace(/^(?:a|an|quick|short)\s+/i, ''), r.next_words) ||
      wordCount(c) <= 6) &&
    !/^(?:we|i)\b/i.test(c) &&
    !startsWith(c, metLead)
  ) {
    let next = lowerFirst(startsWith(c, r.next_lead)?.rest ?? c);
    // "quick call next week" → "a quick call next week".
    if (pack.language === 'en' && startsWith(next, r.countable_next)) next = `a ${next}`;
    return { kind: 'next', form: 'next', text: second(next), source: c, weight: weight + 1 };
  }

  // "met (her) at SXSW", "kennengelernt auf der hub.berlin".
  const met = startsWith(c, metLead);
  if (met) {
    const where = met.rest.replace(/^(?:\uE000|her|him|them|briefly|once)\s+/iu, '').trim();
    if (/^(?:at|in|on|during|over|after|auf|bei|à|au|en|no|na|al|in)(?=\s)/iu.test(where)) {
      facts.relationship ??= 'acquaintance';
      return { kind: 'met', form: 'where', text: second(where), source: c, weight: weight + 3 };
    }
  }
  // "⟨R⟩ from the Stockholm Rust meetup".
  const from = /^\uE000\s+(?:from|de|von|da)\s+(.+)$/iu.exec(c);
  if (from)
    return {
      kind: 'from',
      form: 'where',
      text: second(from[1] as string),
      source: c,
      weight: weight + 3,
    };
  // "⟨R⟩ sushi chef turned SWE": what follows the name describes them.
  if (
    pack.language === 'en' &&
    /^\uE000\s+\p{Ll}/u.test(c) &&
    !/^\uE000\s+(?:was|is|has|had|runs|wrote|and|said|\p{L}+s\b|\p{L}+ed\b)/u.test(c)
  ) {
    const np = c.replace(/^\uE000\s+/u, '');
    if (!startsWith(np, r.recipient_verbs)) return describe(np, c, pack, weight, second);
  }

  const first = (c.split(/\s+/)[0] ?? '').toLowerCase().replace(/’/g, "'");
  const together = startsWith(c, r.together_verbs);
  if (together) {
    const needsWe = pack.language === 'en' && !/^we\b/i.test(c);
    return sentence(needsWe ? `${w.we} ${lowerVerb(c)}` : c, c, weight + 1, second);
  }
  const now = startsWith(c, r.now_words);
  if (now && now.rest !== '') {
    const subj = (now.rest.split(/\s+/)[0] ?? '').toLowerCase();
    if (SUBJECTS.has(subj) || now.rest.startsWith(RECIPIENT) || isPronoun(subj, pack, pronoun))
      return sentence(c, c, weight, second);
    return {
      kind: 'role',
      form: 'np',
      wrap: 'you_are_now',
      text: second(now.rest),
      source: c,
      weight,
    };
  }
  if (startsWith(c, r.turns_out) && w.it)
    return sentence(`${w.it} ${lowerFirst(c)}`, c, weight, second);
  const senderVerb = startsWith(c, r.sender_verbs);
  if (senderVerb && !SUBJECTS.has(first)) {
    const ing = /ing$/i.test(senderVerb.phrase);
    const subject = pack.language === 'en' ? (ing ? "I'm" : 'I') : w.i;
    return {
      kind: 'sender',
      form: 'sentence',
      text: second(`${subject} ${lowerVerb(c)}`),
      source: c,
      weight: weight + 1,
    };
  }
  const recipientVerb = startsWith(c, r.recipient_verbs);
  if (recipientVerb && !SUBJECTS.has(first))
    return sentence(`${RECIPIENT} ${lowerVerb(c)}`, c, weight, second);
  if (label === 'hire' && w.hiring)
    return {
      kind: 'sender',
      form: 'np',
      wrap: 'hiring',
      text: withArticle(c, pack),
      source: c,
      purposeKind: 'hire',
      weight: weight + 2,
    };
  // "my cousin's friend ⟨R⟩", "my old lab partner at ETH": a noun phrase about them.
  if (
    (first === 'my' || first === 'our') &&
    !/\b(?:is|are|was|were|said|told|\p{Ll}+ed)\b/u.test(c)
  )
    return describe(c.replace(/\s*\uE000$/u, ''), c, pack, weight, second);
  if (
    (first === 'my' || first === 'our') &&
    has(c.split(/\s+/).slice(0, 3).join(' '), r.relational) &&
    !/\b(?:is|was|said|told)\b/.test(c)
  )
    return describe(c, c, pack, weight, second);
  if (
    SUBJECTS.has(first) ||
    c.startsWith(RECIPIENT) ||
    c.startsWith(RECIPIENT_POSSESSIVE) ||
    isPronoun(first, pack, pronoun) ||
    (/^\p{Lu}\p{Ll}/u.test(c.split(/\s+/)[0] ?? '') && hasVerbAfterName(c))
  ) {
    const kind: FactKind = /^(?:i|i'm|i've|i'd|my|yo|ich|je|eu|io)$/.test(first)
      ? 'sender'
      : 'context';
    return { kind, form: 'sentence', text: second(c), source: c, weight: weight + 1 };
  }
  // Elsewhere a clause without a subject is about them: "parlava di…" → "Lei parlava di…".
  if (
    pack.language !== 'en' &&
    /^\p{Ll}/u.test(c) &&
    !has(c.split(/\s+/).slice(0, 3).join(' '), r.relational) &&
    !startsWith(c, r.now_words)
  )
    return sentence(`${RECIPIENT} ${c}`, c, weight, second);
  return describe(c, c, pack, weight, second);
}

/** "Ask you to keynote…" inside "I'd love to …": the verb loses its capital. */
function lowerVerb(vp: string): string {
  return /^(?:I\b|I['’]|\p{Lu}{2,})/u.test(vp) ? vp : vp.charAt(0).toLowerCase() + vp.slice(1);
}

function sentence(
  text: string,
  source: string,
  weight: number,
  second: (t: string) => string,
): Fact {
  return { kind: 'context', form: 'sentence', text: second(text), source, weight };
}

/** A noun phrase about them: a relation ("uni flatmate from Manchester"), a role, their work, their employer. */
function describe(
  np: string,
  source: string,
  pack: LanguagePack,
  weight: number,
  second: (t: string) => string,
): Fact | 'unused' {
  const r = pack.read;
  const words = np.split(/\s+/);
  if (/^\p{N}/u.test(np)) return 'unused';
  // "same Lambda School cohort in 2020": something they share.
  if (pack.language === 'en' && /^same\s/i.test(np))
    return {
      kind: 'context',
      form: 'sentence',
      text: second(`${pack.write.we} were in the ${np}`),
      source,
      weight: weight + 2,
    };
  // "his talk on feature flags saved us a rewrite": their work, and what it did.
  if (
    /^(?:your|her|his|their|\uE001)\s/iu.test(np) &&
    /\s(?:\p{Ll}+ed|saved|made|helped|changed|taught|got|gave)\s/u.test(np)
  )
    return { kind: 'work', form: 'sentence', text: second(np), source, weight: weight + 2 };
  // "the partnership is live now": a sentence of its own.
  if (/\s(?:is|are|was|were|has|have)\s/.test(np) && !np.startsWith(RECIPIENT))
    return { kind: 'context', form: 'sentence', text: second(np), source, weight };
  // "transferring from the Lisbon office": what they are doing.
  if (pack.language === 'en' && /^\p{Ll}+ing\b/u.test(np))
    return { kind: 'role', form: 'np', wrap: 'you_are', text: second(np), source, weight };
  const head = words.slice(0, 4).join(' ');
  if (has(head, r.fellow))
    return {
      kind: 'role',
      form: 'np',
      wrap: 'you_are_fellow',
      text: second(np.replace(/^\p{Lu}/u, (ch) => ch.toLowerCase())),
      source,
      weight: weight + 1,
    };
  if (has(head, r.relational)) {
    const own = np.replace(/^(?:my|our)\s+/i, '');
    const past = startsWith(own, r.relational_past);
    const cleaned = own.replace(/^(?:ex-|former\s+|old\s+)/i, '');
    if (past || /\b(?:faculdade|universidade|universidad|uni|college|school)\b/i.test(np)) {
      return {
        kind: 'role',
        form: 'np',
        wrap: 'you_were_my',
        text: second(lowerFirst(cleaned)),
        source,
        weight: weight + 2,
      };
    }
    return {
      kind: 'role',
      form: 'np',
      wrap: 'you_are',
      text: second(withArticle(lowerFirst(np), pack)),
      source,
      weight: weight + 2,
    };
  }
  const exOrg = /^ex-(\p{Lu}.*)$/u.exec(np);
  if (exOrg && pack.write.you_were_at)
    return {
      kind: 'role',
      form: 'np',
      wrap: 'you_were_at',
      text: exOrg[1] as string,
      source,
      weight: weight + 1,
    };
  if (
    has(np, r.work_nouns) &&
    /^(?:the|a|an|your|\uE001|her|his|their)\b|^\uE001/iu.test(np) &&
    pack.write.about_work
  ) {
    return {
      kind: 'work',
      form: 'np',
      wrap: 'about_work',
      text: second(np),
      source,
      weight: weight + 2,
    };
  }
  // "oncologist", "sommelier": one word for what they do.
  if (words.length === 1)
    return pack.language === 'en' && /^\p{Ll}+(?:ist|er|or|ian|ant|ent|ier|eur)$/u.test(np)
      ? { kind: 'role', form: 'np', wrap: 'you_are', text: withArticle(np, pack), source, weight }
      : 'unused';
  if (/^\p{Lu}/u.test(np) && !/\s(?:at|of|for)\s/.test(np) && !/^\p{Lu}{2,}/u.test(np)) {
    const needsThe = /\p{Ll}$/u.test(words.at(-1) ?? '') && !/^(?:the|a|an)\b/i.test(np);
    // Where they work or study is context a reader places at once: keep it before a role.
    return {
      kind: 'role',
      form: 'np',
      wrap: 'you_are_at',
      text: `${needsThe ? `${pack.write.articles.the} ` : ''}${np}`,
      source,
      weight: weight + 2,
    };
  }
  return {
    kind: 'role',
    form: 'np',
    wrap: 'you_are',
    text: second(withArticle(np, pack)),
    source,
    weight,
  };
}

/** "oncologist" → "an oncologist"; "head of driver ops…", "VP Ops…", "my neighbour" stay. */
function withArticle(np: string, pack: LanguagePack): string {
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

function hasVerbAfterName(c: string): boolean {
  return /^(?:\p{Lu}[\p{L}'’-]*\s+){1,3}(?:at\s+\p{Lu}\p{L}+\s+)?(?:\p{Ll}+ed|said|told|thinks|and\s+I|was|is|wrote|ran|\p{Ll}+s\s+(?:the|a|an|my|our|you|me|us|to|that|\uE000))\b/u.test(
    c,
  );
}

function isPronoun(word: string, pack: LanguagePack, set: PronounSet | undefined): boolean {
  if (!set) return false;
  const p = pack.read.pronouns[set];
  return Boolean(
    p && [...p.subject, ...p.contracted].some((x) => x.toLowerCase().replace(/’/g, "'") === word),
  );
}

function purposeVerb(text: string, r: LanguagePack['read']): PurposeKind | undefined {
  let best: { kind: PurposeKind; length: number } | undefined;
  for (const [kind, list] of Object.entries(r.purpose_verbs)) {
    const m = list ? startsWith(text.replace(/^(?:and|also|just|so)\s+/i, ''), list) : undefined;
    if (m && (!best || m.phrase.length > best.length))
      best = { kind: kind as PurposeKind, length: m.phrase.length };
  }
  if (best && /^introduce\s+myself/i.test(text)) return 'other';
  return best?.kind;
}

function clauseLanguage(c: string, pack: LanguagePack, env: Env): LanguagePack | undefined {
  const words = env.tok.words(c.toLowerCase());
  if (words.length < 3) return undefined;
  const score = (p: LanguagePack) => {
    const set = new Set(p.detect);
    return words.filter((x) => set.has(x)).length;
  };
  const own = score(pack);
  for (const p of env.all) {
    if (p === pack) continue;
    const s = score(p);
    if (s >= 2 && s > own + 1) return p;
  }
  return undefined;
}

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

const STOP = new Set([
  'about',
  'with',
  'that',
  'this',
  'your',
  'their',
  'from',
  'into',
  'just',
  'them',
  'they',
  'what',
  'when',
  'mention',
  'bring',
]);

function unmarkPlain(c: string, facts: Facts): string {
  return unmark(c, facts.name);
}

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

function lowerFirst(text: string): string {
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
