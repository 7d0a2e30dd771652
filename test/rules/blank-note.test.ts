import { blankNote } from '../../src/rules/blank-note.js';
import { testRule } from './rule-tester.js';

testRule(blankNote, {
  valid: [{ note: 'Hi' }, { note: '👋' }, { note: '  .  ' }, { note: '&amp;' }],
  invalid: [
    { note: '', spans: [''] },
    { note: '   ', spans: ['   '] },
    { note: '\n\t\r\n', spans: ['\n\t\r\n'] },
    { note: '\u200B\u200B', spans: ['\u200B\u200B'] },
    { note: '\u00A0\u2060\uFEFF', spans: ['\u00A0\u2060\uFEFF'] },
  ],
});
