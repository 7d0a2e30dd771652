import { missingNextStep } from '../../src/rules/missing-next-step.js';
import { testRule } from './rule-tester.js';

testRule(missingNextStep, {
  valid: [
    { note: 'Keen to hear what you teach next' },
    { note: 'Drop me a line when the book is out' },
    { note: 'Hi Dan, how are you doing?' },
    { note: 'Great chatting at the meetup. I’ll send over that article on churn I mentioned.' },
    { note: 'Happy to help test the Windows build if useful!' },
    { note: 'Let me know if you want a hiking buddy this summer.' },
    { note: '¿Te apetece tomar un café?' },
    { note: 'Un café la semaine prochaine' },
    { note: 'Would love to hear how the pilot goes.' },
  ],
  invalid: [
    { note: "Let's connect!", spans: ["Let's connect!"] },
    { note: "Hi, I'd like to connect with you.", spans: ["Hi, I'd like to connect with you."] },
    {
      note: 'Your app saved our shop hours. Thank you for building it!',
      spans: ['Your app saved our shop hours. Thank you for building it!'],
    },
    {
      note: "I'm looking to grow my network and would be glad to have you in it.",
      spans: ["I'm looking to grow my network and would be glad to have you in it."],
    },
    {
      note: 'I just finished your book on negotiation.',
      spans: ['I just finished your book on negotiation.'],
    },
  ],
});
