import { describe, expect, it } from 'vitest';
import { missingNextStep } from '../../src/rules/missing-next-step.js';
import { Note } from '../../src/text/note.js';
import { testRule } from './rule-tester.js';

const whole = (note: string) => ({ note, spans: [note.trim()] });

testRule(missingNextStep, {
  valid: [
    // A condition on their side offers something for when it holds.
    { note: "In case it's useful for your onboarding docs, I recorded a walkthrough of the CLI." },
    { note: 'If your team outgrows the spare room, we have two desks free by the window.' },
    { note: "Si un jour tu cherches un graphiste pour ta boîte, c'est mon métier." },
    // An ask opened politely without a question mark; more to hear; a canned line that proposes.
    { note: 'Please can you point me to the right person for partnerships.' },
    { note: 'Glad to hear more about the Lagos launch whenever suits.' },
    { note: 'Would be glad to exchange perspectives on pricing some time.' },
    { note: 'Keen to hear what you teach next' },
    { note: 'Drop me a line when the book is out' },
    { note: 'Hi Dan, how are you doing?' },
    { note: 'Great chatting at the meetup. I’ll send over that article on churn I mentioned.' },
    { note: 'Happy to help test the Windows build if useful!' },
    { note: 'Let me know if you want a hiking buddy this summer.' },
    { note: '¿Te apetece tomar un café?' },
    { note: 'Un café la semaine prochaine' },
    { note: 'Would love to hear how the pilot goes.' },
    // Issue 10: next steps by meaning, not by word.
    { note: 'Would be great to compare notes on your roadmap some time.' },
    {
      note: 'Great to meet you at the Hamburg offsite. Maybe we can swap stories about scaling support.',
    },
    { note: "I'll bring the book I mentioned next time I'm in Lisbon." },
    { note: 'Your essay on design debt hit home. I would love your take on our component audit.' },
    { note: 'Loved the preview of your climate report. Send me the full version when it is out.' },
    {
      note: 'Hi Bashir, fellow Cornell alum here. If you ever need a contact at Marriott Doha, I am your guy.',
    },
    { note: 'We met at the Nordic AI dinner. Glad to introduce you to our CTO whenever useful.' },
    { note: "I'd love to connect you with Maria, who runs the Lisbon chapter." },
    { note: 'Hallo Tim, lass uns mal auf einen Kaffee gehen.' },
    { note: 'Olá Rita, podemos marcar um café na próxima semana.' },
    { note: 'Bonjour Léa, on pourrait prendre un café en septembre.' },
    {
      note: "Hi Jane, great meeting you at SXSW on the podcasting panel. I'd love to swap notes on audio ads. Would you be up for a call?",
    },
    // Offers made conditional or casual, and a booking link, are next steps.
    { note: 'hmu if the Denver office ever needs a second pair of eyes on Terraform' },
    { note: "If your team ever wants a hand with the migration, I'm around." },
    // The sender's modal frame, by structure: adverbs, "you to", objects, subject carried or left out.
    { note: 'We run the Leeds data meetup and would gladly host your team for a session.' },
    { note: "We'd really love you to judge the student hackathon in June." },
    { note: 'I would value your candid opinion on our pricing page.' },
    { note: 'Saw the outage write-up. My team could lend you a hand with the postmortem tooling.' },
    { note: 'Noticed the new studio on Mill Lane – can pop by with samples whenever suits.' },
    { note: 'can i forward you the survey results' },
    // After a wanting lead, a verb of knowing still asks.
    { note: 'Would love to understand how you priced the enterprise tier.' },
    { note: 'Our choir rehearses on Tuesdays and you would be very welcome to join.' },
    { note: 'Two slots open next week → https://savvycal.com/mo-lind/intro' },
    { note: 'Open most Thursdays, times are <https://cal.com/mo/15|here>' },
    { note: 'Seats are limited: register before Friday.' },
    { note: "I'd love to learn from you how the Rotterdam depot handled the switch to EVs." },
    { note: 'Looking forward to working with you on the harbour survey.' },
    { note: 'Hola Inés, estaré encantada de mostrarte el prototipo cuando vengas a Sevilla.' },
    // A language the layer does not know: it says nothing rather than guess.
    { note: '田中さん、先日はありがとうございました。' },
    // An ask in chat shorthand, a verb after a colon, a Spanish offer: next steps all.
    {
      note: 'Hi Omar, our studio builds booking sites for gyms. If your team ever wants a refresh, lmk.',
    },
    { note: 'Three places left on the spring cohort: grab one here https://example.com/apply' },
    {
      note: 'Hola Inés, soy fotógrafa de producto en Valencia, encantada de enseñarte mi portfolio.',
    },
    // A step chained after connecting, a company's promise, a polite request or imperative.
    {
      note: 'Nice meeting you at the Bristol dbt meetup. Happy to connect and trade tips on incremental models.',
    },
    { note: "We'll bring the spare tent to Saturday's climb." },
    { note: 'Kindly advise on the dates of the next intake.' },
    // An offer with its subject left out is still the sender's promise.
    { note: 'Met you at the Derby makers fair. Can print your stall banner by Friday.' },
    { note: 'Will send the photos from the Derby makers fair tonight.' },
    // A link set out after a colon is there to be opened.
    { note: 'Our spring reading list is up: <https://example.org/reads|example.org/reads>' },
    { note: 'Here are the slides from Tuesday: https://example.org/slides' },
    { note: 'I would be grateful for a pointer to whoever runs graduate hiring at Arup.' },
    // Round 2 probes: promises as gerunds, activities proposed with "the" about, unmarked questions.
    { note: 'Sending the maps Friday.' },
    { note: 'Saving you a seat at the workshop on the 12th.' },
    { note: 'Maybe a walk around the lake one morning.' },
    { note: 'I owe you a beer for that tip.' },
    { note: 'Keen for a coffee when the dust settles on the release.' },
    { note: 'Count me in for the next hack night.' },
    { note: "You're invited to our demo day on 3 June." },
    { note: 'Curious whether your team has tried Dagster' },
    { note: 'How has the new role been treating you' },
    { note: "Do say hello if you're at the Berlin summit." },
    { note: 'Will forward the grant call when it is published.' },
    { note: 'Your feedback on the beta would help us a lot.' },
    { note: 'If your kids need a push before exams, text me.' },
    { note: 'We can have the contracts in your inbox by noon.' },
    { note: 'Fancy judging the science fair in March' },
    { note: 'We run a reading group on Thursdays, would you lead one evening' },
    { note: 'Any plans to bring the workshop to Cardiff' },
    { note: 'A second pair of eyes on our grant bid would be most welcome.' },
    { note: 'She said you know the Porto scene well, perhaps a call next month.' },
    { note: 'A short demo for our design guild would be a real treat.' },
    { note: 'Your recipe would suit our community cookbook, keen' },
    { note: 'The spare tickets are yours if you really want them.' },
    { note: 'Use the studio on Sundays whenever it suits.' },
  ],
  invalid: [
    // A modal describing a noun, including them in the circle, being counted as a contact.
    whole('Always on the lookout for founders I can learn alongside.'),
    whole("I'm growing my circle and hoping to include you."),
    whole('Count me in as a connection!'),
    // A condition in the past reasons; news heard is no plan.
    whole('If you were at PyCon last year, you know the hallway track is the best part.'),
    whole('Happy to hear you made it to Berlin.'),
    // Building relationships, meeting a class of people, "looking forward to it": still only the invitation.
    whole('As an engineer myself I would be glad to build relationships across the industry.'),
    whole('Always eager to meet fellow makers.'),
    // A modal that promises nothing they can take up.
    whole('Met you at the Derby makers fair. Could be fun to connect.'),
    whole("Met you at the Derby makers fair. Can't wait to connect."),
    // A link mentioned in passing asks nothing of them.
    whole('I blog at https://example.org now.'),
    whole('Great to be connected with another designer. Looking forward to it.'),
    whole("Let's connect!"),
    // Benefit from being connected, following their work: the invitation, not a step.
    whole('Both in retail tech, so I think we could benefit from being connected.'),
    whole('Great to be connected, looking forward to following your work.'),
    whole('Hi, I would like to connect with you.'),
    whole("Hi, I'd like to connect with you."),
    whole('Your app saved our shop hours. Thank you for building it!'),
    whole("I'm looking to grow my network and would be glad to have you in it."),
    whole('I just finished your book on negotiation.'),
    // Issue 10: pleasantries and facts are not next steps.
    whole('Pleased to be connected with you, Dr. Okafor.'),
    whole('Hi Jo, we have several contacts in common, so I thought I would reach out.'),
    whole('Hi Jen, we worked together at Deloitte years ago. Hope all is well.'),
    whole('Thanks for the great talk at QCon yesterday.'),
    whole('Great chatting at the meetup, and thanks for the chat about our call last week.'),
    whole('Hallo Lisa, schön, dass wir uns auf der DMEXCO getroffen haben.'),
    whole('It was good to meet you at the offsite.\n\nBest,\nTom'),
    // Wishes and statements after a lead ask nothing of them.
    whole('Hi Omar, looking forward to learning from your updates.'),
    whole('I look forward to working together this spring.'),
    whole('I thought you would want to know that we opened in Ohio.'),
    whole("I'll be your account lead from March."),
    whole('Hi Nia, I think we could really benefit from connecting.'),
    // A modal that hedges, negates or reports is a statement, not an offer.
    whole('Hi Ola, I would say we share a lot of the same interests.'),
    whole('I will never forget your keynote at DevDays.'),
    whole("I can't thank you enough for the mentoring sessions."),
    whole('We can all agree your thread on hiring was spot on.'),
    whole('Saw your name in the suggestions, so I figured I would say hello.'),
    whole('Hi Ben, I would be honoured to be part of your network.'),
    whole('I can see why your team loves working with you.'),
    whole('I can only imagine how hard the launch was.'),
    // Round 2 probes: hyperbole, reactions, activities that are theirs or past, gerunds that promise nothing.
    whole('I could listen to your podcast all day.'),
    whole('Glad to see more women leading platform teams.'),
    whole('Loved your coffee review blog.'),
    whole('Your lunch and learn series sounds amazing.'),
    whole('Would have loved a chat at the event but time ran out.'),
    whole('Sending congratulations on your promotion!'),
    whole('Your take on pair programming has stayed with me since.'),
    whole('I will always remember your advice at the bootcamp.'),
    whole('We grabbed dinner after the panel, a great evening.'),
    whole('A colleague would say you are the best mentor in Leeds.'),
    whole('Looking forward to following your next venture.'),
    whole('Your mentoring still helps me every week, and your notes still save me hours.'),
  ],
});

describe('missing-next-step names the invitation it found', () => {
  it('says a vague future is a wish', () => {
    const [finding] = missingNextStep.check(new Note('Looking forward to working together!'), {
      account: 'basic',
      limit: 200,
    });
    expect(finding?.message).toContain('“Looking forward to working together” is a wish');
  });

  it('says "let\'s connect" is the invitation itself', () => {
    const [finding] = missingNextStep.check(
      new Note('We met at the Denver meetup. I would love to connect.'),
      {
        account: 'basic',
        limit: 200,
      },
    );
    expect(finding?.message).toContain('“I would love to connect” is the invitation itself');
  });
});
