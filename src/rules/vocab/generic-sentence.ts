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
 * so "Would love to connect" alone, a plain request, is not a canned line.
 */
export interface GenericLexicon<K extends string> {
  /** Lemmas (lower case) of content words that say nothing about anyone in particular. */
  words: readonly string[];
  /** Anchor lemmas by the kind of canned line they make. */
  anchors: Readonly<Partial<Record<K, readonly string[]>>>;
  /** Sentences another rule reports (LinkedIn's stock text is default-text's). */
  skip?: readonly string[];
}

export interface CompiledLexicon<K extends string> {
  words: ReadonlySet<string>;
  anchors: ReadonlyMap<string, K>;
  skip: readonly string[];
}

export function compileLexicon<K extends string>(l: GenericLexicon<K>): CompiledLexicon<K> {
  const anchors = new Map<string, K>();
  for (const [kind, lemmas] of Object.entries(l.anchors) as Array<[K, readonly string[]]>)
    for (const w of lemmas) anchors.set(w, kind);
  return { words: new Set([...l.words, ...anchors.keys()]), anchors, skip: l.skip ?? [] };
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

/** The body's sentences that say nothing particular and carry an anchor, as spans with their kind. */
export function genericSentences<K extends string>(
  note: Note,
  lexicon: CompiledLexicon<K>,
): Array<Hit & { kind: K }> {
  const { body, sentences } = note.analysis;
  const out: Array<Hit & { kind: K }> = [];
  for (const s of sentences) {
    const tokens = s.tokens.filter(
      (t) => t.start >= body.start && t.end <= body.end && t.type !== 'punctuation',
    );
    const first = tokens[0];
    const last = tokens.at(-1);
    if (!first || !last) continue;
    const folded = note.analysis.folded.slice(first.start, last.end).replace(/\s+/g, ' ');
    if (lexicon.skip.some((p) => folded.includes(p))) continue;
    let kind: K | undefined;
    let specific = false;
    for (const t of tokens) {
      if (!isContent(t)) continue;
      const lemma = t.lemma.toLowerCase();
      const word = t.lower;
      if (t.type === 'number' || t.pos === 'NUM' || named(note, t)) {
        specific = true;
        break;
      }
      if (!lexicon.words.has(lemma) && !lexicon.words.has(word)) {
        specific = true;
        break;
      }
      kind ??= lexicon.anchors.get(word);
    }
    if (!specific && kind !== undefined) out.push({ start: first.start, end: last.end, kind });
  }
  return out;
}
