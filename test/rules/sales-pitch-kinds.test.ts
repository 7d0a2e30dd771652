import { salesPitch } from '../../src/rules/sales-pitch.js';
import { testRule } from './rule-tester.js';

// Second round of issue 10's kinds, in words no labelled note uses.
testRule(salesPitch, {
  valid: [
    // Growing one's own ties is networking: the offering verb's object is the sender's network.
    {
      note: 'Dear Dr. Osei, I am eager to build relationships with founders in the agritech sector. It would be an honour to be in your network.',
    },
    {
      note: "Hi Tom, I'm looking to grow connections with engineering managers at scale-ups. Glad to be in touch.",
    },
    // Offering to send back one's own write-up is sharing, not selling.
    {
      note: "Hi Lena, I put together a short write-up on how rural libraries run their maker spaces. Happy to send it over if it's of interest to your team.",
    },
    {
      note: 'Hi Bea, I put together a recap of the Leeds data meetup panel for our group. Happy to send it over.',
    },
    // Asking them to check one's own plan asks for their judgement.
    {
      note: 'Hi Omar, thanks for the walk around the plant last week. Could I send you our Kenya expansion plan for a sanity check?',
    },
    // A job seeker's portfolio after a careers event is not a product.
    {
      note: 'Hi Noor, good to meet you at the graduate fair in Leeds. Could I send you my portfolio?',
    },
    // "Connecting" here is the invitation itself.
    { note: 'Hi Amy, great chatting at the school gate. Connecting as I said I would!' },
  ],
  invalid: [
    // The seller, the backing and the push in separate sentences.
    {
      note: "We're the studio behind Fernpost, a booking tool for yoga teachers. Forty studios moved over this spring. First month is on us.",
      spans: ["We're the studio behind Fernpost, a booking tool for yoga teachers."],
    },
    // The people a serving verb takes as object are the customers, named or not in a list.
    {
      note: "Good morning Helen, I'm a registered mortgage adviser helping contractors with their first application. Most of them qualify for more than they think.",
      spans: [
        "I'm a registered mortgage adviser helping contractors with their first application.",
      ],
    },
    // A subject-less "we are" (Spanish, Portuguese) and a trade named by its role (French).
    {
      note: 'Hola Marta, somos una consultora de Sevilla para hoteles rurales. Este año nuestros clientes llenaron un 30% más de noches. ¿Te cuento cómo?',
      spans: ['somos una consultora de Sevilla para hoteles rurales.'],
    },
    {
      note: 'Olá Rita, somos uma agência de Lisboa que cria sites para restaurantes. No ano passado dobramos as reservas de doze clientes. Posso mostrar como?',
      spans: ['somos uma agência de Lisboa que cria sites para restaurantes.'],
    },
    {
      note: "Bonjour Luc, je suis traducteur juridique allemand-français pour les cabinets d'avocats. Je peux vous envoyer un devis.",
      spans: ["je suis traducteur juridique allemand-français pour les cabinets d'avocats."],
    },
  ],
});
