import { genericOpener } from '../../src/rules/generic-opener.js';
import { testRule } from './rule-tester.js';

testRule(genericOpener, {
  valid: [
    // "just" is a manner of speaking beside a real reason; a one-word clause leans on the rest.
    {
      note: 'I run a 40-truck fleet in Ohio and recognised every problem in your post on tachographs. No agenda, just wanted to connect.',
    },
    {
      note: "Hey Ana, we've never met but I see we both row (it's on your profile). Fancy a session on the Thames?",
    },
    // The same shapes beside a name, a number or a thing of theirs are about something.
    { note: 'Your energy at the Cardiff hackathon on Saturday kept our team going until 3am.' },
    { note: 'Hope your Q3 board meeting went well; the pricing slide you shared was very clear.' },
    {
      note: 'Your dedication to the food bank over the holidays was inspiring to all of us volunteers.',
    },
    {
      note: "Let's keep each other posted on the Basel III consultation, since we both commented on it.",
    },
    { note: 'I came across your article on Postgres migrations while planning ours.' },
    { note: 'Great meeting you at the Shopify meetup in Toronto.' },
    { note: 'Your network of climate founders is impressive; how did you build it?' },
    { note: 'I saw your post about the Data Analyst opening.' },
    // A canned phrase made specific names something real.
    { note: 'I came across your KubeCon talk on eBPF and have a question about it.' },
    {
      note: "Hi Matthias, your name came up when I asked Ilse Brandt who knows Vienna's robotics scene.",
    },
    {
      note: "Hi Jane, great meeting you at SXSW on the podcasting panel. I'd love to swap notes on audio ads. Would you be up for a call?",
    },
    {
      note: "I'm building a group of mentors for our bootcamp graduates; your Rails talks made me think of you.",
    },
    // Praise for their posts, made specific by what the posts are about.
    { note: 'I loved reading your posts on cold-start latency in Lambda.' },
    { note: "I'd like to meet the people behind the Pagefind project." },
    { note: 'We share a love of trail running and a very muddy club in Hebden Bridge.' },
    // A canned line beside a deed they did for the sender is not standing in for context.
    {
      note: 'Growing my network is not why I write: thanks for fixing our boiler on Christmas Eve.',
    },
    // Praise with an object names something real.
    { note: 'Huge fan of your work on the Kafka connector for Postgres.' },
    // A seen thing with what it was about, and a "shared field" that is a name.
    { note: 'I saw your post about the rollout of passkeys at Monzo.' },
    { note: "We're both in YC W26, would love to compare hiring notes." },
    { note: 'As a fellow Stanford alum, I wanted to say hi.' },
    { note: "I see you're also a volunteer at the Hackney food bank; I'm there on Saturdays." },
    { note: "I'd love to connect with the engineers who built Tailscale's relays." },
  ],
  invalid: [
    // What the sender says they are is not context the canned line can lean on.
    {
      note: "We're a Lisbon-based agency building Shopify stores for bakeries. I came across your profile and had to say hi.",
      spans: ['I came across your profile'],
    },
    // Mutual benefit, a bare "just wanted to connect", a job title, in words no frame lists.
    {
      note: 'I reckon we could do a lot for one another.',
      spans: ['I reckon we could do a lot for one another'],
    },
    { note: 'Hello Marta, just wanted to connect.', spans: ['just wanted to connect'] },
    {
      note: 'Hi Jonas, fellow data analyst here! Good to know people in the same line of work.',
      spans: ['fellow data analyst here', 'know people in the same line of work'],
    },
    // A canned clause in a sentence that says something else; texting spellings; a lower-case greeting.
    {
      note: "I'm a site engineer from Accra, i want to connect with you for knowledge sharing purpose.",
      spans: ['i want to connect with you for knowledge sharing purpose'],
    },
    { note: 'hey loved ur posts, great stuff. connect?', spans: ['loved ur posts, great stuff'] },
    // Recruiter and sales stock: it fits any profile, any company.
    {
      note: 'I have an exciting role that matches your profile perfectly!',
      spans: ['I have an exciting role that matches your profile perfectly'],
    },
    {
      note: "Hi, I'm a recruiter at Brightwave Labs and we have openings that could be a great fit for someone with your background.",
      spans: ['and we have openings that could be a great fit for someone with your background'],
    },
    {
      note: 'I noticed your company is growing quickly.',
      spans: ['I noticed your company is growing quickly'],
    },
    // Canned by structure: praise of the person in general, a wish, a motto about
    // networking, someone of a calibre: no word in them is about this recipient.
    {
      note: "Your dedication to your craft is admirable. Let's connect.",
      spans: ['Your dedication to your craft is admirable'],
    },
    {
      note: "Good afternoon! I hope you're thriving. Let's connect.",
      spans: ["I hope you're thriving"],
    },
    {
      note: "I'm a firm believer that your network is your net worth. Let's connect!",
      spans: ['your network is your net worth'],
    },
    { note: 'Hi, you seem like someone I should know!', spans: ['someone I should know'] },
    {
      note: 'Greetings, I would be honoured to connect with a leader of your stature.',
      spans: ['connect with a leader of your stature'],
    },
    {
      note: "Hey, your page is full of great insights. Let's connect.",
      spans: ['your page is full of great insights'],
    },
    // Praise with no object, and outreach to a whole class of people, would fit anyone.
    {
      note: "Hi Lee, you're doing amazing things in the climate space. Let's connect!",
      spans: ["you're doing amazing things"],
    },
    {
      note: 'Huge fan of your work. Would love to be connected.',
      spans: ['Huge fan of your work'],
    },
    { note: 'Soy una gran admiradora de tu trabajo.', spans: ['admiradora de tu trabajo'] },
    {
      note: "I'm trying to connect with everyone who teaches maths in Leeds.",
      spans: ['connect with everyone'],
    },
    // Frames: a verb of growing with any circle of contacts, a class of people sought, shared counts.
    {
      note: "Hello Priya, I've been widening my personal network this year.",
      spans: ['widening my personal network'],
    },
    {
      note: 'Looks like we share quite a few connections, so connecting made sense.',
      spans: ['Looks like we share quite a few connections'],
    },
    {
      note: 'I spend Fridays reaching out to passionate founders.',
      spans: ['reaching out to passionate founders'],
    },
    {
      note: 'I always enjoy following your updates.',
      spans: ['always enjoy following your updates'],
    },
    {
      note: 'Your page showed up while I was scrolling through LinkedIn.',
      spans: ['Your page showed up', 'while I was scrolling through LinkedIn'],
    },
    { note: 'We could both benefit from one another.', spans: ['benefit from one another'] },
    {
      note: 'I admire executives in the insurance world.',
      spans: ['executives in the insurance world'],
    },
    {
      note: "Saw that we're both in insurance, thought I'd say hi.",
      spans: ["we're both in insurance", "thought I'd say hi"],
    },
    {
      note: 'LinkedIn keeps suggesting you, so here I am.',
      spans: ['LinkedIn keeps suggesting'],
    },
    {
      note: 'Hi Sam, I figured it would be worthwhile to connect.',
      spans: ['I figured it would be worthwhile to connect'],
    },
    // Issue 10: generic openers in other words.
    {
      note: "I think there's a lot we could do for each other.",
      spans: ['a lot we could do for each other'],
    },
    { note: 'Building out my connections this quarter.', spans: ['Building out my connections'] },
    { note: 'Trying to meet more people in my field.', spans: ['meet more people'] },
    {
      note: 'Fellow marketer here 👋 Always happy to connect with people who get it.',
      spans: ['Fellow marketer', 'Always happy to connect', 'people who get it'],
    },
    {
      note: 'Your profile popped up in my feed and caught my attention.',
      spans: ['Your profile popped up'],
    },
    {
      note: 'Hola Pablo, estoy ampliando mi red de contactos profesionales.',
      spans: ['ampliando mi red'],
    },
    {
      note: 'Bonjour Julie, je cherche à élargir mon réseau professionnel.',
      spans: ['élargir mon réseau'],
    },
    {
      note: 'Hallo Herr Krüger, ich erweitere gerade mein Netzwerk im Bereich Logistik.',
      spans: ['erweitere gerade mein Netzwerk'],
    },
    {
      note: 'Hi, I see we have 12 mutual connections.',
      spans: ['I see we have 12 mutual connections'],
    },
    { note: 'I was impressed by your profile.', spans: ['impressed by your profile'] },
    {
      note: 'I came across your profile and would love to connect.',
      spans: ['I came across your profile'],
    },
    { note: "Hi Sarah, I'm expanding my network.", spans: ['expanding my network'] },
    {
      note: 'Great to connect with like-minded professionals!',
      spans: ['connect with like-minded professionals'],
    },
    {
      note: "I'm looking to grow my professional network in tech.",
      spans: ['grow my professional network'],
    },
    {
      note: 'We share similar interests. Let’s support each other!',
      spans: ['We share similar interests', 'support each other'],
    },
    { note: 'I hope this message finds you well.', spans: ['hope this message finds you well'] },
    {
      note: 'I noticed your LinkedIn profile yesterday.',
      spans: ['I noticed your LinkedIn profile'],
    },
    // Canned lines in other words: a circle broadened, a sector, shared connections, "your content".
    {
      note: "Hi Sunil, I'm slowly broadening my professional circle this winter and you seemed a great fit for it.",
      spans: ['broadening my professional circle'],
    },
    {
      note: "I'm connecting with leaders in the logistics sector to trade ideas.",
      spans: ['connecting with leaders in the', 'trade ideas'],
    },
    {
      note: 'We share a lot of connections, so it felt right to reach out.',
      spans: ['We share a lot of connections'],
    },
    {
      note: 'I really enjoy reading your content. Happy to connect.',
      spans: ['really enjoy reading your content'],
    },
    {
      note: 'Your name popped up while I was browsing people in data science.',
      spans: ['Your name popped up while', 'browsing people in'],
    },
    {
      note: "Freelancers should stick together! Let's connect.",
      spans: ['should stick together'],
    },
    // "you and I" across two clauses is no shared past, so the platform line stands alone.
    {
      note: "The algorithm recommended you and I'm keen to connect.",
      spans: ['The algorithm recommended'],
    },
    // Kinds by structure: any verb of finding with their profile, any growing of one's
    // contacts, value or help for each other, the platform's lists, praise of their posts.
    {
      note: 'Hi Ana, I happened upon your background this morning.',
      spans: ['I happened upon your background'],
    },
    {
      note: 'Your bio caught my interest, so here I am.',
      spans: ['Your bio caught my interest'],
    },
    {
      note: "I'm scaling up my contacts in retail this spring.",
      spans: ['scaling up my contacts'],
    },
    {
      note: 'Keen to add good people to my network.',
      spans: ['add good people to my network'],
    },
    {
      note: 'Always looking to meet new product folks.',
      spans: ['Always looking to meet'],
    },
    {
      note: "I'm sure we could create real value for one another.",
      spans: ['create real value for one another'],
    },
    {
      note: 'You showed up in my People You May Know, so hello!',
      spans: ['in my People You May Know'],
    },
    {
      note: 'Your posts are always so insightful.',
      spans: ['Your posts are always so insightful'],
    },
    { note: 'As a fellow recruiter, I get it.', spans: ['As a fellow recruiter'] },
    {
      note: 'You seem like someone worth knowing. Our paths have never crossed.',
      spans: ['someone worth knowing', 'Our paths have never crossed'],
    },
    { note: 'We have a lot in common, I think.', spans: ['We have a lot in common'] },
  ],
});
