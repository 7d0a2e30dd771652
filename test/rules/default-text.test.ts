import { defaultText } from '../../src/rules/default-text.js';
import { testRule } from './rule-tester.js';

const STOCK = "I'd like to add you to my professional network on LinkedIn.";

testRule(defaultText, {
  valid: [
    { note: "Hi, I'd like to connect with you." },
    { note: `Hi Ana, great meeting you at PyData Berlin. ${STOCK}` },
    { note: `${STOCK} We sat together at the Dreamforce keynote. Coffee?` },
    { note: 'Would love to add you to my network after your great talk.' },
  ],
  invalid: [
    { note: STOCK, spans: [STOCK] },
    { note: `Hi Maria, ${STOCK} Best, Tom`, spans: [STOCK] },
    {
      note: "I'd like to join your LinkedIn network.",
      spans: ["I'd like to join your LinkedIn network."],
    },
    {
      note: 'Hi Chen, I’d like to add you to my professional network on LinkedIn.',
      spans: ['I’d like to add you to my professional network on LinkedIn.'],
    },
    { note: `Dear Dr. Okafor,\n${STOCK}\nKind regards,\nPeter Lin`, spans: [STOCK] },
    {
      note: 'Hello James,\n\nI would like to join your LinkedIn network\n\nThanks,\nAisha',
      spans: ['I would like to join your LinkedIn network'],
    },
  ],
});
