import { missingContext } from '../../src/rules/missing-context.js';
import { testRule } from './rule-tester.js';

testRule(missingContext, {
  valid: [
    { note: "I'm hiring a founding engineer and your Rust work caught my eye." },
    { note: "I'm a customer of yours and our renewal is coming up." },
    { note: 'I was in your Python workshop last month.' },
    { note: "We're both members of the Women in Product Slack." },
    { note: 'We live in the same neighborhood in Oakland.' },
    { note: 'Great meeting you at the PyData Berlin meetup last night.' },
    { note: 'Your article on zero-downtime migrations saved us a week.' },
    { note: 'Jordan Lee at Figma said you are the person to ask about design ops.' },
    { note: 'My colleague Ravi Shah recommended your team.' },
    // A Slack mention is a person: a referral by mention is context.
    { note: '<@U024BE7LH> suggested I reach out about your robotics lab.' },
    { note: 'We last worked together at Oracle in 2016. Coffee?' },
    { note: 'Fellow Wharton MBA here, class of 2015.' },
    { note: "It's been ages since our Accenture days in Chicago!" },
    { note: 'Thanks for the thoughtful review of my pull request to the Django docs.' },
    { note: 'Congrats on closing the Series A! I was one of your first beta users.' },
    { note: 'We were both on the KubeCon program committee.' },
    { note: 'We chatted in the #editor-dev Slack channel last month.' },
    { note: 'Hola Lucía, fue un placer conocerte en JSConf México.' },
  ],
  invalid: [
    { note: "I admire your work. Let's connect", spans: ["I admire your work. Let's connect"] },
    {
      note: 'Hi, I see we have 12 mutual connections.',
      spans: ['Hi, I see we have 12 mutual connections.'],
    },
    { note: "Hi, I'd like to connect with you.", spans: ["Hi, I'd like to connect with you."] },
    {
      note: 'I came across your profile and would love to connect.',
      spans: ['I came across your profile and would love to connect.'],
    },
    {
      note: '  Your profile is impressive! Would love to connect.\n',
      spans: ['Your profile is impressive! Would love to connect.'],
    },
    {
      note: "Hello! Hope you're having a great week. Let's connect.",
      spans: ["Hello! Hope you're having a great week. Let's connect."],
    },
    {
      note: "I'm looking to grow my network in the tech industry.",
      spans: ["I'm looking to grow my network in the tech industry."],
    },
    {
      note: 'We share similar interests. Connect?',
      spans: ['We share similar interests. Connect?'],
    },
    { note: '👋', spans: ['👋'] },
    {
      note: "Hi Tom,\n\nI'd love to connect.\n\nBest,\nRavi",
      spans: ["Hi Tom,\n\nI'd love to connect.\n\nBest,\nRavi"],
    },
  ],
});
