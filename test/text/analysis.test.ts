import { describe, expect, it } from 'vitest';
import { Note } from '../../src/text/note.js';

function analysed(text: string) {
  const note = new Note(text);
  return { note, a: note.analysis };
}

describe('language layer', () => {
  it('is computed once per note and kept', () => {
    const note = new Note('Hi Sam, great to meet you at PyCon.');
    expect(note.analysis).toBe(note.analysis);
  });

  it('gives tokens with lemma, part of speech and exact plain offsets', () => {
    const { note, a } = analysed('Hi Ana, I built two tools for clinics.');
    const built = a.tokens.find((t) => t.text === 'built');
    expect(built).toMatchObject({ lemma: 'build', pos: 'VERB' });
    for (const t of a.tokens) expect(note.text.slice(t.start, t.end)).toBe(t.text);
    expect(a.numbers.map((t) => t.text)).toEqual(['two']);
  });

  it('keeps offsets exact into the raw Slack text through toRaw', () => {
    const raw = 'Hi <@U123|maria>, loved your talk at &lt;Config&gt;. Coffee?';
    const note = new Note(raw);
    const config = note.analysis.tokens.find((t) => t.text === 'Config');
    expect(config).toBeDefined();
    const span = note.toRaw(config?.start ?? 0, config?.end ?? 0);
    expect(raw.slice(span.start, span.end)).toBe('Config');
  });

  it.each([
    ['Hi Jane, I run a small bookkeeping practice for dentists.', 'en'],
    ['Hallo Herr Maier, ich unterstütze Kanzleien bei der Digitalisierung.', 'de'],
    ['Hola Ana, trabajo con clínicas ayudándoles a crecer. ¿Hablamos?', 'es'],
    ['Bonjour Claire, nous aidons les cabinets à gagner du temps.', 'fr'],
    ['Olá João, trabalho com clínicas e gostaria de conversar com você.', 'pt'],
    ['Привет, как дела?', 'unknown'],
  ])('detects the language of %j', (text, language) => {
    expect(analysed(text).a.language).toBe(language);
  });

  it('says who each clause is about', () => {
    const { a } = analysed(
      'Hi Jane, my cousin Ines is on your team. Built a bot for physio clinics — happy to show you. Would you be up for a call?',
    );
    expect(a.clauses.map((c) => [c.text, c.about])).toEqual([
      ['my cousin Ines is on your team.', 'third-party'],
      ['Built a bot for physio clinics', 'sender'],
      ['happy to show you.', 'sender'],
      ['Would you be up for a call?', 'recipient'],
    ]);
  });

  it('reads a subject-less first-person verb in Spanish as the sender', () => {
    const { a } = analysed('¿Le enseño la herramienta en una llamada corta?');
    expect(a.clauses[0]).toMatchObject({ about: 'sender', question: true });
  });

  it('finds proper nouns outside the greeting and sign-off', () => {
    const { a } = analysed(
      'Hi Jane,\nMarco Ruiz and I met you at the Hacker Dojo during SXSW.\nBest,\nTom',
    );
    expect(a.properNouns.map((p) => p.text)).toEqual(['Marco Ruiz', 'Hacker Dojo', 'SXSW']);
  });

  it('finds questions and calls to action', () => {
    const { a } = analysed(
      'Loved your post on pricing. Book a call with me. Happy to send notes. Coffee?',
    );
    expect(a.questions.map((s) => s.text)).toEqual(['Coffee?']);
    expect(a.callsToAction.map((c) => c.text)).toEqual([
      'Book a call with me.',
      'Happy to send notes.',
      'Coffee?',
    ]);
  });

  it('copes with empty, huge and odd input', () => {
    expect(analysed('').a.tokens).toEqual([]);
    expect(analysed('\u202Eevil\u202C  \u0000 😀👍🏽').a.language).toBeDefined();
    // Past ten times LinkedIn's limit it is a paste: the layer reads the start only.
    const huge = analysed('We sell tools. '.repeat(7000));
    expect(huge.a.truncated).toBe(true);
    expect(huge.a.sentences.length).toBe(200);
    expect(huge.a.sentences.at(-1)?.end).toBeLessThanOrEqual(3000);
  });
});
