/**
 * Next steps that show in a sentence's shape rather than in a lead phrase:
 * an imperative, an offer with its subject left out, a promise as a bare
 * gerund, an activity proposed rather than remembered, a question by word
 * order or an indirect one. missing-next-step supplies the words.
 */
import type { Analysis, Sentence, Token } from '../../text/analysis.js';
import { findPhrases } from './phrases.js';

export interface ShapeWords {
  imperatives: ReadonlySet<string>;
  subjectlessModals: ReadonlySet<string>;
  activities: ReadonlySet<string>;
  /** Phrases that place a sentence in the past ("last week", "thanks for"). */
  pastMarkers: RegExp;
  /** Words that, just before an activity, make it one already had or theirs ("the call", "your coffee blog"). */
  definites: ReadonlySet<string>;
  /** Verbs that, with the sender as subject, give an activity rather than report one ("I owe you a beer"). */
  givingVerbs: ReadonlySet<string>;
  /** Verbs whose gerund, opening a sentence, is the sender's promise ("Sending the maps Friday"). */
  promisedActs: ReadonlySet<string>;
  /** Words that date a promise to come ("Friday", "once it's edited"). */
  futureMarkers: RegExp;
  /** Question words that, followed by an auxiliary, ask by word order ("how has the move been"). */
  whWords: ReadonlySet<string>;
  /** Words that, alone after a comma at a sentence's end, ask ("…, interested"). */
  ellipticAsks: ReadonlySet<string>;
  /** Words that, opening a sentence before a gerund, invite ("Fancy teaming up"). */
  tempters: ReadonlySet<string>;
  /** Words of wondering that, followed by a question word, ask indirectly ("curious whether…"). */
  wonderings: ReadonlySet<string>;
  /** Words that open a condition ("if", "in case", "si", "wenn"). */
  conditionals: RegExp;
  /** Words that are the recipient ("you", "your", "tu", "dein"). */
  recipientWords: ReadonlySet<string>;
  /** What a thing offered may be to them ("useful", "helpful"). */
  usefulness: RegExp;
}

const body = (s: Sentence, a: Analysis) => s.tokens.filter((t) => t.start >= a.body.start);
const wordsOf = (s: Sentence, a: Analysis) => body(s, a).filter((t) => t.type !== 'punctuation');

/** A verb in a past form: "met", "grabbed", "was" (not a gerund, not a third-person present). */
export function pastVerb(t: Token): boolean {
  if (t.pos !== 'VERB' && t.pos !== 'AUX') return false;
  if (/^(?:was|were|had|did)$/.test(t.lower)) return true;
  return t.pos === 'VERB' && t.lower !== t.lemma && !/(?:ing|s)$/.test(t.lower);
}

// A colon or dash before a bare verb sets it apart as the call to act ("slots left: grab a time").
const IMPERATIVE_BEFORE = new Set([
  ',',
  ':',
  '-',
  '—',
  '–',
  '->',
  '→',
  'and',
  'please',
  'just',
  'so',
  'then',
  'pls',
  'kindly',
]);
// A verb after it too: "come grab it", "come say hi".
const IMPERATIVE_OBJECT = new Set([
  'VERB',
  'DET',
  'NUM',
  'PRON',
  'ADP',
  'PART',
  'ADV',
  'NOUN',
  'PROPN',
]);

/** "Send me the deck", "…, grab 20 minutes here": a bare action verb, in its base form, asking them to act. */
export function imperative(a: Analysis, w: ShapeWords): boolean {
  for (const s of a.sentences) {
    const words = body(s, a);
    for (let i = 0; i < words.length; i++) {
      const t = words[i];
      const next = words[i + 1];
      const before = words[i - 1];
      // "Do say hello", "do come by": the emphatic "do" makes any bare verb a warm ask.
      if (i === 1 && before?.lower === 'do' && t?.pos === 'VERB' && t.lower === t.lemma)
        return true;
      if (!t || !next || !w.imperatives.has(t.lower)) continue;
      // "…, message me": the tagger may call the verb a noun, but "me" after it asks.
      if (/^(?:me|us)$/.test(next.lower) && (!before || IMPERATIVE_BEFORE.has(before.lower)))
        return true;
      if (!IMPERATIVE_OBJECT.has(next.pos)) continue;
      // Capitalised at the start of a sentence the tagger may call it a noun ("Book a demo").
      if (before === undefined && (t.pos === 'VERB' || t.pos === 'NOUN' || t.pos === 'PROPN'))
        return true;
      if (before && IMPERATIVE_BEFORE.has(before.lower) && t.pos === 'VERB' && t.lower === t.lemma)
        return true;
    }
  }
  return false;
}

