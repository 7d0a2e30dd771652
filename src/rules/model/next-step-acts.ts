/**
 * Next steps found by sentence structure rather than by phrase: the sender's
 * own modal frame ("I'd happily introduce you", "we'd love you to speak").
 * missing-next-step judges what such a frame leads to with its vocabularies.
 */
import type { Analysis, Token } from '../../text/analysis.js';
import type { Hit } from './phrases.js';

export interface ActWords {
  /** Subject words that are the sender ("i", "we"). */
  firstPerson: ReadonlySet<string>;
  /** Modal lemmas that turn what follows into an offer, a wish or a promise ("would", "will", "can"). */
  offerModals: ReadonlySet<string>;
  /** Subject pronouns that, after a sentence-initial modal, make it a question ("can I", "would you"). */
  subjects: ReadonlySet<string>;
  /** Words of politeness that may open an inverted ask ("Please can you guide me"). */
  softeners: ReadonlySet<string>;
  /** Adverbs that negate the frame ("I will never forget…"). */
  negations: ReadonlySet<string>;
}

/** "I", "we", or a contraction the tagger left whole ("I'm", "we're"). */
function isSender(t: Token, acts: ActWords): boolean {
  if (t.pos === 'PRON' && acts.firstPerson.has(t.lower)) return true;
  const [head, tail] = t.lower.split(/['’]/);
  return tail !== undefined && acts.firstPerson.has(head ?? '');
}

// Marks after which a clause starts afresh ("… opening soon – can drop round a quote").
const SET_APART = new Set(['-', '–', '—', ',', ';']);

/**
 * "Would love your take", "can drop round a quote": the sender's modal with
 * "I" left out, read as a lead when an action verb follows ("would be great
 * to connect" is a lead of the vocabularies', not this frame's).
 */
function subjectless(ws: readonly Token[], i: number, acts: ActWords): Hit | undefined {
  const modal = ws[i] as Token;
  if (modal.pos !== 'AUX' || !acts.offerModals.has(modal.lemma)) return undefined;
  let j = i + 1;
  while (ws[j]?.pos === 'ADV' && !acts.negations.has(ws[j]?.lower ?? '')) j++;
  const verb = ws[j];
  if (verb?.pos !== 'VERB' || verb.lemma !== verb.lower) return undefined;
  return { start: modal.start, end: verb.start };
}

/**
 * "can i send a price list", "Would you be up for…", "…next month, would you
 * join us": a question by word order, mark or not, opening a sentence or set
 * apart inside one.
 */
export function inverted(a: Analysis, acts: ActWords): boolean {
  return a.sentences.some((s) => {
    const body = s.tokens.filter((t) => t.start >= a.body.start);
    return body.some((aux, i) => {
      const mark = body[i - 1];
      const soft = mark !== undefined && acts.softeners.has(mark.lower);
      if (mark && !soft && !(mark.type === 'punctuation' && SET_APART.has(mark.lower)))
        return false;
      if (mark && !soft && body.slice(0, i - 1).every((t) => t.type === 'punctuation'))
        return false;
      const subject = body[i + 1];
      return (
        aux.pos === 'AUX' &&
        acts.offerModals.has(aux.lemma) &&
        subject?.pos === 'PRON' &&
        acts.subjects.has(subject.lower)
      );
    });
  });
}

const words = (tokens: readonly Token[], from: number) =>
  tokens.filter((t) => t.start >= from && t.type !== 'punctuation');

/**
 * Each "I'd", "we will", "…and would" spoken by the sender, ending after any
 * adverbs ("I'd happily"), as a lead whose rest the rule reads. Left out: a
 * frame reported in the past ("thought I'd reach out", "figured I'd say hi"),
 * which tells what the sender did, not what comes next.
 */
export function modalLeads(a: Analysis, acts: ActWords): Hit[] {
  const leads: Hit[] = [];
  for (const s of a.sentences) {
    const ws = words(s.tokens, a.body.start);
    let senderSeen = false;
    for (let i = 0; i < ws.length; i++) {
      const t = ws[i] as Token;
      if (isSender(t, acts)) senderSeen = true;
      const mark = s.tokens[s.tokens.indexOf(t) - 1];
      if (i === 0 || (mark?.type === 'punctuation' && SET_APART.has(mark.lower))) {
        const lead = subjectless(ws, i, acts);
        if (lead) leads.push(lead);
      }
      const modal = ws[i + 1];
      if (modal?.pos !== 'AUX' || !acts.offerModals.has(modal.lemma)) continue;
      const spoken =
        (t.pos === 'PRON' && acts.firstPerson.has(t.lower)) ||
        // "My team could lend you a hand": the sender's own people.
        (t.pos === 'NOUN' && /^(?:my|our)$/.test(ws[i - 1]?.lower ?? ''));
      // "I worked with Hana and would happily introduce you": the subject carried over.
      const carried = senderSeen && (t.lower === 'and' || t.lower === 'so');
      if (!spoken && !carried) continue;
      const before = ws[i - 1];
      if (spoken && before?.pos === 'VERB' && before.lower !== before.lemma) continue;
      let j = i + 2;
      while (ws[j]?.pos === 'ADV') j++;
      // "I can't thank you enough", "I won't keep you": a negated frame offers nothing.
      if (ws[j]?.pos === 'PART' && ws[j]?.lemma === 'not') continue;
      if (ws.slice(i + 2, j).some((w) => acts.negations.has(w.lower))) continue;
      const next = ws[j];
      if (!next) continue;
      leads.push({ start: t.start, end: next.start });
    }
  }
  return leads;
}
