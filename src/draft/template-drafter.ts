import { checkNote } from '../check.js';
import { NOTE_LIMITS } from '../limits.js';
import { countGraphemes } from '../text/graphemes.js';
import type { Account } from '../types.js';
import type { Fact, Facts } from './facts/fact.js';
import type { LanguagePack } from './facts/language.js';
import { createReader } from './facts/reader.js';
import { mentions, specificity } from './facts/words.js';
import type { Prompts, Scenario } from './prompts.js';
import type { Draft, DraftQuestion, DraftResult } from './result.js';

export interface TemplateDraftOptions {
  account: Account;
  /** Which version: "Another version" asks for the next one. */
  variant?: number;
  /** Aim below this many characters ("Shorter"); never above the account's limit. */
  maxLength?: number;
}

/** Close when they shared a past, acquaintance when they met, else someone the sender has not met. */
export function scenarioFor(facts: Facts): Scenario {
  if (facts.relationship) return facts.relationship;
  if (facts.facts.some((f) => f.wrap === 'you_were_my' || f.wrap === 'you_were_at')) return 'close';
  if (facts.facts.some((f) => f.kind === 'met' || f.kind === 'from')) return 'acquaintance';
  return 'stranger';
}

/** Nothing beyond a name, or nothing at all: ask for what would help, with an example. */
export function questionFor(facts: Facts, pack: LanguagePack): DraftQuestion {
  const w = pack.write;
  const missing: DraftQuestion['missing'] = facts.name ? ['context'] : ['name', 'context'];
  const what = facts.name
    ? w.missing_context.replace('{first}', facts.name.greet)
    : w.missing_name_and_context;
  return {
    kind: 'question',
    missing,
    message: w.question.replace('{missing}', what).replace(/\s+/g, ' ').trim(),
    unused: facts.unused,
  };
}

interface Piece {
  text: string;
  fact?: Fact;
}

/**
 * Writes the note from the facts with the language's lines: context first, the invitation,
 * what the sender wants, a next step. Guarantees a note within the limit that passes every
 * error-level rule; a fact that cannot fit or reads as a pitch is left out and listed.
 */
export function draftFromFacts(
  facts: Facts,
  prompts: Prompts,
  options: TemplateDraftOptions,
): DraftResult {
  const pack = prompts.languages.packs.get(facts.language) ?? prompts.languages.english;
  // Nothing to build on: no facts, or no name and nothing specific ("someone from a conference").
  if (
    facts.facts.every((f) => f.kind === 'next') ||
    (!facts.name && facts.facts.every((f) => specificity(f.text) === 0))
  )
    return questionFor(facts, pack);
  const scenario = scenarioFor(facts);
  const limit = Math.min(
    NOTE_LIMITS[options.account],
    options.maxLength ?? Number.POSITIVE_INFINITY,
    facts.maxLength ?? Number.POSITIVE_INFINITY,
  );
  const variant = options.variant ?? 0;
  const omitted = facts.leftOut.map((l) => `"${l.text}" (${l.reason})`);
  let kept = facts.facts.filter((f) => !facts.avoid.some((term) => mentions(f.text, term)));
  let withInvite = true;
  for (;;) {
    const pieces = compose(kept, facts, pack, scenario, variant, withInvite);
    const { note, spans } = render(pieces, pack);
    const length = countGraphemes(note);
    if (length > limit) {
      if (withInvite) {
        withInvite = false;
        continue;
      }
      const drop = leastNeeded(kept);
      if (!drop) return unwritable(facts, pack, `it does not fit in ${limit} characters`);
      omitted.push(`"${drop.source}" (no room within ${limit} characters)`);
      kept = kept.filter((f) => f !== drop);
      continue;
    }
    const report = checkNote(note, { account: options.account });
    const errors = report.findings.filter((f) => f.level === 'error');
    if (errors.length === 0) {
      const draft: Draft = {
        kind: 'draft',
        note,
        scenario,
        source: 'template',
        language: pack.language,
        report,
        omitted,
        unused: facts.unused,
      };
      if (!facts.name)
        draft.notice = 'No name was given: add theirs to the greeting before you send it.';
      if (facts.unmetLanguage)
        draft.notice = `The templates cannot translate what you wrote, so this note is in ${pack.label}; the AI drafter (OPENAI_API_KEY) can write it in the language you asked for.`;
      return draft;
    }
    // Leave out the fact the error points at (say, a purpose that reads as a pitch) and try again.
    const culprit = spans.find(
      (s) => s.fact && errors.some((f) => f.start < s.end && f.end > s.start),
    )?.fact;
    if (!culprit) return unwritable(facts, pack, errors.map((f) => f.message).join(' '));
    const rule = errors[0]?.rule;
    omitted.push(
      `"${culprit.source}" (${rule === 'sales-pitch' ? 'it reads as a sales pitch' : errors[0]?.message})`,
    );
    kept = kept.filter((f) => f !== culprit);
  }
}