/** "Can have your logo on everything in two weeks", "Will forward the call": the sender's offer, subject left out. */
export function subjectlessOffer(a: Analysis, w: ShapeWords): boolean {
  return a.sentences.some((s) => {
    const [modal, verb] = wordsOf(s, a);
    if (!modal || !verb || !w.subjectlessModals.has(modal.lower)) return false;
    // "Could be fun to connect" says nothing they can take up; the tagger may miss an action verb.
    if (w.imperatives.has(verb.lower)) return true;
    return verb.pos === 'VERB' && verb.lower === verb.lemma && verb.lemma !== 'be';
  });
}

/**
 * "Sending the maps Friday", "Saving you a seat": a gerund of handing something
 * over, opening the sentence, made to them or dated ahead ("Sending
 * congratulations!" and "Bringing great energy" promise nothing).
 */
export function promisedGerund(a: Analysis, w: ShapeWords): boolean {
  return a.sentences.some((s) => {
    const [verb, next] = wordsOf(s, a);
    if (!verb || !next || !verb.lower.endsWith('ing')) return false;
    // The tagger may leave a capitalised gerund unlemmatised ("Mailing").
    const stem = verb.lemma !== verb.lower ? verb.lemma : verb.lower.replace(/ing$/, '');
    if (!w.promisedActs.has(stem)) return false;
    if (/^(?:you|over|along|across)$/.test(next.lower)) return true;
    const rest = a.folded.slice(next.start, s.end);
    return /\bfor you\b/.test(rest) || findPhrases(w.futureMarkers, rest).length > 0;
  });
}

// What may stand between an activity and the word that decides whose it is ("a quick call").
const MODIFIER = new Set(['ADJ', 'NUM']);
// What may open a proposed activity: an indefinite article, a preposition, an adverb, a verb of having.
const OPENS = new Set(['DET', 'ADP', 'ADV', 'CCONJ', 'VERB', 'AUX', 'PUNCT', 'INTJ', 'PART']);

// Marks that part a sentence into what can be told apart ("He suggested we talk, perhaps a call").
const PARTS = new Set([',', ';', ':', '-', '—', '–']);

/** The words of a sentence in its parts between commas, semicolons and dashes. */
function parts(tokens: readonly Token[]): Token[][] {
  const out: Token[][] = [[]];
  for (const t of tokens) {
    if (t.type === 'punctuation' && PARTS.has(t.lower)) out.push([]);
    else if (t.type !== 'punctuation') out.at(-1)?.push(t);
  }
  return out.filter((p) => p.length > 0);
}

/**
 * "Coffee on me", "Maybe a walk around the lake", "I owe you a beer": an
 * activity proposed, not one remembered ("the call last week") or theirs
 * ("your coffee blog", "your lunch and learn series").
 */
export function proposedActivity(a: Analysis, w: ShapeWords): boolean {
  const past = (ws: readonly Token[]) =>
    ws.some(pastVerb) ||
    findPhrases(w.pastMarkers, a.folded.slice(ws[0]?.start, ws.at(-1)?.end)).length > 0;
  return a.sentences.some((s) => {
    const all = parts(body(s, a));
    const told = all.some(past);
    return all.some((ws) => {
      if (past(ws)) return false;
      // "We had lunch, a lovely chat": a part without a verb tells of the same time,
      // unless it is dated ahead or hedged ("…, perhaps a call next week").
      const verbless = !ws.some((t) => t.pos === 'VERB' || t.pos === 'AUX');
      const ahead =
        ws[0]?.pos === 'ADV' ||
        findPhrases(w.futureMarkers, a.folded.slice(ws[0]?.start, ws.at(-1)?.end)).length > 0;
      if (told && verbless && !ahead) return false;
      return ws.some((t, i) => {
        if (!w.activities.has(t.lower)) return false;
        // Languages the tagger does not read: the past markers alone decide.
        if (t.pos === 'X') return true;
        // "coffee review blog": the activity only names the kind of thing.
        if (ws[i + 1]?.pos === 'NOUN' && !w.activities.has(ws[i + 1]?.lower ?? '')) return false;
        let j = i - 1;
        while (j >= 0 && (MODIFIER.has(ws[j]?.pos ?? '') || w.activities.has(ws[j]?.lower ?? '')))
          j--;
        const before = ws[j];
        // "We run the meetup", "to chat": a verb with its subject, not a thing proposed.
        // The tagger may read it as a verb after a giving one ("I owe you lunch").
        const given =
          before?.lower === 'you' &&
          ws[j - 1]?.pos === 'VERB' &&
          w.givingVerbs.has(ws[j - 1]?.lemma ?? '');
        if (t.pos === 'VERB' && before && !given && !/^(?:ADV|CCONJ)$/.test(before.pos))
          return false;
        // "I host a weekly call": what the sender does, unless the verb gives it ("I owe you a beer").
        const k = ws.slice(0, j + 1).findLastIndex((x) => x.pos === 'VERB');
        const verb = ws[k];
        const subject = ws[k - 1];
        if (verb && subject?.pos === 'PRON' && /^(?:i|we|they|he|she)$/.test(subject.lower)) {
          if (!w.givingVerbs.has(verb.lemma)) return false;
        }
        // "I owe you lunch", "buy us a coffee": given to someone.
        if (!before || /^(?:you|me|us|him|them)$/.test(before.lower)) return true;
        // "such a fun walk down memory lane": an exclamation, not an offer.
        if (w.definites.has(ws[j - 1]?.lower ?? '') && before.pos === 'DET') return false;
        return OPENS.has(before.pos) && !w.definites.has(before.lower);
      });
    });
  });
}

