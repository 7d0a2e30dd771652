import { placeholder } from '../../src/rules/placeholder.js';
import { testRule } from './rule-tester.js';

testRule(placeholder, {
  valid: [
    { note: 'We met at DevOpsDays (Amsterdam) last week.' },
    { note: 'Your regex talk made me <3 parsers again.' },
    { note: 'Congrats on the launch :tada: see you in #editor-dev' },
    { note: 'IT-Kosten um 25 % zu senken, 10 % mehr.' },
    { note: 'Our team writes release notes in FirstDraft.' },
    { note: 'Your talk "Designing for Trust" at UX London was great.' },
    { note: 'He wrote "[sic]" in the margin.' },
    { note: 'Saw <@U024BE7LH> and <https://example.com|your post> today.' },
    { note: 'A heart &lt;3 for your work.' },
  ],
  invalid: [
    { note: 'Hi ___, great to meet you.', spans: ['___'] },
    { note: 'Dear FIRSTNAME, loved your talk', spans: ['FIRSTNAME'] },
    { note: 'Hi [insert name here], coffee?', spans: ['[insert name here]'] },
    { note: 'Hi {first name}, loved your post.', spans: ['{first name}'] },
    { note: 'Hi Laura, growth at [Company] is impressive.', spans: ['[Company]'] },
    { note: 'Hi {{name}}, we both spoke at DataCouncil.', spans: ['{{name}}'] },
    { note: 'Congrats on {{ company_name }}!', spans: ['{{ company_name }}'] },
    { note: 'Hello <NAME>, thanks for the question.', spans: ['<NAME>'] },
    // The same token as it arrives from Slack, escaped.
    { note: 'Hello &lt;NAME&gt;, thanks for the question.', spans: ['&lt;NAME&gt;'] },
    { note: 'Hi %FIRSTNAME%, coffee?', spans: ['%FIRSTNAME%'] },
    { note: 'Bonjour {prénom}, un café ?', spans: ['{prénom}'] },
    {
      note: 'Hi [First Name], great meeting you at [Event Name].',
      spans: ['[First Name]', '[Event Name]'],
    },
    { note: 'Best,\n[Your Name]', spans: ['[Your Name]'] },
    { note: 'Hi {!Contact.FirstName}, hello', spans: ['{!Contact.FirstName}'] },
    { note: 'Hi ${firstName}, hello', spans: ['${firstName}'] },
    { note: 'Hi <<First Name>>, hello', spans: ['<<First Name>>'] },
    { note: 'Hi [name], hello', spans: ['[name]'] },
  ],
});
