import { describe, expect, it } from 'vitest';
import { isStoredSend, SendRecord } from '../../src/ledger/send-record.js';

const stored = {
  schemaVersion: 1,
  id: '3a45cf22-bcf4-4545-bb9d-aeaf4dc53f71',
  recipient: { name: 'Jane Park', profileUrl: 'https://www.linkedin.com/in/jane-park/' },
  sentAt: '2026-09-25T10:08:00.000Z',
  personalised: true,
  noteLength: 140,
  source: 'check',
  traits: { context: true, nextStep: false },
};

/** One field of `stored` set to `value` (undefined removes it). */
function withField(path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(stored) as Record<string, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  const last = path.at(-1) as string;
  if (value === undefined) delete at[last];
  else at[last] = value;
  return copy;
}

const variants: Array<[string, unknown]> = [
  ['as logSend writes it', stored],
  ['without traits', withField(['traits'], undefined)],
  ['a name only', withField(['recipient', 'profileUrl'], undefined)],
  ['a profile only', withField(['recipient', 'name'], undefined)],
  ['no recipient at all', withField(['recipient'], {})],
  ['a name with spaces around it', withField(['recipient', 'name'], '  Jane ')],
  ['an empty name', withField(['recipient', 'name'], '')],
  ['a 200-character name', withField(['recipient', 'name'], 'a'.repeat(200))],
  ['a 201-character name', withField(['recipient', 'name'], 'a'.repeat(201))],
  ['a name that is a number', withField(['recipient', 'name'], 42)],
  [
    'a profile URL with an escape',
    withField(['recipient', 'profileUrl'], 'https://www.linkedin.com/in/j%C3%A9r%C3%B4me/'),
  ],
  ['a profile URL not canonical', withField(['recipient', 'profileUrl'], 'linkedin.com/in/jane')],
  ['an extra recipient field', withField(['recipient', 'email'], 'jane@example.com')],
  ['an extra field', withField(['note'], 'Hi Jane')],
  ['schema version 2', withField(['schemaVersion'], 2)],
  ['an id with a slash', withField(['id'], 'a/b')],
  ['a 65-character id', withField(['id'], 'a'.repeat(65))],
  ['an instant without milliseconds', withField(['sentAt'], '2026-09-25T10:08:00Z')],
  ['an instant with an offset', withField(['sentAt'], '2026-09-25T10:08:00.000+02:00')],
  ['February 30th', withField(['sentAt'], '2026-02-30T10:08:00.000Z')],
  ['February 29th of a leap year', withField(['sentAt'], '2028-02-29T10:08:00.000Z')],
  ['hour 24', withField(['sentAt'], '2026-09-25T24:00:00.000Z')],
  ['a date', withField(['sentAt'], new Date('2026-09-25T10:08:00.000Z'))],
  ['personalised as a string', withField(['personalised'], 'true')],
  ['a fractional length', withField(['noteLength'], 1.5)],
  ['a negative length', withField(['noteLength'], -1)],
  ['length 10,000', withField(['noteLength'], 10_000)],
  ['length 10,001', withField(['noteLength'], 10_001)],
  ['a length as a string', withField(['noteLength'], '140')],
  ['an unknown source', withField(['source'], 'email')],
  ['traits with a string', withField(['traits', 'context'], 'yes')],
  ['traits with one missing', withField(['traits', 'nextStep'], undefined)],
  ['traits with an extra field', withField(['traits', 'tone'], true)],
  ['traits as null', withField(['traits'], null)],
  ['an array', [stored]],
  ['null', null],
  ['a string', JSON.stringify(stored)],
];

describe('isStoredSend, the hand-written check beside SendRecord', () => {
  it.each(variants)('agrees with the schema: %s', (_, value) => {
    const parsed = SendRecord.safeParse(value);
    if (isStoredSend(value)) {
      // Accepted by hand only where zod accepts it and gives back exactly the same record.
      expect(parsed.success).toBe(true);
      expect(parsed.data).toEqual(value);
    }
    if (!parsed.success) expect(isStoredSend(value)).toBe(false);
  });

  it('recognises what logSend writes, so reads take the quick path', () => {
    expect(isStoredSend(stored)).toBe(true);
    expect(isStoredSend(withField(['traits'], undefined))).toBe(true);
    expect(isStoredSend(withField(['recipient', 'profileUrl'], undefined))).toBe(true);
    expect(isStoredSend(withField(['recipient', 'name'], undefined))).toBe(true);
  });
});
