import { selfCentered } from '../../src/rules/self-centered.js';
import { testRule } from './rule-tester.js';

testRule(selfCentered, {
  valid: [
    { note: 'Loved your talk. I would like to ask you about it.' },
    {
      note: "I manage procurement and we're renewing our contract; our rep left. Could you connect me?",
    },
    { note: 'Great to meet you!' },
  ],
  invalid: [
    {
      note: 'I am a marketer. I love growth and my work is great.',
      spans: ['I am a marketer. I love growth and my work is great.'],
    },
    {
      note: "We're an agency. We build sites, our team is 40 and we ship fast; our clients love us. Want to see?",
      spans: [
        "We're an agency. We build sites, our team is 40 and we ship fast; our clients love us. Want to see?",
      ],
    },
  ],
});
