import { defaultText } from '../../src/rules/default-text.js';
import { testRule } from './rule-tester.js';

const STOCK = "I'd like to add you to my professional network on LinkedIn.";
const OLD = "I'd like to join your LinkedIn network.";

testRule(defaultText, {
  valid: [
    // What is said after the sign-off, in parentheses or not, is personal.
    {
      note: "Hi Sven, I'd like to add you to my professional network on LinkedIn. — Aiko (we met at FOSDEM)",
    },
    {
      note: "I'd like to add you to my professional network on LinkedIn. Thanks! Great talk at PyCon.",
    },
    { note: "Hi, I'd like to connect with you." },
    { note: `Hi Ana, great meeting you at PyData Berlin. ${STOCK}` },
    { note: `${STOCK} We sat together at the Dreamforce keynote. Coffee?` },
    { note: 'Would love to add you to my network after your great talk.' },
    // Anything personal around the stock sentence makes it a note.
    { note: `${STOCK} Coffee?` },
    { note: `${STOCK} - Jen (from the Wednesday pottery class)` },
    {
      note: `Hi Pete, ${OLD.slice(0, -1)} — your answer on the Postgres list saved our migration.`,
    },
    { note: `Hi great talk, ${STOCK}` },
    { note: `Fellow Wolverine! ${STOCK}` },
    { note: `${STOCK} Best, Tom from Berlin` },
    { note: `${STOCK} P.S. Loved your keynote at LeadDev.` },
    { note: `${STOCK} #hiring` },
    { note: `${STOCK} 12` },
    { note: "i'd like to add you to my professional network on linkedin. thanks for the talk" },
    {
      note: 'Hallo Jens, wir kennen uns vom Barcamp Stuttgart. Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen.',
    },
    {
      note: 'Hola Marta, me gustaría añadirte a mi red profesional en LinkedIn. ¡Fue genial compartir mesa en el MWC!',
    },
    { note: "I'd like to add you to my network because your CRDT talk at Strange Loop was great." },
    {
      note: "Hi Jane, great meeting you at SXSW on the podcasting panel. I'd love to swap notes on audio ads. Would you be up for a call?",
    },
  ],
  invalid: [
    { note: STOCK, spans: [STOCK] },
    // A name after a punctuated sign-off, a role in parentheses after the name, "I would".
    {
      note: "Morning! I'd like to add you to my professional network on LinkedIn. Enjoy your weekend! Priya",
      spans: ["I'd like to add you to my professional network on LinkedIn."],
    },
    {
      note: 'Hola Inés, me gustaría agregarte a mi red profesional en LinkedIn. ¡Saludos! Tomás',
      spans: ['me gustaría agregarte a mi red profesional en LinkedIn.'],
    },
    {
      note: 'Hi Sven,\nI would like to add you to my professional network on LinkedIn.\n— Aiko (Head of Talent & Culture)',
      spans: ['I would like to add you to my professional network on LinkedIn.'],
    },
    // Variants by pattern: "Linked In" split, "my network on LinkedIn", "je souhaite", "¡Saludos!", "Sir/Madam", "Thx".
    {
      note: "I'd like to add you to my professional network on Linked In.",
      spans: ["I'd like to add you to my professional network on Linked In."],
    },
    {
      note: "Hi Ola, I'd like to add you to my network on LinkedIn. - Kai",
      spans: ["I'd like to add you to my network on LinkedIn."],
    },
    {
      note: 'Je souhaite vous ajouter à mon réseau professionnel sur LinkedIn.',
      spans: ['Je souhaite vous ajouter à mon réseau professionnel sur LinkedIn.'],
    },
    {
      note: 'Hola, me gustaría añadirte a mi red profesional en LinkedIn. ¡Saludos!',
      spans: ['me gustaría añadirte a mi red profesional en LinkedIn.'],
    },
    { note: `Dear Sir/Madam, ${STOCK}`, spans: [STOCK] },
    { note: `Hey, ${STOCK} Thx, Tom`, spans: [STOCK] },
    { note: `Hi Maria, ${STOCK} Best, Tom`, spans: [STOCK] },
    { note: OLD, spans: [OLD] },
    {
      note: 'Hi Chen, I’d like to add you to my professional network on LinkedIn.',
      spans: ['I’d like to add you to my professional network on LinkedIn.'],
    },
    { note: `Dear Dr. Okafor,\n${STOCK}\nKind regards,\nPeter Lin`, spans: [STOCK] },
    {
      note: 'Hello James,\n\nI would like to join your LinkedIn network\n\nThanks,\nAisha',
      spans: ['I would like to join your LinkedIn network'],
    },
    // Inline sign-offs, emoji, odd spacing, no "on LinkedIn", a mention for a greeting.
    { note: `${STOCK} - Jen`, spans: [STOCK] },
    { note: `${OLD} —Farhan`, spans: [OLD] },
    {
      note: "I'd like to add you to my professional network on LinkedIn 🙂 -Theo",
      spans: ["I'd like to add you to my professional network on LinkedIn"],
    },
    {
      note: "  I'd like to add you to my  professional network on LinkedIn.  ",
      spans: ["I'd like to add you to my  professional network on LinkedIn."],
    },
    {
      note: "Hi Rosalie, I'd like to add you to my professional network. Best, Kim",
      spans: ["I'd like to add you to my professional network."],
    },
    { note: `<@U07ZZ12AB> ${STOCK}`, spans: [STOCK] },
    { note: `Hello Ben :) ${STOCK} Kind regards, Lee`, spans: [STOCK] },
    { note: `Hi Sam 👋🏽 ${STOCK} 1️⃣ 🇩🇪 👨‍👩‍👧`, spans: [STOCK] },
    { note: `hi maria, ${STOCK.toLowerCase()}`, spans: [STOCK.toLowerCase()] },
    // LinkedIn's older and oldest texts.
    {
      note: 'Hi Deborah, please add me to your LinkedIn network. Thanks, Bob',
      spans: ['please add me to your LinkedIn network.'],
    },
    {
      note: 'I’d like to add you to my LinkedIn network.',
      spans: ['I’d like to add you to my LinkedIn network.'],
    },
    {
      note: 'Since you are a person I trust, I wanted to invite you to join my network on LinkedIn.',
      spans: [
        'Since you are a person I trust, I wanted to invite you to join my network on LinkedIn.',
      ],
    },
    // LinkedIn's own text in other languages, typed with or without accents.
    {
      note: 'Hallo Herr Brandt,\nich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen.\nViele Grüße\nAnke',
      spans: ['ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen.'],
    },
    {
      note: "Bonjour Claire,\nJ'aimerais vous inviter à rejoindre mon réseau professionnel en ligne, sur le site LinkedIn.\nLuc",
      spans: [
        "J'aimerais vous inviter à rejoindre mon réseau professionnel en ligne, sur le site LinkedIn.",
      ],
    },
    {
      note: 'Hola Sergio, me gustaria anadirte a mi red profesional en LinkedIn. Saludos, Pilar',
      spans: ['me gustaria anadirte a mi red profesional en LinkedIn.'],
    },
    {
      note: 'Olá Tiago, gostaria de adicioná-lo à minha rede profissional no LinkedIn. Abraço, Marta',
      spans: ['gostaria de adicioná-lo à minha rede profissional no LinkedIn.'],
    },
    {
      note: 'Prezado(a) João, gostaria de adicioná-lo(a) à minha rede profissional no LinkedIn. Atenciosamente, Ana',
      spans: ['gostaria de adicioná-lo(a) à minha rede profissional no LinkedIn.'],
    },
    {
      note: 'Sehr geehrter Herr Dr. Müller, ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen. Mit freundlichen Grüßen, Jan Roth',
      spans: ['ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen.'],
    },
    {
      note: 'Hi Jonas, ich möchte dich gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen. LG Mira',
      spans: ['ich möchte dich gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen.'],
    },
  ],
});
