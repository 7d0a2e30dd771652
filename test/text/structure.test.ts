import { describe, expect, it } from 'vitest';
import { body } from '../../src/text/structure.js';

const said = (text: string) => {
  const { start, end } = body(text);
  return text.slice(start, end).trim();
};

describe('greeting and sign-off around what a note says', () => {
  it.each([
    ['Hi Maria, great talk at PyCon.\nBest,\nTom', 'great talk at PyCon.'],
    ['Great talk at PyCon. Thanks, Tom', 'Great talk at PyCon.'],
    ['Great talk at PyCon, thanks', 'Great talk at PyCon,'],
    // Greetings that end in a letter outside ASCII.
    ['Olá Rita, adorei a sua palestra.', 'adorei a sua palestra.'],
    // "best" inside a sentence is what the note says, not a sign-off.
    ['Hi Ana, your mentors are the best.', 'your mentors are the best.'],
    ['Hi Ana, thanks for the best workshop.', 'thanks for the best workshop.'],
  ])('%j says %j', (text, expected) => {
    expect(said(text)).toBe(expected);
  });
});
