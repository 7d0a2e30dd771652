import { at, entityAndPatternSpans, type Rule } from './rule.js';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

export const emailAddress: Rule = {
  id: 'email-address',
  level: 'warning',
  description: 'An e-mail address in an invitation looks like a lead-generation template.',
  check(note) {
    if (!note.text.includes('@')) return [];
    return entityAndPatternSpans(note, 'email', EMAIL, 'text').map(([s, e]) =>
      at(
        note,
        s,
        e,
        'An e-mail address in an invitation reads as a template and hands it to scrapers.',
        'Leave it out: once they accept, they can see your contact details or you can send it in a message.',
      ),
    );
  },
};
