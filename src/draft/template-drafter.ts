import { checkNote } from '../check.js';
import { NOTE_LIMITS } from '../limits.js';
import { countGraphemes } from '../text/graphemes.js';
import type { Account } from '../types.js';
import { type DraftContext, firstName } from './context.js';
import type { FactSlot, Prompts, Scenario, ScenarioTemplate } from './prompts.js';
import type { Draft, DraftQuestion, DraftResult } from './result.js';

export interface TemplateDraftOptions {
  account: Account;
  /** Which version: "Another version" asks for the next one. */
  variant?: number;
  /** Aim below this many characters ("Shorter"); never above the account's limit. */
  maxLength?: number;
}

// Which fact leads, per scenario: what the recipient most needs to place the sender.
const FACT_ORDER: Record<Scenario, FactSlot[]> = {
  close: ['shared', 'met', 'mutual', 'work'],
  acquaintance: ['met', 'shared', 'mutual', 'work'],
  stranger: ['mutual', 'work', 'met', 'shared'],
};

/** Asks for what a note cannot do without, instead of inventing it. */
export function missingInfo(ctx: DraftContext): DraftQuestion | undefined {
  const missing: DraftQuestion['missing'] = [];
  if (!ctx.name) missing.push('name');
  if (Object.keys(ctx.facts).length === 0) missing.push('context');
  if (missing.length === 0) return undefined;
  const asks = {
    name: 'who the note is for (their name)',
    context:
      'how you know them or why them: where you met, who introduced you, what you share, or what of theirs you read, heard or used',
  };
  return {
    kind: 'question',
    missing,
    message: `To write a note without making things up I need ${missing.map((m) => asks[m]).join(', and ')}. For example: "Jane Park, met at SXSW on the podcasting panel, want to swap notes on audio ads".`,
    unused: ctx.unused,
  };
}

export function scenarioFor(ctx: DraftContext): Scenario {
  if (ctx.relationship) return ctx.relationship;
  if (ctx.facts.shared) return 'close';
  if (ctx.facts.met) return 'acquaintance';
  return 'stranger';
}

interface Piece {
  text: string;
  /** The fact this sentence carries, if any; dropping it drops the fact. */
  fact?: FactSlot | 'purpose' | 'next';
  /** The template line starts with a slot (a name): keep its capital after the greeting. */
  startsWithSlot?: boolean;
}

/**
 * Fills the scenario's templates from the context. Guarantees a note within
 * the limit, with no unfilled slot, that passes every error-level rule; facts
 * that cannot fit or that read as a pitch are left out and listed.
 */
export function draftFromTemplate(
  ctx: DraftContext,
  prompts: Prompts,
  options: TemplateDraftOptions,
): DraftResult {
  const question = missingInfo(ctx);
  if (question) return question;
  const scenario = scenarioFor(ctx);
  const template = prompts.scenarios[scenario];
  const limit = Math.min(
    NOTE_LIMITS[options.account],
    options.maxLength ?? Number.POSITIVE_INFINITY,
  );
  const variant = options.variant ?? 0;

  const omitted: string[] = [];
  let facts = orderedFacts(ctx, scenario);
  for (;;) {
    const candidates = candidateNotes(ctx, facts, template, variant);
    const fitting = candidates.find((c) => c.length <= limit);
    if (fitting) {
      const report = checkNote(fitting.note, { account: options.account });
      const blocking = report.findings.filter((f) => f.level === 'error');
      if (blocking.length === 0) {
        const draft: Draft = {
          kind: 'draft',
          note: fitting.note,
          scenario,
          source: 'template',
          report,
          omitted,
          unused: ctx.unused,
        };
        return draft;
      }
      // Drop the fact the error points at (say, a purpose that reads as a pitch) and try again.
      const culprit = fitting.spans.find((s) =>
        blocking.some((f) => f.start < s.end && f.end > s.start),
      );
      const drop = culprit?.fact ?? facts.at(-1)?.slot;
      if (drop === undefined) return unwritable(ctx, blocking.map((f) => f.message).join(' '));
      omitted.push(
        `${describe(drop, ctx)} (${blocking[0]?.rule === 'sales-pitch' ? 'it reads as a sales pitch' : blocking[0]?.message})`,
      );
      facts = facts.filter((f) => f.slot !== drop);
      if (drop === 'purpose') ctx = { ...ctx, purpose: undefined };
      if (drop === 'next') ctx = { ...ctx, next: undefined };
      continue;
    }
    // Nothing fits: leave out the least important remaining fact.
    const last = ctx.purpose ? 'purpose' : facts.at(-1)?.slot;
    if (last === undefined) return unwritable(ctx, 'the name alone is longer than the limit');
    omitted.push(`${describe(last, ctx)} (no room within ${limit} characters)`);
    if (last === 'purpose') ctx = { ...ctx, purpose: undefined };
    else facts = facts.filter((f) => f.slot !== last);
  }
}