/**
 * "A guest slot on testing would go down a storm", "…, interested": a thing
 * proposed as a hypothetical subject, or a question cut to one word.
 */
export function ellipticProposal(a: Analysis, w: ShapeWords): boolean {
  return a.sentences.some((s) => {
    const all = parts(body(s, a));
    const last = all.at(-1);
    if (all.length > 1 && last?.length === 1 && w.ellipticAsks.has(last[0]?.lower ?? ''))
      return true;
    const ws = all.flat();
    if (!/^an?$/.test(ws[0]?.lower ?? '') || ws.some(pastVerb)) return false;
    // "A friend would say…", "A thank you would not cover it": told, not proposed.
    return ws.some(
      (t, i) =>
        i > 1 &&
        t.pos === 'AUX' &&
        /^(?:would|could)$/.test(t.lower) &&
        !/^(?:say|have|not|never|n't)$/.test(ws[i + 1]?.lower ?? ''),
    );
  });
}

/** "How has the new role been treating you", "Curious whether your team tried it": a question without its mark. */
export function unmarkedQuestion(a: Analysis, w: ShapeWords): boolean {
  return a.sentences.some((s) => {
    const ws = wordsOf(s, a);
    const [wh, aux, subject] = ws;
    // "Fancy giving a talk in May": an invitation by its opening word.
    if (wh && w.tempters.has(wh.lower) && aux?.pos === 'VERB' && aux.lower.endsWith('ing'))
      return true;
    if (wh && w.whWords.has(wh.lower) && aux?.pos === 'AUX' && subject) {
      if (/^(?:PRON|DET|NOUN|PROPN)$/.test(subject.pos)) return true;
    }
    return ws.some(
      (t, i) =>
        w.wonderings.has(t.lower) && /^(?:if|whether)$|^wh|^how$/.test(ws[i + 1]?.lower ?? ''),
    );
  });
}

/**
 * "if your team outgrows the kitchen table, we've got desks", "in case it's
 * useful for your docs", "si un jour tu cherches un comptable…": a condition on
 * the recipient's side, beside a main clause, offers something for when it
 * holds. Not one in the past ("if you were at PyCon…"), which reasons.
 */
export function conditionalOffer(a: Analysis, w: ShapeWords): boolean {
  return a.sentences.some((s) => {
    const words = wordsOf(s, a);
    if (words.length < 4) return false;
    const text = a.folded.slice(s.start, s.end);
    const pattern = new RegExp(w.conditionals.source, 'gu');
    for (const m of text.matchAll(pattern)) {
      const at = s.start + m.index + m[0].length;
      const i = words.findIndex((t) => t.start >= at);
      if (i < 0) continue;
      const condition = words.slice(i, i + 4);
      // Some main clause beside the condition: two words outside it at least.
      if (words.length - condition.length < 2) continue;
      if (condition.some(pastVerb)) continue;
      if (condition.some((t) => w.recipientWords.has(t.lower))) return true;
      const rest = a.folded.slice(at, condition.at(-1)?.end ?? at);
      if (w.usefulness.test(rest)) return true;
    }
    return false;
  });
}
