import { describe, expect, it } from 'vitest';
import { LedgerEntry, LedgerSettings } from '../../src/ledger/records.js';
import { entry } from './helpers.js';

const base = entry({ sentAt: '2026-03-10T12:00:00Z', name: 'Jane' });

describe('LedgerEntry', () => {
  it('accepts a well-formed entry', () => {
    expect(LedgerEntry.safeParse(base).success).toBe(true);
  });

  it('accepts a note’s traits beside its length', () => {
    const withNote = { ...base, personalised: true, noteLength: 90 };
    const traits = { context: true, nextStep: false };
    expect(LedgerEntry.parse({ ...withNote, traits }).traits).toEqual(traits);
  });

  it.each([
    ['no recipient', { recipient: {} }],
    ['a wrong schema version', { schemaVersion: 2 }],
    ['an unknown source', { source: 'robot' }],
    ['a note length without a note', { personalised: false, noteLength: 12 }],
    ['a note without a length', { personalised: true, noteLength: 0 }],
    ['traits without a note', { traits: { context: true, nextStep: true } }],
    [
      'traits that are not booleans',
      { personalised: true, noteLength: 9, traits: { context: 1, nextStep: 0 } },
    ],
    ['an unsafe id', { id: 'a:b' }],
    ['a bad instant', { sentAt: 'yesterday' }],
    [
      'a history that does not start pending',
      { history: [{ status: 'accepted', at: base.sentAt }] },
    ],
    [
      'a history out of order',
      {
        history: [
          { status: 'pending', at: base.sentAt },
          { status: 'accepted', at: '2026-03-09T00:00:00.000Z' },
        ],
      },
    ],
    [
      'pending twice',
      {
        history: [
          { status: 'pending', at: base.sentAt },
          { status: 'pending', at: '2026-03-11T00:00:00.000Z' },
        ],
      },
    ],
    ['a profile URL that is not canonical', { recipient: { profileUrl: 'linkedin.com/in/x' } }],
    [
      'a profile URL with upper case',
      { recipient: { profileUrl: 'https://www.linkedin.com/in/Jane/' } },
    ],
    [
      'a profile URL with its accent not encoded',
      { recipient: { profileUrl: 'https://www.linkedin.com/in/josé/' } },
    ],
    [
      'a profile URL with a dot segment',
      { recipient: { profileUrl: 'https://www.linkedin.com/in/./' } },
    ],
  ])('rejects %s', (_label, patch) => {
    expect(LedgerEntry.safeParse({ ...base, ...patch }).success).toBe(false);
  });

  it.each([
    'https://www.linkedin.com/in/jane-doe_2/',
    'https://www.linkedin.com/in/jos%C3%A9/',
    'https://www.linkedin.com/in/jane.doe/',
  ])('accepts the canonical profile URL %s', (profileUrl) => {
    expect(LedgerEntry.safeParse({ ...base, recipient: { profileUrl } }).success).toBe(true);
  });
});

describe('LedgerSettings', () => {
  it('defaults to a weekly cap of 100, Basic, UTC', () => {
    expect(LedgerSettings.parse({})).toEqual({
      schemaVersion: 1,
      weeklyCap: 100,
      account: 'basic',
      timeZone: 'UTC',
    });
  });

  it.each([
    [100, true],
    [200, true],
    [99, false],
    [201, false],
    [150.5, false],
  ])('weekly cap %d valid: %s', (weeklyCap, ok) => {
    expect(LedgerSettings.safeParse({ weeklyCap }).success).toBe(ok);
  });

  it.each([
    ['Europe/Paris', true],
    ['America/New_York', true],
    ['Mars/Olympus', false],
    ['', false],
  ])('time zone %j valid: %s', (timeZone, ok) => {
    expect(LedgerSettings.safeParse({ timeZone }).success).toBe(ok);
  });
});
