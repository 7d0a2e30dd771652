import { at, type Rule, type RuleFinding } from './rule.js';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

export const emailAddress: Rule = {
  id: 'email-address',
  level: 'warning',
  description: 'An e-mail address in an invitation looks like a lead-generation template.',
  check(note) {
    const out: RuleFinding[] = [];
    const seen: Array<[number, number]> = [];
    for (const e of note.entities) if (e.kind === 'email') seen.push([e.start, e.end]);
    for (const m of note.matches(EMAIL, 'text')) {
      const s = m.index;
      const e = s + m[0].length;
      if (!seen.some(([a, b]) => s < b && e > a)) seen.push([s, e]);
    }
    for (const [s, e] of seen.sort((a, b) => a[0] - b[0])) {
      out.push(
        at(
          note,
          s,
          e,
          'An e-mail address in an invitation reads as a template and hands it to scrapers.',
          'Leave it out: once they accept, they can see your contact details or you can send it in a message.',
        ),
      );
    }
    return out;
  },
};
