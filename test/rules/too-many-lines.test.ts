import { tooManyLines } from '../../src/rules/too-many-lines.js';
import { testRule } from './rule-tester.js';

testRule(tooManyLines, {
  valid: [
    {
      note: 'Hi Grace,\n\nGreat seeing you at the meetup on Tuesday.\nWould love to hear how the pilot goes. Coffee in May?\n\nBest,\nNadia',
    },
    { note: 'One sentence here. Two sentences here. Three sentences here. Four sentences here.' },
  ],
  invalid: [
    {
      note: 'Line one is here.\nLine two is here.\nLine three is here.\nLine four is here.',
      spans: ['Line four is here.'],
    },
    {
      note: 'Hi Ann, one thing here. Two things here. Three things here. Four things here. Five things here.',
      spans: ['Five things here.'],
    },
  ],
});