function unwritable(ctx: DraftContext, why: string): DraftQuestion {
  return {
    kind: 'question',
    missing: ['context'],
    message: `I could not write a note from that: ${why} Tell me how you know them or why them, in a few words.`,
    unused: ctx.unused,
  };
}

function describe(slot: FactSlot | 'purpose' | 'next', ctx: DraftContext): string {
  const value = slot === 'purpose' ? ctx.purpose : slot === 'next' ? ctx.next : ctx.facts[slot];
  return `"${value ?? slot}"`;
}

function orderedFacts(
  ctx: DraftContext,
  scenario: Scenario,
): Array<{ slot: FactSlot; value: string }> {
  return FACT_ORDER[scenario].flatMap((slot) => {
    const value = ctx.facts[slot];
    return value ? [{ slot, value }] : [];
  });
}

interface Candidate {
  note: string;
  length: number;
  spans: Array<{ start: number; end: number; fact?: Piece['fact'] }>;
}

/** From the fullest note to the shortest: with and without the invitation line, each variant. */
function candidateNotes(
  ctx: DraftContext,
  facts: Array<{ slot: FactSlot; value: string }>,
  t: ScenarioTemplate,
  variant: number,
): Candidate[] {
  const fill = (line: string) =>
    line
      .replace('{first}', firstName(ctx.name as string))
      .replace('{purpose}', ctx.purpose ?? '')
      .replace('{next}', ctx.next ?? '')
      .replace(/\{(met|shared|mutual|work)\}/g, (_, slot: FactSlot) => ctx.facts[slot] ?? '');
  const build = (v: number, withInvite: boolean): Candidate => {
    const piece = (lines: string[], offset: number, fact?: Piece['fact']): Piece => {
      const line = lines[(variant + v + offset) % lines.length] as string;
      return { text: fill(line), fact, startsWithSlot: line.startsWith('{') };
    };
    const pieces: Piece[] = facts.map((f, i) => piece(t.context[f.slot], i, f.slot));
    if (withInvite) pieces.push(piece(t.invite, 0));
    if (ctx.purpose) pieces.push(piece(t.purpose, 0, 'purpose'));
    if (ctx.next) pieces.push(piece(t.next, 0, 'next'));
    else pieces.push(piece(ctx.purpose ? t.ask : t.fallback_next, 0));
    return assemble(piece(t.greeting, 0).text, pieces);
  };
  const out: Candidate[] = [];
  for (const withInvite of [true, false]) {
    for (let v = 0; v < 4; v++) out.push(build(v, withInvite));
  }
  // Prefer the requested variant first, then shorter ones as needed.
  const [first, ...rest] = out;
  return [first as Candidate, ...rest.sort((a, b) => b.length - a.length)];
}

function assemble(greeting: string, pieces: Piece[]): Candidate {
  let note = greeting;
  const spans: Candidate['spans'] = [];
  pieces.forEach((p, i) => {
    const text = i === 0 ? afterGreeting(p) : capitalise(p.text);
    const start = note.length + 1;
    note += ` ${text}`;
    spans.push({ start, end: note.length, fact: p.fact });
  });
  return { note, length: countGraphemes(note), spans };
}

// "Hi Jane, great meeting you…": the first sentence continues the greeting.
function afterGreeting({ text, startsWithSlot }: Piece): string {
  if (startsWithSlot || /^I\b/.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
