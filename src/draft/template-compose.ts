/**
 * The template note in pieces: the greeting, the facts in the language's lines (where they
 * met first, the invitation, what the sender wants, a next step), then one string.
 */
import type { Fact, Facts } from './facts/fact.js';
import type { LanguagePack } from './facts/language.js';
import type { Scenario } from './prompts.js';

/** One sentence of the note, with the fact it says (none for the greeting, the invitation, an ask). */
export interface Piece {
  text: string;
  fact?: Fact;
}

// Where they met leads; other context keeps the order the user gave it.
const ORDER: Record<Fact['kind'], number> = {
  met: 0,
  from: 0,
  mutual: 1,
  context: 2,
  work: 2,
  role: 2,
  sender: 2,
  purpose: 5,
  next: 6,
};

export function compose(
  kept: Fact[],
  facts: Facts,
  pack: LanguagePack,
  scenario: Scenario,
  variant: number,
  withInvite: boolean,
): Piece[] {
  const w = pack.write;
  let offset = 0;
  const pick = (lines: readonly string[]) => lines[(variant + offset++) % lines.length] as string;
  const greetLines = facts.name
    ? facts.formal || facts.name.title
      ? w.greeting.formal
      : w.greeting.casual
    : w.greeting.noname;
  const pieces: Piece[] = [{ text: pick(greetLines).replace('{first}', facts.name?.greet ?? '') }];
  const ordered = kept
    .map((f, i) => ({ f, i }))
    .sort((a, b) => ORDER[a.f.kind] - ORDER[b.f.kind] || a.i - b.i)
    .map((x) => x.f);
  const context = ordered.filter((f) => f.kind !== 'purpose' && f.kind !== 'next');
  let purposes = ordered.filter((f) => f.kind === 'purpose');
  const nexts = ordered.filter((f) => f.kind === 'next');
  // "Thank you for introducing me to…" says how they know each other: it can lead.
  const leadingThanks =
    purposes[0]?.form === 'thanks' &&
    purposes[0].text !== '' &&
    !context.some((f) => f.kind === 'met' || f.kind === 'from')
      ? purposes[0]
      : undefined;
  if (leadingThanks) {
    pieces.push({ text: sentenceOf(leadingThanks, pack, pick), fact: leadingThanks });
    purposes = purposes.slice(1);
  }
  for (const f of context) pieces.push({ text: sentenceOf(f, pack, pick), fact: f });
  if (withInvite) pieces.push({ text: pick(w.invite[scenario]) });
  for (const f of purposes) pieces.push({ text: sentenceOf(f, pack, pick), fact: f });
  const last = pieces.at(-1)?.text ?? '';
  if (nexts.length > 0)
    for (const f of nexts) pieces.push({ text: sentenceOf(f, pack, pick), fact: f });
  else if (/\?$/.test(last) && purposes.length > 0) {
    // The purpose is already a question ("Could I ask…?"): it is the next step.
  } else if (purposes.length > 0 || leadingThanks || kept.some((f) => f.purposeKind)) {
    const kind =
      purposes.at(-1)?.purposeKind ??
      leadingThanks?.purposeKind ??
      kept.find((f) => f.purposeKind)?.purposeKind ??
      'other';
    pieces.push({ text: pick(w.ask[kind] ?? (w.ask.other as string[])) });
  } else pieces.push({ text: pick(w.fallback_next[scenario]) });
  return pieces;
}

function sentenceOf(
  f: Fact,
  pack: LanguagePack,
  pick: (lines: readonly string[]) => string,
): string {
  const w = pack.write;
  let text: string;
  switch (f.form) {
    case 'where':
      text = pick(f.kind === 'from' ? w.know_from : w.met).replace('{where}', f.text);
      break;
    case 'np': {
      const wrap = f.wrap ?? 'you_are';
      const template =
        wrap === 'about_work' ? pick(w.about_work ?? ['{np}']) : (w[wrap] ?? w.you_are);
      text = template.replace('{np}', f.text);
      break;
    }
    case 'mutual':
      text = pick(w.mutual ?? ['{mutual}']).replace('{mutual}', f.text);
      break;
    case 'vp': {
      const ask = /^ask\s+(.+)$/i.exec(f.text);
      text =
        ask && w.ask_purpose
          ? pick(w.ask_purpose).replace('{rest}', ask[1] as string)
          : pick(w.purpose).replace('{vp}', f.text);
      break;
    }
    case 'purpose-np':
      text = pick(w.purpose_noun).replace('{np}', f.text);
      break;
    case 'thanks':
      text = f.text
        ? pick(w.thanks_direct).replace('{rest}', ` ${f.text}`)
        : pick(w.thanks_plain ?? w.thanks_direct).replace('{rest}', '');
      break;
    case 'next':
      text = pick(w.next).replace('{next}', f.text);
      break;
    default:
      text = f.text;
  }
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

// After "Hi Jane," the first sentence goes on in lower case when it starts with a common word.
const LOWER_AFTER_GREETING = new Set(
  "you your you’re you're we we're we’re my our the a an it it's it’s there great good thank thanks could may du dein wir ich usted su nosotros ahora você seu nós eu agora vous votre nous je now fue foi".split(
    ' ',
  ),
);

export function render(
  pieces: Piece[],
  pack: LanguagePack,
): { note: string; spans: Array<{ start: number; end: number; fact?: Fact }> } {
  let note = (pieces[0] as Piece).text;
  const spans: Array<{ start: number; end: number; fact?: Fact }> = [];
  for (const [i, p] of pieces.slice(1).entries()) {
    let text = p.text.replace(/\s+/g, ' ').trim();
    const first = (text.split(' ')[0] ?? '').toLowerCase();
    if (i === 0 && LOWER_AFTER_GREETING.has(first) && !(pack.language === 'it' && first === 'lei'))
      text = text.charAt(0).toLowerCase() + text.slice(1);
    else if (i > 0) text = text.charAt(0).toUpperCase() + text.slice(1);
    const start = note.length + 1;
    note += ` ${text}`;
    spans.push({ start, end: note.length, fact: p.fact });
  }
  return { note, spans };
}
