import { selfCentered } from '../../src/rules/self-centered.js';
import { testRule } from './rule-tester.js';

const whole = (note: string) => ({ note, spans: [note.trim()] });

testRule(selfCentered, {
  valid: [
    { note: 'Loved your talk. I would like to ask you about it.' },
    {
      note: "I manage procurement and we're renewing our contract; our rep left. Could you connect me?",
    },
    { note: 'Great to meet you!' },
    {
      note: "Hi Jane, great meeting you at SXSW on the podcasting panel. I'd love to swap notes on audio ads. Would you be up for a call?",
    },
    { note: 'I run the Leeds food bank. We met at the drive; how did your team get so organised?' },
    // A language the layer does not know: it says nothing rather than guess.
    { note: '私は東京でエンジニアをしています。私の会社は小さいです。' },
  ],
  invalid: [
    whole('I am a marketer. I love growth and my work is great.'),
    whole(
      "We're an agency. We build sites, our team is 40 and we ship fast; our clients love us. Want to see?",
    ),
    whole('I run a small bookkeeping practice. My clients are dentists and I keep my fees flat.'),
    whole('Wir sind eine Agentur. Wir bauen Websites und unser Team ist schnell.'),
  ],
});
