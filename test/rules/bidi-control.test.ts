import { bidiControl } from '../../src/rules/bidi-control.js';
import { testRule } from './rule-tester.js';

testRule(bidiControl, {
  valid: [
    {
      note: 'Hi Jane, great meeting you at SXSW on the podcasting panel. Would you be up for a call?',
    },
    // Right-to-left scripts and the plain direction marks are ordinary text.
    { note: 'Hi Noa, שלום! Great meeting you at the Tel Aviv meetup. Coffee?' },
    { note: 'مرحبا سارة، سعدت بلقائك في مؤتمر دبي. هل نلتقي لتناول القهوة؟' },
    { note: 'Hi Omar, \u200fmarhaba! Loved your talk at JSConf. Coffee?' },
    { note: 'Hi Sam,\u200b we met at the Lisbon meetup &amp; <https://x.io|the demo>.' },
    { note: '' },
  ],
  invalid: [
    { note: 'Hi Sam, we met at the Lisbon meetup.\u202e Coffee?', spans: ['\u202e'] },
    { note: 'Hi \u2067Dana\u2069, great to meet you.', spans: ['\u2067', '\u2069'] },
    { note: '\u202aHi Lee, loved your talk.\u202c Slides?', spans: ['\u202a', '\u202c'] },
    // A run of controls is one finding; offsets stay raw through Slack markup.
    { note: 'Hi &amp; <@U024BE7LH> \u202d\u202e\u2066here', spans: ['\u202d\u202e\u2066'] },
    { note: '\u2068', spans: ['\u2068'] },
    { note: 'Hallo\u202b Jens, Kaffee?', spans: ['\u202b'] },
  ],
});
