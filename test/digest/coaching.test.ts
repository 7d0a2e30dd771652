import { describe, expect, it } from 'vitest';
import { coachingLine } from '../../src/digest/coaching.js';
import type { LedgerEntry, Outcome } from '../../src/ledger/index.js';
import { entry } from '../ledger/helpers.js';

const SENT = '2026-10-01T09:00:00Z';
const DECIDED = '2026-10-08T09:00:00Z';

/**
 * `count` invitations with a note that ended `outcome`; the first `context`
 * of them said how the user knows the person, the first `nextStep` suggested
 * one. `traits: false` makes sends whose traits are unknown (logged by hand).
 */
function sends(
  count: number,
  outcome: Outcome | 'pending',
  had: { context?: number; nextStep?: number; traits?: false } = {},
): LedgerEntry[] {
  return Array.from({ length: count }, (_, i) =>
    entry({
      sentAt: SENT,
      noteLength: 120,
      ...(had.traits === false
        ? {}
        : { traits: { context: i < (had.context ?? 0), nextStep: i < (had.nextStep ?? 0) } }),
      outcomes: outcome === 'pending' ? [] : [[outcome, DECIDED]],
    }),
  );
}

/** `count` invitations without a note, the first `accepted` of them accepted, the rest ignored. */
function bare(count: number, accepted: number): LedgerEntry[] {
  return Array.from({ length: count }, (_, i) =>
    entry({ sentAt: SENT, outcomes: [[i < accepted ? 'accepted' : 'ignored', DECIDED]] }),
  );
}

const GENERAL = 'Notes that say where you met and suggest a next step are accepted most often.';

describe('coachingLine', () => {
  it.each<[string, LedgerEntry[], string]>([
    [
      'context made the difference',
      [
        ...sends(10, 'accepted', { context: 8, nextStep: 5 }),
        ...sends(10, 'ignored', { context: 3, nextStep: 4 }),
      ],
      'Of your accepted invitations, 8 in 10 said how you know the person; of those ignored or declined, 3 in 10. Keep opening with it.',
    ],
    [
      'a next step made the larger difference',
      [
        ...sends(5, 'accepted', { context: 3, nextStep: 5 }),
        ...sends(5, 'ignored', { context: 2, nextStep: 1 }),
      ],
      'Of your accepted invitations, 10 in 10 suggested a next step; of those ignored or declined, 2 in 10. Keep ending with one.',
    ],
    [
      'a next step went with being turned down: said honestly',
      [
        ...sends(10, 'accepted', { context: 5, nextStep: 2 }),
        ...sends(10, 'ignored', { context: 5, nextStep: 7 }),
      ],
      'Of your accepted invitations, 2 in 10 suggested a next step; of those ignored or declined, 7 in 10. A next step has not made the difference for you: lead with how you know them instead.',
    ],
    [
      'context alone did not help',
      [
        ...sends(5, 'accepted', { context: 2, nextStep: 3 }),
        ...sends(5, 'ignored', { context: 4, nextStep: 3 }),
      ],
      'Of your accepted invitations, 4 in 10 said how you know the person; of those ignored or declined, 8 in 10. Saying it has not been enough on its own: make it specific (the event, the person who introduced you, their work).',
    ],
    [
      '"I don\'t know this person" counts with the ignored',
      [
        ...sends(5, 'accepted', { context: 5, nextStep: 0 }),
        ...sends(3, 'ignored'),
        ...sends(2, 'idk'),
      ],
      'Of your accepted invitations, 10 in 10 said how you know the person; of those ignored or declined, 0 in 10. Keep opening with it.',
    ],
    [
      'the same shares either way: falls back to with or without a note',
      [
        ...sends(5, 'accepted', { context: 3, nextStep: 3 }),
        ...sends(5, 'ignored', { context: 3, nextStep: 3 }),
        ...bare(5, 1),
      ],
      'Your invitations with a note were accepted 50% of the time, those without 20%: keep writing notes.',
    ],
    [
      'four declined with traits is too few: falls back',
      [
        ...sends(10, 'accepted', { context: 10 }),
        ...sends(4, 'ignored'),
        ...sends(6, 'withdrawn'),
        ...bare(5, 0),
      ],
      'Your invitations with a note were accepted 50% of the time, those without 0%: keep writing notes.',
    ],
    [
      'sends with unknown traits are not counted',
      [
        ...sends(5, 'accepted', { traits: false }),
        ...sends(5, 'ignored', { traits: false }),
        ...sends(5, 'pending', { context: 5 }),
      ],
      GENERAL,
    ],
    [
      'notes did worse than none',
      [
        ...sends(5, 'accepted', { traits: false }),
        ...sends(5, 'ignored', { traits: false }),
        ...bare(5, 4),
      ],
      'Your invitations with a note were accepted 50% of the time, those without 80%: say how you know them in the first line.',
    ],
    ['an empty ledger', [], GENERAL],
  ])('%s', (_label, entries, expected) => {
    expect(coachingLine(entries, undefined)).toBe(expected);
  });

  it('falls back to a low 90-day acceptance, then to general advice', () => {
    const few = sends(3, 'accepted', { context: 3 });
    expect(coachingLine(few, 0.2)).toMatch(/^Fewer than a third of your invitations/);
    expect(coachingLine(few, 0.6)).toBe(GENERAL);
    expect(coachingLine(few, null)).toBe(GENERAL);
  });
});
