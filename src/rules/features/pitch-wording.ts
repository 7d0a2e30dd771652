/**
 * The wording of a note as features: the dictionary form of each content word
 * ("sell", "refurbished", "slot", "bay"), with numbers, amounts, links, emoji
 * and proper nouns reduced to their kind so that "£9 per bay" and "$40 per
 * seat" read alike. The frames say who offers what to whom; the wording
 * catches the trade talk those frames have no slot for, learned from notes by
 * many writers rather than listed by hand. Grammar words and word pairs are
 * left out: measured leaving one training set out at a time, they added
 * nothing, and their small weights summed into noise that outweighed clear
 * frames. Training keeps only words seen in a few notes (`minSupport`), so one
 * writer's turn of phrase never becomes a signal.
 */
import type { Token } from '../../text/analysis.js';

const WORD = 'w:';

/** Parts of speech that carry no offer by themselves. */
const GRAMMAR = new Set(['ADP', 'DET', 'PRON', 'AUX', 'CCONJ', 'SCONJ', 'PART', 'PUNCT']);

const KINDS: Readonly<Record<string, string>> = {
  number: '#num',
  ordinal: '#num',
  currency: '#money',
  url: '#link',
  email: '#email',
  emoji: '#emoji',
  emoticon: '#emoji',
  mention: '#mention',
  hashtag: '#hashtag',
};

function form(t: Token): string {
  const kind = KINDS[t.type];
  if (kind) return kind;
  if (t.pos === 'PROPN') return '#name';
  return t.lemma.toLowerCase();
}

/** Wording features of a run of tokens. */
export function wordingFeatures(tokens: readonly Token[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of tokens) {
    if (t.type === 'punctuation' || GRAMMAR.has(t.pos)) continue;
    out[WORD + form(t)] = 1;
  }
  return out;
}
