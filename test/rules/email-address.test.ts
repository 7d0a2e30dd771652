import { emailAddress } from '../../src/rules/email-address.js';
import { testRule } from './rule-tester.js';

testRule(emailAddress, {
  valid: [{ note: 'Ping me @ the conference.' }, { note: 'Thanks <@U024BE7LH> for the intro.' }],
  invalid: [
    { note: 'Email me at sue.smith@example.com so we can chat.', spans: ['sue.smith@example.com'] },
    {
      note: 'Write to <mailto:bob@example.com|bob@example.com>',
      spans: ['<mailto:bob@example.com|bob@example.com>'],
    },
  ],
});
