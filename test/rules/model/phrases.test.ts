import { describe, expect, it } from 'vitest';
import { compilePhrases, findPhrases, type Hit } from '../../../src/rules/model/phrases.js';

/** Every match of the list's one regex, scanned whole: what the vocabulary means. */
function scanWhole(pattern: RegExp, text: string): Hit[] {
  const re = new RegExp(pattern.source, pattern.flags);
  return Array.from(text.matchAll(re), (m) => ({ start: m.index, end: m.index + m[0].length }));
}

const PHRASES = [
  'free trial',
  'trial',
  'pric*',
  'book * minutes',
  '* minutes this week',
  '-minute call',
  '% off',
  '/month',
  'co-founder',
  "i'm the person to call",
  'a month',
  'on me',
  'a*',
  'demo',
  'demos',
  'große',
  'x faster',
];

describe('findPhrases', () => {
  const list = compilePhrases(PHRASES);

  it.each([
    ['start a free trial today', ['a', 'free trial']],
    ['our pricing and prices', ['pricing', 'and', 'prices']],
    ['book 20 minutes with me', ['book 20 minutes']],
    ['grab 15 minutes this week?', ['15 minutes this week']],
    ['a 30-minute call', ['a', '-minute call']],
    ['20% off, $9/month', ['% off', '/month']],
    ['my co-founder and i', ['co-founder', 'and']],
    ['demos are 2 x faster, not 5x faster', ['demos', 'are', 'x faster']],
    ['coffee on me', ['on me']],
    // The key word of two phrases, without the other words either needs.
    ['grab 15 minutes soon', []],
    ['book 5 minutes this week', ['book 5 minutes']],
    ['viele große grüße', ['große']],
    ['nothing here', []],
    ['', []],
  ])('%j → %j', (text, expected) => {
    const hits = findPhrases(list, text);
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(expected);
    expect(hits).toEqual(scanWhole(list, text));
  });

  it('finds what the whole regex finds, overlaps and all, on text made of its own words', () => {
    const words = PHRASES.flatMap((p) => p.split(' ')).concat([
      'trials',
      'priced',
      '15',
      'this',
      'week',
      'minutes',
      'cofounder',
      '.',
      ',',
      '\n',
      'Trial',
    ]);
    // A fixed linear congruential sequence: the same texts on every run.
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (let n = 0; n < 300; n++) {
      const text = Array.from(
        { length: 3 + (next() % 12) },
        () => words[next() % words.length],
      ).join(next() % 3 === 0 ? '' : ' ');
      expect(findPhrases(list, text), text).toEqual(scanWhole(list, text));
    }
  });
});
