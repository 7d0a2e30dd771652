import { NOTE_LIMITS } from '../limits.js';
import type { Token } from '../text/analysis.js';
import { Note } from '../text/note.js';
import {
  consumed,
  namedPersonActs,
  namesOutsideSenderClauses,
  recipientDid,
  recipientThings,
  thankedFor,
  throughNamedPerson,
  weDid,
} from './features/missing-context.js';
import { type Lists, listsFor } from './features/missing-context-lists.js';
import { affirmed } from './features/missing-context-lookalikes.js';
import { senderSelfDescriptions, sharedNames } from './features/missing-context-names.js';
import { ofYours, someoneKnown } from './features/missing-context-owned.js';
import {
  hasSharedNoun,
  sendersOwnGroups,
  sharedMarkers,
  sharedPlace,
} from './features/missing-context-places.js';
import type { LearnedRule } from './model/learned-rule.js';
import { type Features, probability, type Weights } from './model/logistic.js';
import { findPhrases, type Hit } from './model/phrases.js';
import { placeholder } from './placeholder.js';
import { type RuleFinding, whole } from './rule.js';
import { cannedLines } from './vocab/canned-lines.js';
import fitted from './weights/missing-context.json' with { type: 'json' };

/**
 * Context is a relation between the two people (shared history, a shared
 * place, group or event), a third person they share, or a specific thing of
 * the recipient's. The rule reads those as signals from the language layer
 * and the vocabularies in vocab/missing-context.json, weighs them with
 * learned weights (weights/missing-context.json, `npm run train`), and fires
 * when the note most likely says none of it. Things that only look like
 * context (a shared industry, "your work", "the algorithm suggested you")
 * count against it and are named in the finding.
 */

/** What the note says that only looks like context, for the finding's message. */
interface Lookalikes {
  generic: string | undefined;
  platform: string | undefined;
  notShared: string | undefined;
  flattery: string | undefined;
  /** The note says who the sender is or what they do: not something the two share. */
  aboutSender: boolean;
}

interface Reading {
  features: Features;
  /** One kind of context the labeling contract names, found outright: the note has context. */
  decisive: boolean;
  lookalikes: Lookalikes;
}

/**
 * The note with every clause that holds a template token blanked out (same
 * length), or the note itself when it has none: "we met at [event]" and
 * "loved your {talk title}" claim context the sender never filled in. The
 * placeholder rule decides what a token is ("[1]" and "[sic]" are not).
 */
function withoutTemplatedClauses(note: Note): Note {
  const found = placeholder.check(note, { account: 'premium', limit: NOTE_LIMITS.premium });
  if (found.length === 0) return note;
  // Findings are in raw offsets; a token reads the same in the plain text.
  const tokens = found.flatMap((f) => {
    const raw = note.raw.slice(f.start, f.end);
    const start = note.text.indexOf(raw);
    return start < 0 ? [] : [{ start, end: start + raw.length }];
  });
  let text = note.text;
  for (const c of note.analysis.clauses) {
    if (tokens.some((t) => t.start < c.end && t.end > c.start))
      text = text.slice(0, c.start) + ' '.repeat(c.end - c.start) + text.slice(c.end);
  }
  return text === note.text ? note : new Note(text);
}

// One reading per note: generic-opener asks for it too, and features and check share it.
const READINGS = new WeakMap<Note, Reading | null>();

function read(note: Note): Reading | undefined {
  let reading = READINGS.get(note);
  if (reading === undefined) {
    reading = readOnce(note) ?? null;
    READINGS.set(note, reading);
  }
  return reading ?? undefined;
}

