import { slackMention } from '../../src/rules/slack-mention.js';
import { testRule } from './rule-tester.js';

testRule(slackMention, {
  valid: [
    { note: 'Omar Haddad suggested I reach out.' },
    { note: 'A literal &lt;!channel&gt; typed as text.' },
  ],
  invalid: [
    { note: '<@U024BE7LH> suggested I reach out.', spans: ['<@U024BE7LH>'] },
    { note: 'Hey <!here> and <#C123ABC|general>', spans: ['<!here>', '<#C123ABC|general>'] },
  ],
});
