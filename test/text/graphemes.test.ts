import { describe, expect, it } from 'vitest';
import { countGraphemes } from '../../src/text/graphemes.js';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const bySegmenter = (text: string) => [...segmenter.segment(text)].length;

// Pieces that join their neighbours, or look as if they might, next to
// characters that never do.
const PIECES = [
  'a',
  'e',
  'Z',
  ' ',
  '.',
  '1',
  '#',
  '\t',
  '\n',
  '\r',
  '\r\n',
  'é',
  'ß',
  '—',
  '…',
  '©',
  '‼',
  '\u0301',
  '\u0308',
  '\u20E3',
  '\uFE0F',
  '\u200D',
  '\u200C',
  '\u00AD',
  '👨',
  '👩',
  '👧',
  '🏽',
  '❤',
  '🇫',
  '🇷',
  '🇩🇪',
  '한',
  '\u1100',
  '\u1161',
  '\u11A8',
  'न',
  'म',
  'स',
  'त',
  '\u094D',
  '\u0947',
  'ि',
  '\u0903',
  '\u0600',
  '\u0E33',
  '\uD800',
  '\uDC00',
];

describe('countGraphemes', () => {
  it.each([
    ['Hi Maria, loved your talk!', 26],
    ['👨‍👩‍👧 family', 8],
    ['thumbs 👍🏽👍🏿', 9],
    ['🇫🇷🇩🇪 trip', 7],
    ['cafe\u0301 and nai\u0308ve', 14],
    ['one\r\ntwo', 7],
    ['한국어 hello', 9],
    ['keycap 1\uFE0F\u20E3!', 9],
    ['a\u200D©', 2],
  ])('%j has %i characters a person sees', (text, expected) => {
    expect(countGraphemes(text)).toBe(expected);
    expect(countGraphemes(text)).toBe(bySegmenter(text));
  });

  // How conjuncts group changed between Unicode versions, so Node's own ICU is the reference.
  it.each(['नमस्ते Priya', 'Hi क्षत्रिय!', 'ok ि'])('counts %j as Intl.Segmenter does', (text) => {
    expect(countGraphemes(text)).toBe(bySegmenter(text));
  });

  it('counts like Intl.Segmenter on mixes of joining and plain characters', () => {
    // A fixed pseudo-random sequence, so that a failure can be reproduced.
    let seed = 20261123;
    const next = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const mismatches: string[] = [];
    for (let n = 0; n < 20000; n++) {
      let text = '';
      const length = 1 + Math.floor(next() * 10);
      for (let i = 0; i < length; i++) text += PIECES[Math.floor(next() * PIECES.length)];
      if (countGraphemes(text) !== bySegmenter(text)) mismatches.push(JSON.stringify(text));
    }
    expect(mismatches).toEqual([]);
  });
});
