import type { Token } from '../../text/analysis-types.js';
import type { Note } from '../../text/note.js';
import type { Hit } from '../model/phrases.js';

/**
 * A sentence made only of words that fit any recipient is canned whatever its
 * wording: "Your dedication to your craft is admirable", "I hope you're
 * thriving", "Here's to new connections". The frames list ways of saying a
 * canned thing; this asks what a sentence has that is not canned: a name, a
 * number, or any content word outside the generic lexicon ("your talk", "the
 * Leeds office", "Kubernetes") makes it a sentence about something. It counts
 * only with an anchor (a word of praise, networking, mutual gain or a wish),
 * so "Would love to connect" alone, a plain request, is not a canned line. A
 * job title counts as generic (the language's role nouns): being a "fellow
 * project manager" is no reason. A sentence that says something particular
 * may still hold a canned clause of two content words or more.
 */
export interface GenericLexicon<K extends string> {
  /** Lemmas (lower case) of content words that say nothing about anyone in particular. */
  words: readonly string[];
  /** Anchor lemmas by the kind of canned line they make. */
  anchors: Readonly<Partial<Record<K, readonly string[]>>>;
  /**
   * Anchors that make a canned line only when the sentence is the whole body:
   * "Hi Nkechi, just wanted to connect." says nothing else, while "No agenda,
   * just wanted to connect" after a real reason is a manner of speaking.
   */
  alone?: Readonly<Partial<Record<K, readonly string[]>>>;
  /** Sentences another rule reports (LinkedIn's stock text is default-text's). */
  skip?: readonly string[];
}

export interface CompiledLexicon<K extends string> {
  words: ReadonlySet<string>;
  anchors: ReadonlyMap<string, K>;
  alone: ReadonlyMap<string, K>;
  skip: readonly string[];
}

export function compileLexicon<K extends string>(l: GenericLexicon<K>): CompiledLexicon<K> {
  const anchors = new Map<string, K>();
  for (const [kind, lemmas] of Object.entries(l.anchors) as Array<[K, readonly string[]]>)
    for (const w of lemmas) anchors.set(w, kind);
  const alone = new Map<string, K>();
  for (const [kind, lemmas] of Object.entries(l.alone ?? {}) as Array<[K, readonly string[]]>)
    for (const w of lemmas) alone.set(w, kind);
  return {
    words: new Set([...l.words, ...anchors.keys(), ...alone.keys()]),
    anchors,
    alone,
    skip: l.skip ?? [],
  };
}

// The tagger calls "Trust" or "I'm" a proper noun: names are what the analysis found.
function named(note: Note, t: Token): boolean {
  return note.analysis.properNouns.some(
    (p) => p.start <= t.start && t.end <= p.end && !PLATFORMS.has(p.text.toLowerCase()),
  );
}
const PLATFORMS = new Set(['linkedin', 'linked in']);

const CONTENT = new Set(['NOUN', 'VERB', 'ADJ', 'ADV', 'PROPN', 'NUM']);

function isContent(t: Token): boolean {
  return t.type === 'number' || (t.type === 'word' && CONTENT.has(t.pos));
}

/** A generic span; `clause` when it is one clause of a sentence that says something else. */
export type GenericHit<K extends string> = Hit & { kind: K; clause?: boolean };