function readOnce(original: Note): Reading | undefined {
  const lists = listsFor(original.analysis.language);
  if (!lists) return undefined;
  const note = withoutTemplatedClauses(original);
  const a = note.analysis;
  // Lower case without accents, the same length as the text: what vocabularies match.
  const lower = a.folded;
  const words = a.tokens.filter((t) => t.type !== 'punctuation');
  const inBody = (t: { start: number; end: number }) =>
    t.start >= a.body.start && t.end <= Math.max(a.body.end, a.body.start);

  const history = affirmed(findPhrases(lists.history, lower), a.tokens, lists.sets);
  const referral = findPhrases(lists.referral, lower);
  const platform = findPhrases(lists.platform, lower);
  const flattery = findPhrases(lists.flattery, lower);

  const your = recipientThings(a.tokens, lists.sets);
  const own = sendersOwnGroups(a.clauses, lists.sets);
  // Place and group words in what the sender says of themself are theirs alone.
  const ownPlaces = new Set([...own, ...senderSelfDescriptions(a, lists.sets)]);
  const bodyNames = sharedNames(
    a,
    a.properNouns.filter((p) => inBody(p) && namesSomeone(p.text, lists.sets) && !own.has(p.start)),
    lists.sets,
  );
  // Tokens inside a proper noun, by offset: one lookup per token even in a 100 KB note.
  const nameStarts = new Set<number>();
  for (const n of bodyNames) for (const t of n.tokens) nameStarts.add(t.start);
  const isName = (t: Token) => nameStarts.has(t.start);
  const shared = sharedMarkers(a.clauses, lists.sets, isName);
  const kin = someoneKnown(
    findPhrases(lists.kinAfterOwner, lower),
    a.tokens,
    lists.sets,
    isName,
    inBody,
  );
  const names = bodyNames.length;
  const namedThirdParty = namedPersonActs(a.clauses, isName);
  const through = throughNamedPerson(findPhrases(lists.throughPerson, lower), words, isName);
  const mention = mentionsSomeone(note);

  // Each independent sign of a shared past adds confidence: "wir haben uns … kennengelernt" is two.
  const relation =
    new Set(history.map((h) => lower.slice(h.start, h.end))).size +
    [kin, namedThirdParty || mention, weDid(a.clauses), through].filter(Boolean).length;
  const theirThing =
    your.specific ||
    recipientDid(a.clauses, lists.sets, inBody) ||
    ofYours(words, lists.sets) ||
    consumed(a.clauses, lists.sets) ||
    thankedFor(findPhrases(lists.thanks, lower), words, lists.sets, isName);
  // Few features, each a kind of context the corpus README names: each can
  // carry a note on its own, so none has its weight spread over near-copies.
  const features: Record<string, number> = {
    relation: Math.min(relation, 2) / 2,
    referral: referral.length > 0 ? 1 : 0,
    theirThing: theirThing ? 1 : 0,
    sharedPlace:
      sharedPlace(words, lists.sets, inBody, isName, ownPlaces) || shared.namedOrGroup ? 1 : 0,
    sharedNoun: hasSharedNoun(words, lists.sets, inBody, ownPlaces) ? 1 : 0,
    names: Math.min(names, 3) / 3,
    namesOutsideSender: namesOutsideSenderClauses(a, bodyNames) ? 1 : 0,
    platform: platform.length > 0 || cannedLines(note).length > 0 ? 1 : 0,
  };
  const referralNamed =
    referral.length > 0 &&
    (names > 0 || kin || mention || referredByName(referral, words, lists.sets));
  return {
    features,
    decisive: relation > 0 || theirThing || features.sharedPlace === 1 || referralNamed,
    lookalikes: {
      ...lookalikes(note, your, platform[0], shared.notShared, flattery[0]),
      aboutSender: a.clauses.some(
        (c) => c.about === 'sender' && inBody(c) && !c.tokens.some((t) => WISH.has(t.lemma)),
      ),
    },
  };
}

// "I'd love to connect", "could we chat": a wish says nothing about who the sender is.
const WISH = new Set(['would', 'could', 'can', 'will', 'shall', 'should', 'might', 'may', 'let']);

/**
 * A proper noun that can be a shared place, group or person: not the platform itself, nor a
 * field, a role or a quarter in capitals ("we both work in HR", "how's Q4 looking").
 */
function namesSomeone(text: string, sets: Lists['sets']): boolean {
  const name = text.toLowerCase();
  return !sets.platformNames.has(name) && !sets.fieldAcronyms.has(name);
}

