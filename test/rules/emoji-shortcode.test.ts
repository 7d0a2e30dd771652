import { emojiShortcode } from '../../src/rules/emoji-shortcode.js';
import { testRule } from './rule-tester.js';

testRule(emojiShortcode, {
  valid: [
    { note: 'Congrats on the launch 🎉' },
    { note: 'See you at 10:30: the keynote room' },
    { note: 'Ratio 3:2:1 works' },
    { note: 'Read https://example.com:8080/x' },
  ],
  invalid: [
    { note: 'Congrats on v2 :tada: Coffee?', spans: [':tada:'] },
    { note: ':wave: Hi! :+1:', spans: [':wave:', ':+1:'] },
  ],
});