/** The fact to give up first when space is short: the least specific, never the last context or the purpose alone. */
function leastNeeded(kept: Fact[]): Fact | undefined {
  const context = kept.filter((f) => f.kind !== 'purpose' && f.kind !== 'next');
  const candidates = kept.filter((f) => {
    if (f.kind === 'next') return true;
    if (f.kind === 'purpose')
      return context.length === 0 && kept.filter((k) => k.kind === 'purpose').length > 1;
    return context.length > 1;
  });
  // Last resort: the purpose alone carries the note ("Could I ask…" says why them).
  const purposeLeft = kept.some((f) => f.kind === 'purpose');
  // Context matters most (domain.md): in that contest it counts for more than it weighs.
  const pool =
    candidates.length > 0
      ? candidates
      : purposeLeft && context.length > 0
        ? [
            ...context.map((f) => ({ ...f, weight: f.weight + 3, original: f })),
            ...kept.filter((f) => f.kind === 'purpose').map((f) => ({ ...f, original: f })),
          ]
            .sort((a, b) => a.weight - b.weight)
            .slice(0, 1)
            .map((f) => f.original)
        : kept.filter((f) => f.kind === 'purpose').slice(1);
  return pool
    .map((f, i) => ({ f, i }))
    .sort((a, b) => a.f.weight - b.f.weight || b.f.text.length - a.f.text.length || b.i - a.i)[0]
    ?.f;
}

function unwritable(facts: Facts, pack: LanguagePack, why: string): DraftQuestion {
  const q = questionFor(facts, pack);
  return { ...q, message: `I could not write a note from that: ${why}. ${q.message}` };
}

// Where they met leads; other context keeps the order the user gave it.
const ORDER: Record<Fact['kind'], number> = {
  met: 0,
  from: 0,
  mutual: 1,
  context: 2,
  work: 2,
  role: 2,
  sender: 2,
  purpose: 5,
  next: 6,
};

function compose(
  kept: Fact[],
  facts: Facts,
  pack: LanguagePack,
  scenario: Scenario,
  variant: number,
  withInvite: boolean,
): Piece[] {
  const w = pack.write;
  let offset = 0;
  const pick = (lines: readonly string[]) => lines[(variant + offset++) % lines.length] as string;
  const greetLines = facts.name
    ? facts.formal || facts.name.title
      ? w.greeting.formal
      : w.greeting.casual
    : w.greeting.noname;
  const pieces: Piece[] = [{ text: pick(greetLines).replace('{first}', facts.name?.greet ?? '') }];
  const ordered = kept
    .map((f, i) => ({ f, i }))
    .sort((a, b) => ORDER[a.f.kind] - ORDER[b.f.kind] || a.i - b.i)
    .map((x) => x.f);
  const context = ordered.filter((f) => f.kind !== 'purpose' && f.kind !== 'next');
  let purposes = ordered.filter((f) => f.kind === 'purpose');
  const nexts = ordered.filter((f) => f.kind === 'next');
  // "Thank you for introducing me to…" says how they know each other: it can lead.
  const leadingThanks =
    purposes[0]?.form === 'thanks' &&
    purposes[0].text !== '' &&
    !context.some((f) => f.kind === 'met' || f.kind === 'from')
      ? purposes[0]
      : undefined;
  if (leadingThanks) {
    pieces.push({ text: sentenceOf(leadingThanks, pack, pick), fact: leadingThanks });
    purposes = purposes.slice(1);
  }
  for (const f of context) pieces.push({ text: sentenceOf(f, pack, pick), fact: f });
  if (withInvite) pieces.push({ text: pick(w.invite[scenario]) });
  for (const f of purposes) pieces.push({ text: sentenceOf(f, pack, pick), fact: f });
  const last = pieces.at(-1)?.text ?? '';
  if (nexts.length > 0)
    for (const f of nexts) pieces.push({ text: sentenceOf(f, pack, pick), fact: f });
  else if (/\?$/.test(last) && purposes.length > 0) {
    // The purpose is already a question ("Could I ask…?"): it is the next step.
  } else if (purposes.length > 0 || leadingThanks || kept.some((f) => f.purposeKind)) {
    const kind =
      purposes.at(-1)?.purposeKind ??
      leadingThanks?.purposeKind ??
      kept.find((f) => f.purposeKind)?.purposeKind ??
      'other';
    pieces.push({ text: pick(w.ask[kind] ?? (w.ask.other as string[])) });
  } else pieces.push({ text: pick(w.fallback_next[scenario]) });
  return pieces;
}

