/**
 * The digest's coaching line: one piece of advice drawn from the user's own
 * outcomes. Pure: the entries in, a sentence out.
 *
 * Most specific first: what their accepted notes did (said how they know the
 * person, suggested a next step) against the ignored or declined ones; else
 * whether a note helped at all; else general advice.
 */
import { currentStatus, type LedgerEntry } from '../ledger/index.js';
import type { NoteTraits } from '../ledger/records.js';

/** Below this many invitations in either group compared, no comparison is claimed. */
export const MIN_FOR_COMPARISON = 5;

/** Invitations with known traits, and how many had each. */
interface Tally {
  count: number;
  context: number;
  nextStep: number;
}

interface Decided {
  decided: number;
  accepted: number;
}

/** How each trait is said, and the advice when accepted notes had it more often, or less. */
const TRAIT_WORDS: Record<keyof NoteTraits, { had: string; more: string; less: string }> = {
  context: {
    had: 'said how you know the person',
    more: 'Keep opening with it.',
    less: 'Saying it has not been enough on its own: make it specific (the event, the person who introduced you, their work).',
  },
  nextStep: {
    had: 'suggested a next step',
    more: 'Keep ending with one.',
    less: 'A next step has not made the difference for you: lead with how you know them instead.',
  },
};

/**
 * `ninetyDayRate` is the acceptance over 90 days (`undefined` when the limits
 * do not count it).
 *
 * The trait comparison sets accepted invitations against those ignored or
 * answered "I don't know this person": both are the recipient saying no.
 * Withdrawn ones are left out (the user's own doing, however the note read),
 * as are pending ones and sends whose traits are unknown (logged by hand, or
 * before traits were kept).
 */
export function coachingLine(
  entries: readonly LedgerEntry[],
  ninetyDayRate: number | null | undefined,
): string {
  const accepted: Tally = { count: 0, context: 0, nextStep: 0 };
  const declined: Tally = { count: 0, context: 0, nextStep: 0 };
  const withNote: Decided = { decided: 0, accepted: 0 };
  const without: Decided = { decided: 0, accepted: 0 };
  for (const entry of entries) {
    const status = currentStatus(entry);
    if (status === 'pending') continue;
    const group = entry.personalised ? withNote : without;
    group.decided++;
    if (status === 'accepted') group.accepted++;
    const tally =
      status === 'accepted'
        ? accepted
        : status === 'ignored' || status === 'idk'
          ? declined
          : undefined;
    if (tally === undefined || entry.traits === undefined) continue;
    tally.count++;
    if (entry.traits.context) tally.context++;
    if (entry.traits.nextStep) tally.nextStep++;
  }
  return traitLine(accepted, declined) ?? noteLine(withNote, without) ?? generalLine(ninetyDayRate);
}

/** "8 in 10": a share in tenths, as the line says it. */
function inTen(part: number, whole: number): number {
  return Math.round((part / whole) * 10);
}

function traitLine(accepted: Tally, declined: Tally): string | undefined {
  if (accepted.count < MIN_FOR_COMPARISON || declined.count < MIN_FOR_COMPARISON) return undefined;
  // Compared in tenths, as shown, so that the advice never contradicts the figures.
  const shares = (trait: keyof NoteTraits) => ({
    trait,
    a: inTen(accepted[trait], accepted.count),
    b: inTen(declined[trait], declined.count),
  });
  const context = shares('context');
  const nextStep = shares('nextStep');
  // The trait whose shares differ most; context on a tie.
  const widest =
    Math.abs(nextStep.a - nextStep.b) > Math.abs(context.a - context.b) ? nextStep : context;
  // The same share either way says nothing about what made the difference.
  if (widest.a === widest.b) return undefined;
  const words = TRAIT_WORDS[widest.trait];
  const facts = `Of your accepted invitations, ${widest.a} in 10 ${words.had}; of those ignored or declined, ${widest.b} in 10.`;
  return `${facts} ${widest.a > widest.b ? words.more : words.less}`;
}

/** Do the user's invitations with a note do better than those without? */
function noteLine(withNote: Decided, without: Decided): string | undefined {
  if (withNote.decided < MIN_FOR_COMPARISON || without.decided < MIN_FOR_COMPARISON)
    return undefined;
  const a = Math.round((withNote.accepted / withNote.decided) * 100);
  const b = Math.round((without.accepted / without.decided) * 100);
  if (a > b)
    return `Your invitations with a note were accepted ${a}% of the time, those without ${b}%: keep writing notes.`;
  if (a < b)
    return `Your invitations with a note were accepted ${a}% of the time, those without ${b}%: say how you know them in the first line.`;
  return `With a note or without, ${a}% of your invitations were accepted: lead with how you know them to do better.`;
}

function generalLine(ninetyDayRate: number | null | undefined): string {
  if (ninetyDayRate !== undefined && ninetyDayRate !== null && ninetyDayRate < 0.3) {
    return 'Fewer than a third of your invitations were accepted lately: invite people you share a context with, and say what it is.';
  }
  return 'Notes that say where you met and suggest a next step are accepted most often.';
}
