import { link } from '../../src/rules/link.js';
import { testRule } from './rule-tester.js';

testRule(link, {
  valid: [
    { note: 'Hi Dr. Mensah, loved the talk. Coffee?' },
    { note: 'Email me at ana@example.com' },
    { note: 'We both use Node.js daily.' },
  ],
  invalid: [
    { note: 'Book here: calendly.com/jw/15min.', spans: ['calendly.com/jw/15min'] },
    {
      note: 'See https://example.com/post?x=1 for details',
      spans: ['https://example.com/post?x=1'],
    },
    {
      note: 'Loved <https://example.com/post|your post>!',
      spans: ['<https://example.com/post|your post>'],
    },
    { note: 'Try it 👉 writewise.ai/trial', spans: ['writewise.ai/trial'] },
    { note: 'Visit www.acme.test today', spans: ['www.acme.test'] },
  ],
});