function sentenceOf(
  f: Fact,
  pack: LanguagePack,
  pick: (lines: readonly string[]) => string,
): string {
  const w = pack.write;
  let text: string;
  switch (f.form) {
    case 'where':
      text = pick(f.kind === 'from' ? w.know_from : w.met).replace('{where}', f.text);
      break;
    case 'np': {
      const wrap = f.wrap ?? 'you_are';
      const template =
        wrap === 'about_work' ? pick(w.about_work ?? ['{np}']) : (w[wrap] ?? w.you_are);
      text = template.replace('{np}', f.text);
      break;
    }
    case 'mutual':
      text = pick(w.mutual ?? ['{mutual}']).replace('{mutual}', f.text);
      break;
    case 'vp': {
      const ask = /^ask\s+(.+)$/i.exec(f.text);
      text =
        ask && w.ask_purpose
          ? pick(w.ask_purpose).replace('{rest}', ask[1] as string)
          : pick(w.purpose).replace('{vp}', f.text);
      break;
    }
    case 'purpose-np':
      text = pick(w.purpose_noun).replace('{np}', f.text);
      break;
    case 'thanks':
      text = f.text
        ? pick(w.thanks_direct).replace('{rest}', ` ${f.text}`)
        : pick(w.thanks_plain ?? w.thanks_direct).replace('{rest}', '');
      break;
    case 'next':
      text = pick(w.next).replace('{next}', f.text);
      break;
    default:
      text = f.text;
  }
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

// After "Hi Jane," the first sentence goes on in lower case when it starts with a common word.
const LOWER_AFTER_GREETING = new Set(
  "you your you’re you're we we're we’re my our the a an it it's it’s there great good thank thanks could may du dein wir ich usted su nosotros ahora você seu nós eu agora vous votre nous je now fue foi".split(
    ' ',
  ),
);

function render(
  pieces: Piece[],
  pack: LanguagePack,
): { note: string; spans: Array<{ start: number; end: number; fact?: Fact }> } {
  let note = (pieces[0] as Piece).text;
  const spans: Array<{ start: number; end: number; fact?: Fact }> = [];
  for (const [i, p] of pieces.slice(1).entries()) {
    let text = p.text.replace(/\s+/g, ' ').trim();
    const first = (text.split(' ')[0] ?? '').toLowerCase();
    if (i === 0 && LOWER_AFTER_GREETING.has(first) && !(pack.language === 'it' && first === 'lei'))
      text = text.charAt(0).toLowerCase() + text.slice(1);
    else if (i > 0) text = text.charAt(0).toUpperCase() + text.slice(1);
    const start = note.length + 1;
    note += ` ${text}`;
    spans.push({ start, end: note.length, fact: p.fact });
  }
  return { note, spans };
}

/** Reads the context and drafts from it: the template drafter in one call. */
export function draftFromText(
  input: string,
  prompts: Prompts,
  options: TemplateDraftOptions,
): DraftResult {
  return draftFromFacts(createReader(prompts.languages).read(input), prompts, options);
}
