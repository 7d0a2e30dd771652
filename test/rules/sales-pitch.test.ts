import { salesPitch } from '../../src/rules/sales-pitch.js';
import { testRule } from './rule-tester.js';

testRule(salesPitch, {
  valid: [
    {
      note: "We're looking for a PR agency for our launch and your work with Notion was great. Capacity in May?",
    },
    {
      note: "I'm a customer of yours and our renewal is coming up. Who is my new account manager?",
    },
    {
      note: "I'm hiring for a founding engineer role; your Rust work caught my eye. Open to a quick call?",
    },
    { note: 'I use your product every day and have a feature idea. Could I send it over?' },
    // Hiring, advising, buying, thanking, introducing: business talk that sells nothing.
    {
      note: "I'm hiring a staff engineer at Meridian and your PyCon talk stood out. Open to a quick chat about the role?",
    },
    {
      note: "I'm recruiting for a backend role at Carbonlane; the range is $180-210k plus equity. Interested?",
    },
    {
      note: 'Our clinic is choosing scheduling software and your demo video was the clearest. Do you offer a trial?',
    },
    {
      note: 'I need an illustrator and love your fox series. Our budget is about $4,000. Taking commissions?',
    },
    {
      note: "I'm a student and read your article. Could we do a quick call about how you got started?",
    },
    { note: 'Loved your live demo at the Product Hunt meetup. Coffee next week?' },
    {
      note: 'Thanks for mentoring us at the hackathon, your advice saved our demo. Could I send you our roadmap?',
    },
    {
      note: "I'm hiring a designer. Book a time on my calendar if you're interested: calendly.com/x/interview",
    },
    {
      note: 'Your thread on annual vs monthly pricing plans was sharp. Could I interview you for The Ledger?',
    },
    {
      note: 'Want me to introduce you to Ana, who just left Stripe? She might be a great fit for your CFO search.',
    },
    {
      note: 'Our agency has run every invoice through Billfold for two years. Could I send some API feedback?',
    },
  ],
  invalid: [
    {
      note: "We're a staffing agency placing React devs fast. Can I send a few CVs?",
      spans: ["We're a staffing agency placing React devs fast. Can I send a few CVs"],
    },
    {
      note: 'Are you the right person to talk to about security? We protect 500+ SMBs from ransomware.',
      spans: ['Are you the right person to talk to about security? We protect 500+ SMBs'],
    },
    {
      note: 'Our new AI tool writes posts in seconds. Want early access?',
      spans: ['Our new AI tool writes posts in seconds. Want early access'],
    },
    {
      note: "I'd love to introduce you to our recruiting platform. 15 minutes this week?",
      spans: ['introduce you to our recruiting platform. 15 minutes this week'],
    },
    {
      note: "Hi, we're offering a free SEO audit to local shops. Interested?",
      spans: ["we're offering a free SEO audit"],
    },
    {
      note: "I help coaches land clients. Reply 'GROW' for the guide.",
      spans: ["I help coaches land clients. Reply 'GROW'"],
    },
    {
      note: 'Hi Megan, we help SaaS teams cut their AWS bill by 30%. Open to a quick call next week?',
      spans: ['we help SaaS teams cut their AWS bill by 30%. Open to a quick call'],
    },
    {
      note: "Hi Daniel, I'd love to show you a 15-minute demo of Quotient.",
      spans: ['show you a 15-minute demo'],
    },
    {
      note: 'Hi Tara, we offer managed Kubernetes at half the cost. Can I send you a quote?',
      spans: ['we offer managed Kubernetes at half the cost. Can I send you a quote'],
    },
    {
      note: 'Hi Jo, our platform helps HR teams onboard faster. Would you be open to a 15-minute demo?',
      spans: ['our platform helps HR teams onboard faster. Would you be open to a 15-minute demo'],
    },
    {
      note: 'I help dentists fill chairs. Book 15 minutes here: calendly.com/jw/15min',
      spans: ['I help dentists fill chairs. Book 15 minutes here: calendly.com'],
    },
    {
      note: 'Pricing starts at $349/month with no setup fee.',
      spans: ['Pricing starts at $349/month'],
    },
    {
      note: 'Hi Mia, I run a small design studio. We would love your business: our rates are the best.',
      spans: ['I run a small design studio. We would love your business: our rates'],
    },
    {
      note: '🚀 Our AI writing assistant helps marketers ship 5x more content. Try it free for 14 days 👉 writewise.ai',
      spans: ['Our AI writing assistant helps marketers ship 5x more content. Try it free'],
    },
    {
      note: 'Wir helfen Firmen, ihre IT-Kosten um 25 % zu senken. Hätten Sie 15 Minuten für eine kurze Demo?',
      spans: [
        'Wir helfen Firmen, ihre IT-Kosten um 25 % zu senken. Hätten Sie 15 Minuten für eine kurze Demo',
      ],
    },
    {
      // Slack markup around the link: the span covers the whole token in the raw text.
      note: 'Hi Laura! Book a demo of our analytics platform: <https://calendly.com/acme/demo|calendly.com/acme/demo>',
      spans: [
        'Book a demo of our analytics platform: <https://calendly.com/acme/demo|calendly.com/acme/demo>',
      ],
    },
  ],
});
