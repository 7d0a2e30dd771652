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
import { compose, render } from './template-compose.js';

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
  if (nothingToBuildOn(facts)) return questionFor(facts, pack);
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
    if (errors.length === 0) return templateDraft({ note, report, scenario, omitted }, facts, pack);
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

/** Nothing to build on: no facts, or no name and nothing specific ("someone from a conference"). */
function nothingToBuildOn(facts: Facts): boolean {
  return (
    facts.facts.every((f) => f.kind === 'next') ||
    (!facts.name && facts.facts.every((f) => specificity(f.text) === 0))
  );
}

/** The finished draft, with a notice when the name is missing or the language asked for is not the note's. */
function templateDraft(
  written: Pick<Draft, 'note' | 'report' | 'scenario' | 'omitted'>,
  facts: Facts,
  pack: LanguagePack,
): Draft {
  const { note, scenario, report, omitted } = written;
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

/** Reads the context and drafts from it: the template drafter in one call. */
export function draftFromText(
  input: string,
  prompts: Prompts,
  options: TemplateDraftOptions,
): DraftResult {
  return draftFromFacts(createReader(prompts.languages).read(input), prompts, options);
}
