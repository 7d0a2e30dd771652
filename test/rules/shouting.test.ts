import { shouting } from '../../src/rules/shouting.js';
import { testRule } from './rule-tester.js';

testRule(shouting, {
  valid: [
    { note: 'Dear FIRSTNAME, loved your talk' },
    { note: 'Loved your SXSW panel on AWS and B2B SaaS pricing at FAANG firms.' },
    { note: 'Hi %FIRSTNAME%, coffee?' },
    { note: 'Congrats on the launch! Coffee?' },
  ],
  invalid: [
    { note: 'HELLO FRIEND, PLEASE ACCEPT', spans: ['HELLO FRIEND, PLEASE ACCEPT'] },
    { note: 'This is an AMAZING opportunity', spans: ['AMAZING'] },
    { note: 'Great talk!!! Coffee???', spans: ['!!!', '???'] },
  ],
});
