import { describe, expect, it } from 'vitest';
import { missingContext } from '../../src/rules/missing-context.js';
import { Note } from '../../src/text/note.js';
import { testRule } from './rule-tester.js';

const whole = (note: string) => ({ note, spans: [note.trim()] });

testRule(missingContext, {
  valid: [
    // Probe wording unlike the training notes: a shared habit, place, group or past.
    {
      note: "Hi Jo, we both swim at the Tooting lido most mornings, I'm the one in the orange cap.",
    },
    { note: 'Hi Pete, we both sing in the Hackney community choir, I am one of the new tenors.' },
    { note: 'Hey Zanele, we shared a panel at a summit in Nairobi. Send me that report?' },
    {
      note: 'Hi Priya, half of my Bristol cycling club seems to know you. Fancy joining the ride?',
    },
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
    // Issue 10: context said in ordinary words.
    { note: 'Hi Sam, my Leeds running crowd says you know everyone.' },
    { note: 'I know you from the Hacker Dojo days!' },
    { note: 'We did the food-bank drive together last winter.' },
    { note: 'I loved building the checkout with you at Zalando.' },
    { note: 'Saw you shipped the new Figma plugin API.' },
    { note: 'You and I both know Dana Whitfield — she and I co-run a meetup.' },
    { note: "I'll be at Config too. See you there?" },
    { note: 'My cousin Ines is on your team.' },
    { note: 'Marco Ruiz is a close friend and said I should say hello.' },
    { note: 'Hi Clive, I remember you from Ecademy; you ran the Bath breakfast club.' },
    { note: 'Hallo Jonas, wir haben uns letzte Woche auf der re:publica kennengelernt.' },
    {
      note: "Hi Jane, great meeting you at SXSW on the podcasting panel. I'd love to swap notes on audio ads. Would you be up for a call?",
    },
    // The sender's own employer or city, said to be shared, is context.
    { note: "Hi Ben, I'm at Monzo too, on the fraud side." },
    { note: "Hi Ama, I'm in Accra as well. Let's get that coffee." },
    // A name slot in the greeting does not hide real context.
    { note: 'Hi [Name], we met at PyCon. Coffee?' },
    // A language the layer does not know: it says nothing rather than guess.
    { note: '田中さん、よろしくお願いします。' },
    // Remembering is not denying: the history still stands; so does taking over a shared contact.
    { note: 'You may not remember me, but we met at the Porto Rust meetup.' },
    { note: "Hi Sam, I'm taking over from Dana Ortiz as your account lead next month." },
    { note: 'The first time we met was at PyCon Lisbon.' },
    // Thanks for a deed done for the sender is something they did.
    { note: 'Thanks for walking me through the grant forms last week!' },
    // An employer before a title is still a shared employer.
    { note: "I'm also a Google engineer, on the Maps team." },
    // A specific thing of theirs named by a compound or through a possessive.
    { note: 'Your kiln temperature spreadsheet saved my first glaze firing. Thank you!' },
    { note: "Your lab's paper on soil carbon is the one our extension office hands out." },
    { note: "Hi Teo, your bakery's sourdough workshop was the best Saturday I've had in ages." },
    // "we" with a past participle or "have" is the two of them, not the sender's firm.
    { note: "Hi Ines, we've sung side by side in the Riverside Gospel Choir for years." },
    { note: 'We have a few friends in common, including Omar Haddad from the Kent chapter.' },
    // A fellow of a group, not of a trade.
    { note: 'Hi Dev, fellow Harbour Road allotment holder here. Swap seedlings in May?' },
  ],
  invalid: [
    // History denied or only wished for, a job title in capitals, a field in two words: no context.
    whole('Hi Ravi, not sure we have met, but hello!'),
    whole("Hello Tom, I don't think we've spoken before. I work in procurement too."),
    whole("It's high time we talked, I suppose."),
    whole("I'm also a Certified Financial Planner."),
    whole('Hi Priya, we both work in real estate around Austin.'),
    // Thanks for reading the invitation itself is no deed.
    whole('Thanks for considering my connection request.'),
    // A field or a quarter in capitals names no shared place or person.
    whole("Hi Ola, we are both in UX and I'd love to hear how H2 is shaping up for you."),
    whole("I admire your work. Let's connect"),
    // The sender's own employer, city or school, however they say it, is not shared.
    whole('Hi Mo, I look after the tender desk at Kier Group, mostly highways work.'),
    whole('I coordinate the youth league at Northfield Rovers and we need a new kit sponsor.'),
    whole("Hi Ada, I'm a pharmacist, relocating to Galway in June. Any advice on the market?"),
    whole("We're a 12-person print shop in Leicester and we're hiring Adobe designers."),
    // A trade shared with "fellow", "too" or "as well" is a job title, not a group.
    whole('Fellow beekeeper here! Always nice to meet others who keep bees.'),
    whole("Hi Lou, I'm a cargo surveyor too, mostly Rotterdam routes. How is the season?"),
    // The sender's own family, tied to neither the reader nor a name, is no one they share.
    whole(
      'Hi Kai, my son is starting an electrician apprenticeship. Does your firm take trainees?',
    ),
    // "your profile today" and "your name" stay generic whatever follows.
    whole('Hi Bo, I noticed your profile today and wanted to connect.'),
    whole('Hi, I see we have 12 mutual connections.'),
    whole("Hi, I'd like to connect with you."),
    whole('I came across your profile and would love to connect.'),
    {
      note: '  Your profile is impressive! Would love to connect.\n',
      spans: ['Your profile is impressive! Would love to connect.'],
    },
    whole("Hello! Hope you're having a great week. Let's connect."),
    whole("I'm looking to grow my network in the tech industry."),
    whole('We share similar interests. Connect?'),
    whole("Hi Tom,\n\nI'd love to connect.\n\nBest,\nRavi"),
    // Issue 10: context claimed where there is none.
    whole('Hi Al, the algorithm recommended you.'),
    whole('Fellow entrepreneurs should stick together! Happy to connect.'),
    whole("Fellow entrepreneurs, let's connect."),
    whole('Hi Dana, I also work in fintech and would like to connect.'),
    whole("Hi Raj, I see we're both in tech. Let's connect!"),
    whole('Hi Lowell, what are the biggest challenges you are facing in your role right now?'),
    whole('Trying to meet more people in my field.'),
    // A field or a quarter in capitals, or the sender's own employer or city, is not shared.
    whole("Hi Ivo, I see you're in HR as well. How is Q3 treating you?"),
    whole("I'm a data engineer at Ocado and curious how teams test their pipelines. Any tips?"),
    whole("Hi Lea, we're opening a studio in Porto next spring. Open to a coffee?"),
    // The sender's own group, proposal or plans, and a kind of person the sender is or wants.
    whole('Hi Beth, my team at Shopify is doing interesting things with AI. Happy to chat.'),
    whole("Hi Carl, I'm part of a Slack group for climate founders, happy to add you."),
    whole('Hi Rosa, I work in procurement at Unilever. Happy to set up a meeting if useful.'),
    whole("Hi, I'm a junior developer looking for a mentor. Could we connect?"),
    whole("Hi Anna, I just finished my degree at Warwick and I'm exploring roles in consulting."),
    whole("Hi Stefan, as a fellow Python developer I'd love to connect."),
    whole("Hi Hannah, I'm a mum of two and a part-time bookkeeper, happy to connect."),
    // Context a template claims inside its tokens is not context.
    whole('Hi {first name}, loved your talk at [Event]!'),
    whole('Hi [Name], we met at [event name]. Coffee?'),
  ],
});

describe('missing-context says what was missing', () => {
  const message = (text: string) =>
    missingContext.check(new Note(text), { account: 'basic', limit: 200 })[0]?.message ?? '';

  it('names a platform suggestion as no relation', () => {
    expect(message('Hi Al, the algorithm recommended you.')).toContain('“the algorithm');
  });

  it('says a shared industry or title is not a reason', () => {
    expect(message('Fellow marketer here! Happy to connect.')).toContain(
      'industry, field or job title',
    );
  });

  it('says the sender describing themself is not something shared', () => {
    expect(message("Hi Tom, I'm a product manager at Klarna and keen to meet people.")).toContain(
      'about yourself',
    );
  });

  it('quotes the generic "your work" it found', () => {
    expect(message('Hi Cyrus, big fan of your work! Keep it up.')).toContain('“your work”');
  });
});