/** The body's sentences that say nothing particular and carry an anchor, as spans with their kind. */
export function genericSentences<K extends string>(
  note: Note,
  lexicon: CompiledLexicon<K>,
  roles: ReadonlySet<string> = new Set(),
): Array<GenericHit<K>> {
  const { body, sentences } = note.analysis;
  const out: Array<GenericHit<K>> = [];
  const inBody = (t: Token) =>
    t.start >= body.start && t.end <= body.end && t.type !== 'punctuation';
  const bodyWords = note.analysis.tokens.filter(inBody);
  for (const s of sentences) {
    const tokens = s.tokens.filter(inBody);
    const alone = tokens.length > 0 && tokens.length === countIn(bodyWords, s);
    const whole = genericSpan(note, tokens, lexicon, roles, alone);
    if (whole) {
      out.push(whole);
      continue;
    }
    // A canned clause in a sentence that says something else too: "I am an
    // engineer from Kathmandu, i want to connect with you for knowledge sharing".
    // A clause of one content word leans on the rest ("(it's on your profile)").
    if (s.clauses.length < 2) continue;
    for (const c of s.clauses) {
      const tokens = c.tokens.filter(inBody);
      if (tokens.filter(isContent).length < 2) continue;
      const part = genericSpan(note, tokens, lexicon, roles, false);
      if (part) out.push({ ...part, clause: true });
    }
  }
  return out;
}

/** How many of `words` fall inside the span. */
function countIn(words: readonly Token[], span: { start: number; end: number }): number {
  return words.filter((t) => t.start >= span.start && t.end <= span.end).length;
}

// What opens a job title said of a person: "a data analyst", "fellow project manager".
const TITLE_BEFORE = new Set(['a', 'an', 'another', 'fellow']);

/**
 * Whether token i is a role noun ("manager"), or a word of a job title said of
 * a person ("fellow project manager", "an experienced forklift driver"); not a
 * field that narrows a group ("your network of climate founders").
 */
function isRole(tokens: readonly Token[], i: number, roles: ReadonlySet<string>): boolean {
  const isRoleNoun = (t: Token) => roles.has(t.lemma.toLowerCase()) || roles.has(t.lower);
  if (isRoleNoun(tokens[i] as Token)) return true;
  let start = i;
  while (start > 0 && (tokens[start - 1] as Token).pos === 'ADJ') start--;
  const before = tokens[start - 1];
  if (!before || !TITLE_BEFORE.has(before.lower)) {
    // Between the opener and the role noun: "fellow [data] analyst".
    const opener = tokens.slice(Math.max(0, i - 3), i).findLast((t) => TITLE_BEFORE.has(t.lower));
    if (!opener) return false;
  }
  for (let j = i + 1; j < tokens.length && j < i + 3; j++) {
    const t = tokens[j] as Token;
    if (isRoleNoun(t)) return true;
    if (t.pos !== 'NOUN' && t.pos !== 'ADJ') return false;
  }
  return false;
}

/** The span of `tokens` when every content word is generic and one word anchors a kind. */
function genericSpan<K extends string>(
  note: Note,
  tokens: readonly Token[],
  lexicon: CompiledLexicon<K>,
  roles: ReadonlySet<string>,
  alone: boolean,
): (Hit & { kind: K }) | undefined {
  const first = tokens[0];
  const last = tokens.at(-1);
  if (!first || !last) return undefined;
  const folded = note.analysis.folded.slice(first.start, last.end).replace(/\s+/g, ' ');
  if (lexicon.skip.some((p) => folded.includes(p))) return undefined;
  let kind: K | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    // An anchor may be two words, function words or a number among them: "each other", "one another".
    const pair = tokens[i + 1] && lexicon.anchors.get(`${t.lower} ${tokens[i + 1]?.lower}`);
    if (pair) {
      kind ??= pair;
      i++;
      continue;
    }
    if (!isContent(t)) continue;
    const lemma = t.lemma.toLowerCase();
    const word = t.lower;
    if (t.type === 'number' || t.pos === 'NUM' || named(note, t)) return undefined;
    kind ??= lexicon.anchors.get(word) ?? (alone ? lexicon.alone.get(word) : undefined);
    if (lexicon.words.has(lemma) || lexicon.words.has(word)) continue;
    // A job title is true of thousands ("fellow project manager here"): the
    // role noun and the words that make it a title.
    if (isRole(tokens, i, roles)) continue;
    return undefined;
  }
  return kind === undefined ? undefined : { start: first.start, end: last.end, kind };
}
