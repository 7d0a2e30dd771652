import { describe, expect, it } from 'vitest';
import { LedgerInputError } from '../../src/ledger/errors.js';
import {
  canonicalProfileUrl,
  makeRecipient,
  normaliseName,
  parseRecipient,
  profileSlug,
  sameRecipient,
} from '../../src/ledger/recipient.js';

describe('normaliseName', () => {
  it.each([
    ['José da Silva', 'jose da silva'],
    ['  ZOË   Müller ', 'zoe muller'],
    ['Ｊｏｈｎ', 'john'],
    ['Łukasz', 'łukasz'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseName(input)).toBe(expected);
  });
});

describe('profileSlug', () => {
  it.each([
    ['linkedin.com/in/x', 'x'],
    ['https://www.linkedin.com/in/x/', 'x'],
    ['https://www.linkedin.com/in/x///', 'x'],
    ['http://uk.linkedin.com/in/Jane-Doe?trk=abc#top', 'jane-doe'],
    ['www.linkedin.com/in/jos%C3%A9-silva', 'josé-silva'],
    ['  HTTPS://WWW.LINKEDIN.COM/IN/Sam/  ', 'sam'],
  ])('%j → %j', (input, expected) => {
    expect(profileSlug(input)).toBe(expected);
  });

  it.each([
    ['https://www.linkedin.com/company/acme/'],
    ['https://www.linkedin.com/in/'],
    ['https://evil.com/in/x'],
    ['https://notlinkedin.com/in/x'],
    ['ftp://linkedin.com/in/x'],
    ['https://www.linkedin.com/in/x/details'],
    ['Jane Doe'],
    [''],
  ])('%j is not a profile', (input) => {
    expect(profileSlug(input)).toBeUndefined();
  });

  it('gives one canonical URL for every spelling', () => {
    expect(canonicalProfileUrl('linkedin.com/in/X')).toBe('https://www.linkedin.com/in/x/');
    expect(canonicalProfileUrl('https://www.linkedin.com/in/x/')).toBe(
      'https://www.linkedin.com/in/x/',
    );
  });
});

describe('sameRecipient', () => {
  it.each([
    [{ name: 'José Silva' }, { name: 'jose  silva' }, true],
    [{ name: 'José Silva' }, { name: 'Josef Silva' }, false],
    [
      { profileUrl: 'https://www.linkedin.com/in/x/' },
      { profileUrl: 'https://www.linkedin.com/in/x/' },
      true,
    ],
    [
      { name: 'Sam', profileUrl: 'https://www.linkedin.com/in/sam-a/' },
      { name: 'Sam', profileUrl: 'https://www.linkedin.com/in/sam-b/' },
      false,
    ],
    [{ name: 'Sam', profileUrl: 'https://www.linkedin.com/in/sam-a/' }, { name: 'sam' }, true],
    [{ profileUrl: 'https://www.linkedin.com/in/sam-a/' }, { name: 'Sam' }, false],
  ])('%j vs %j → %s', (a, b, expected) => {
    expect(sameRecipient(a, b)).toBe(expected);
    expect(sameRecipient(b, a)).toBe(expected);
  });
});

describe('parseRecipient and makeRecipient', () => {
  it.each([
    ['Jane   Doe ', { name: 'Jane Doe' }],
    ['linkedin.com/in/jane', { profileUrl: 'https://www.linkedin.com/in/jane/' }],
    ['<https://www.linkedin.com/in/Jane/>', { profileUrl: 'https://www.linkedin.com/in/jane/' }],
    [
      '<https://www.linkedin.com/in/jane|linkedin.com/in/jane>',
      { profileUrl: 'https://www.linkedin.com/in/jane/' },
    ],
  ])('%j → %j', (input, expected) => {
    expect(parseRecipient(input)).toEqual(expected);
  });

  it.each([
    ['', /Say who/],
    ['   ', /Say who/],
    ['https://www.linkedin.com/company/acme', /not a LinkedIn profile/],
    ['x'.repeat(201), /longer than 200/],
  ])('rejects %j', (input, message) => {
    expect(() => parseRecipient(input)).toThrow(LedgerInputError);
    expect(() => parseRecipient(input)).toThrow(message);
  });

  it('keeps both name and URL when both are given', () => {
    expect(makeRecipient({ name: 'Jane', profileUrl: 'linkedin.com/in/jane/' })).toEqual({
      name: 'Jane',
      profileUrl: 'https://www.linkedin.com/in/jane/',
    });
  });
});
