import { describe, expect, it } from 'vitest';
import { anyOf, topLevelAlternatives } from '../../src/text/any-of.js';

describe('topLevelAlternatives', () => {
  it.each([
    ['a|b', ['a', 'b']],
    ['(?:a|b)c|d', ['(?:a|b)c', 'd']],
    ['[|]x|y', ['[|]x', 'y']],
    [String.raw`a\|b|c`, [String.raw`a\|b`, 'c']],
    [String.raw`[\]|]|z`, [String.raw`[\]|]`, 'z']],
    [String.raw`\((a|b)|\)`, [String.raw`\((a|b)`, String.raw`\)`]],
    ['solo', ['solo']],
  ])('%s → %j', (source, alternatives) => {
    expect(topLevelAlternatives(source)).toEqual(alternatives);
  });
});

describe('anyOf', () => {
  const patterns = [
    /\bwe (?:met|spoke)\b|,\s+our\b/u,
    /\bfree trial\b/gu,
    /[$€£]\d+|\bhttps?:\/\/\S+/u,
    /\bcaf[eé](?!\p{L})/u,
  ];
  const union = anyOf(patterns);

  it.each([
    'we met at PyCon',
    'thanks, our team loved it',
    'start a free trial',
    'only $49',
    'see https://x.test',
    'a café nearby',
    'cafés nearby',
    'wemet',
    'freetrial',
    'nothing here',
    '',
  ])('answers %j as the patterns one by one do', (text) => {
    expect(union.test(text)).toBe(patterns.some((p) => new RegExp(p.source, p.flags).test(text)));
  });

  it('refuses patterns whose flags differ', () => {
    expect(() => anyOf([/a/u, /b/i])).toThrow(/flags/);
  });

  it('refuses back-references, which the union would renumber', () => {
    expect(() => anyOf([/(a)\1/u, /(b)/u])).toThrow(/capture group/);
    expect(() => anyOf([/(?<x>a)\k<x>/u])).toThrow(/capture group/);
  });

  it('refuses an empty list', () => {
    expect(() => anyOf([])).toThrow();
  });
});
