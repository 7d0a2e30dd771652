import { noteLength } from '../../src/rules/note-length.js';
import { testRule } from './rule-tester.js';

const a200 = 'a'.repeat(200);
const a300 = 'b'.repeat(300);
const family = '👩‍👩‍👧‍👦';

testRule(noteLength, {
  valid: [
    { note: a200 },
    { note: a300, account: 'premium' },
    // 200 emoji of 7 code points each are still 200 characters to a person.
    { note: family.repeat(200) },
    // CRLF is one character; &amp; is one & once Slack's markup is resolved.
    { note: `${'x'.repeat(198)}\r\n` },
    { note: '&amp;'.repeat(200) },
    // Zero-width characters are invisible and not counted.
    { note: `${a200}\u200B\u200B` },
  ],
  invalid: [
    { note: `${a200}Z`, spans: ['Z'] },
    { note: `${a300}XY`, account: 'premium', spans: ['XY'] },
    { note: `${a200}${family}`, spans: [family] },
    { note: `${'&amp;'.repeat(200)}&lt;`, spans: ['&lt;'] },
    { note: `${'x'.repeat(199)}\r\n!`, spans: ['!'] },
  ],
});