/**
 * A Slack mention is a person; one that opens the note is the recipient
 * being addressed, unless a verb follows it ("@Ana suggested I write").
 */
function mentionsSomeone(note: Note): boolean {
  const lead = note.text.length - note.text.trimStart().length;
  const tokens = note.analysis.tokens;
  return note.entities.some(
    (e) =>
      e.kind === 'mention' &&
      (e.start > lead || tokens.find((t) => t.start >= e.end)?.pos === 'VERB'),
  );
}

/**
 * "Ana mentioned you…", "Priya suggested I write": the one who referred
 * them, a name even where a sentence starts with it.
 */
function referredByName(
  referral: readonly Hit[],
  words: readonly Token[],
  sets: Lists['sets'],
): boolean {
  return referral.some((h) => {
    const before = words.findLast((t) => t.end <= h.start);
    return (
      before !== undefined &&
      before.pos === 'PROPN' &&
      /^\p{Lu}/u.test(before.text) &&
      !sets.platformNames.has(before.lower) &&
      !sets.fieldAcronyms.has(before.lower)
    );
  });
}

function lookalikes(
  note: Note,
  your: ReturnType<typeof recipientThings>,
  platform: Hit | undefined,
  notShared: string | undefined,
  flattery: Hit | undefined,
): Omit<Lookalikes, 'aboutSender'> {
  return {
    generic: your.generic && !your.specific ? said(note, your.genericHit) : undefined,
    platform: said(note, platform),
    notShared,
    flattery: said(note, flattery),
  };
}

/** The words of the note at a hit, as the user wrote them. */
function said(note: Note, hit: Hit | undefined): string | undefined {
  return hit && note.text.slice(hit.start, hit.end).replace(/\s+/g, ' ');
}

/** Whether the note states one kind of context outright (not only hints at it). */
export function hasOutrightContext(note: Note): boolean {
  return read(note)?.decisive ?? false;
}

function message(lookalikes: Lookalikes): string {
  const lead = 'Nothing says how you know them or why you picked them';
  if (lookalikes.platform)
    return `${lead}: “${lookalikes.platform}” is not a relation between you two, so they may answer "I don't know this person".`;
  if (lookalikes.notShared)
    return `${lead}: sharing an industry, field or job title is not a reason they would recognise you.`;
  if (lookalikes.generic)
    return `${lead}: “${lookalikes.generic}” is too general to show you know what they do.`;
  if (lookalikes.flattery)
    return `${lead}: praise (“${lookalikes.flattery}”) is not context, so they may not recognise you.`;
  if (lookalikes.aboutSender)
    return `${lead}: what you say about yourself (your job, employer, city or plans) is not something you share with them.`;
  return `${lead}, so they may not recognise you and could answer "I don't know this person".`;
}

const FIX =
  'Open with the context: where you met, who suggested you connect, what you share (school, employer, group), or the piece of their work that made you write.';

export function makeMissingContext(weights: Weights): LearnedRule {
  return {
    id: 'missing-context',
    level: 'warning',
    description:
      'Nothing says how they know each other or why this person: no shared history, event, place, group, employer, school, mutual connection or specific piece of their work.',
    weights,
    // Little shrinkage: each feature is a kind of context with a clear sign, few enough not to overfit.
    fitOptions: { l2: 0.001, iterations: 4000, learningRate: 0.5 },
    features(note) {
      return read(note)?.features ?? {};
    },
    withWeights: makeMissingContext,
    check(note): RuleFinding[] {
      // A language the layer does not know: say nothing rather than guess.
      const reading = read(note);
      if (!reading) return [];
      // Any one kind of context is enough (corpus labeling rule 4); the
      // weights judge the notes whose context is only hinted at (names, places).
      if (reading.decisive || probability(weights, reading.features) < weights.threshold) return [];
      return [whole(note, message(reading.lookalikes), FIX)];
    },
  };
}

export const missingContext: LearnedRule = makeMissingContext(fitted as Weights);
