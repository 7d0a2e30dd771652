import { describe, expect, it } from 'vitest';
import { decodeSlackText } from '../../src/text/decode.js';
import { Note } from '../../src/text/note.js';

describe('decodeSlackText', () => {
  it.each([
    ['AT&amp;T &lt;3 &gt;', 'AT&T <3 >'],
    ['<@U024BE7LH> hi', '@Someone hi'],
    ['<@U024BE7LH|jane> hi', '@jane hi'],
    ['<!channel> <!here> <!everyone>', '@channel @here @everyone'],
    ['<#C123ABC|general>', '#general'],
    ['<https://example.com/a|the post>', 'the post'],
    ['<https://example.com/a>', 'https://example.com/a'],
    ['<mailto:bob@example.com|bob@example.com>', 'bob@example.com'],
    ['<!date^1392734382^{date_num}|2014-02-18>', '2014-02-18'],
    ['I’d “quote”', `I'd "quote"`],
    ['a\u200Bb\uFEFF\u2060c', 'abc'],
    ['<NAME> <3 <Company>', '<NAME> <3 <Company>'],
    ['&lt;@U123&gt;', '<@U123>'],
  ])('%j → %j', (raw, plain) => {
    expect(decodeSlackText(raw).plain).toBe(plain);
  });

  it('records entities', () => {
    const { entities } = decodeSlackText(
      'Hi <@U1> see <https://x.test|this> or <mailto:a@b.co|a@b.co>',
    );
    expect(entities.map((e) => [e.kind, e.target])).toEqual([
      ['mention', 'U1'],
      ['link', 'https://x.test'],
      ['email', 'a@b.co'],
    ]);
  });

  it('maps plain ranges back to raw ranges', () => {
    const raw = 'x &amp; <https://a.test|label> y';
    const note = new Note(raw);
    expect(note.text).toBe('x & label y');
    const amp = note.toRaw(2, 3);
    expect(raw.slice(amp.start, amp.end)).toBe('&amp;');
    const label = note.toRaw(5, 7);
    expect(raw.slice(label.start, label.end)).toBe('<https://a.test|label>');
    const y = note.toRaw(10, 11);
    expect(raw.slice(y.start, y.end)).toBe('y');
  });
});
