/** What the sender wants: "want to swap notes on…", "hire for…", "thank ⟨R⟩ for…", "advice on…". */
import type { Clause } from './clause.js';
import { type Fact, purposeFact } from './fact.js';
import type { LanguagePack, PurposeKind } from './language.js';
import { isWhole, startsWith } from './phrases.js';
import { lowerVerb, SUBJECTS } from './words.js';

type Lead = ReturnType<typeof startsWith>;

/** "I'm a PhD student and want to ask…": the sender's fact and the purpose are read apart. */
export function splitPurpose(clause: string, pack: LanguagePack): string[] {
  const leads = pack.read.purpose_lead;
  for (const m of clause.matchAll(/\s+(?:and|but|y|und|et|e)\s+/giu)) {
    if (m.index < 8) continue;
    const rest = clause.slice(m.index + m[0].length);
    const lead = startsWith(rest, leads);
    if (lead && !/^(?:and|also)\b/i.test(lead.phrase)) return [clause.slice(0, m.index), rest];
  }
  return [clause];
}

/** The kind of purpose a verb phrase starts with, by its longest purpose verb. */
export function purposeVerb(text: string, r: LanguagePack['read']): PurposeKind | undefined {
  let best: { kind: PurposeKind; length: number } | undefined;
  for (const [kind, list] of Object.entries(r.purpose_verbs)) {
    const m = list ? startsWith(text.replace(/^(?:and|also|just|so)\s+/i, ''), list) : undefined;
    if (m && (!best || m.phrase.length > best.length))
      best = { kind: kind as PurposeKind, length: m.phrase.length };
  }
  if (best && /^introduce\s+myself/i.test(text)) return 'other';
  return best?.kind;
}

/** The purpose the clause states, `consumed` when it says only "reach out", else undefined. */
export function readPurpose(cl: Clause): Fact | Fact[] | 'consumed' | undefined {
  const { text: c, pack, weight, second } = cl;
  const r = pack.read;
  const lead = startsWith(
    c.replace(/^(?:and|also|just|so|but|y|und|et|e)\s+/i, ''),
    r.purpose_lead,
  );
  const imperative = purposeVerb(c, r);
  if (lead || imperative) return wanted(cl, lead, imperative);
  const nounLead = startsWith(c, r.purpose_noun_lead);
  if (nounLead && nounLead.rest !== '') {
    const kind = purposeVerb(nounLead.rest, r) ?? 'question';
    return purposeFact('purpose-np', second(nounLead.rest), c, kind, weight + 4);
  }
  return undefined;
}

/** "want to …", "I'd love to …", or a bare "ask her about…": the verb phrase of what they want. */
function wanted(
  cl: Clause,
  lead: Lead,
  imperative: PurposeKind | undefined,
): Fact | Fact[] | 'consumed' {
  const { text: c, pack, weight, second } = cl;
  const r = pack.read;
  const vp = lead ? lead.rest : c;
  if (
    vp === '' ||
    isWhole(second(vp), r.empty_purposes) ||
    isWhole(vp.replace(/\s*\uE000\s*/u, ' ').trim(), r.empty_purposes)
  )
    return 'consumed';
  const kind = purposeVerb(vp, r) ?? (lead ? 'other' : imperative);
  if (pack.language !== 'en') return saidAsSentence(cl, lead, kind);
  const text = second(vp);
  const thanks = /^thank\s+you\b(.*)$/i.exec(text);
  if (thanks) return thankYou(cl, thanks[1] as string);
  const vpText = lowerVerb(text).replace(/^(?:just|also|really|still)\s+/i, '');
  // "say thanks and ask one follow-up…": a thank-you, then the question.
  const saysThanks = /^say\s+(?:thanks|thank\s+you)\s+and\s+(.+)$/i.exec(vpText);
  if (saysThanks)
    return [
      purposeFact('thanks', '', c, 'thanks', weight + 4),
      followUp(cl, saysThanks[1] as string),
    ];
  return purposeFact('vp', vpText, c, kind ?? 'other', weight + 4);
}

/** Outside English the purpose stays the user's sentence, said to them. */
function saidAsSentence(cl: Clause, lead: Lead, kind: PurposeKind | undefined): Fact {
  const { text: c, pack, weight, second } = cl;
  let said = lead ? c.replace(/^(?:and|also|just|so|but|und|y|et|e)\s+/i, '') : c;
  // "möchte mal wieder…": German says who wants it.
  if (pack.write.needs_subject && !SUBJECTS.has((said.split(/\s+/)[0] ?? '').toLowerCase()))
    said = `${pack.write.i} ${said}`;
  return purposeFact('sentence', second(said), c, kind ?? 'other', weight + 4);
}

/** "thank you for …", "thank ⟨R⟩ and ask…": the thanks, and what else they want. */
function thankYou(cl: Clause, after: string): Fact | Fact[] {
  const { text: c, weight } = cl;
  // "thank ⟨R⟩ at Nordic Freight for…": thank them and their company.
  const rest = after.trim().replace(/^at\s+(.+?)\s+(for\s+.+)$/i, 'and everyone at $1 $2');
  const more = /^and\s+((?!everyone\b).+)$/i.exec(rest);
  const thank = purposeFact('thanks', more ? '' : rest, c, 'thanks', weight + 4);
  if (!more) return thank;
  return [thank, followUp(cl, more[1] as string)];
}

/** What they want after the thanks, as a verb phrase: a question unless its verb says otherwise. */
function followUp(cl: Clause, vp: string): Fact {
  return purposeFact('vp', vp, cl.text, purposeVerb(vp, cl.pack.read) ?? 'question', cl.weight + 4);
}
