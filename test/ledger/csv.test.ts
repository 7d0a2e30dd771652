import { describe, expect, it } from 'vitest';
import { csvDocument, csvField, spreadsheetSafe } from '../../src/ledger/csv.js';

describe('csvField (RFC 4180)', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it('writes numbers, booleans and blanks', () => {
    expect([csvField(3), csvField(true), csvField(null), csvField(undefined)]).toEqual([
      '3',
      'true',
      '',
      '',
    ]);
  });
});

describe('spreadsheetSafe', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+33 6', "'+33 6"],
    ['-x', "'-x"],
    ['@me', "'@me"],
    ['Jane', 'Jane'],
  ])('%j → %j', (input, expected) => {
    expect(spreadsheetSafe(input)).toBe(expected);
  });
});

it('csvDocument ends every row with CRLF', () => {
  expect(
    csvDocument([
      ['a', 'b'],
      ['1', 'x,y'],
    ]),
  ).toBe('a,b\r\n1,"x,y"\r\n');
});
