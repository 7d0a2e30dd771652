import { genericOpener } from '../../src/rules/generic-opener.js';
import { testRule } from './rule-tester.js';

testRule(genericOpener, {
  valid: [
    { note: 'I came across your article on Postgres migrations while planning ours.' },
    { note: 'Great meeting you at the Shopify meetup in Toronto.' },
    { note: 'Your network of climate founders is impressive; how did you build it?' },
    { note: 'I saw your post about the Data Analyst opening.' },
  ],
  invalid: [
    {
      note: 'Hi, I see we have 12 mutual connections.',
      spans: ['I see we have 12 mutual connections'],
    },
    { note: 'I was impressed by your profile.', spans: ['impressed by your profile'] },
    {
      note: 'I came across your profile and would love to connect.',
      spans: ['I came across your profile'],
    },
    { note: "Hi Sarah, I'm expanding my network.", spans: ['expanding my network'] },
    {
      note: 'Great to connect with like-minded professionals!',
      spans: ['like-minded professionals'],
    },
    {
      note: "I'm looking to grow my professional network in tech.",
      spans: ['grow my professional network'],
    },
    {
      note: 'We share similar interests. Let’s support each other!',
      spans: ['We share similar interests', 'support each other'],
    },
    { note: 'I hope this message finds you well.', spans: ['hope this message finds you well'] },
    {
      note: 'I noticed your LinkedIn profile yesterday.',
      spans: ['I noticed your LinkedIn profile'],
    },
  ],
});
