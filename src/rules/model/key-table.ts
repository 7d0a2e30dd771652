/**
 * The tables behind phrase-keys.ts: keys by the hash of their word, and the
 * whole words of the text being indexed as a bit filter.
 */

export interface Entry {
  word: string;
  pairs: number[];
}

/**
 * Keys by hash in open addressing over typed arrays: a note looks up each of
 * its words, and a few kilobytes of slots stay in cache where a Map's buckets
 * do not. Entries of one hash (collisions) share a group.
 */
export class KeyTable {
  #hashes = new Int32Array(256);
  /** Group index + 1 per slot; 0 is an empty slot. */
  #slots = new Int32Array(256);
  readonly #groups: Entry[][] = [];

  get size(): number {
    return this.#groups.length;
  }

  get(hash: number): Entry[] | undefined {
    const mask = this.#slots.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const g = this.#slots[i] as number;
      if (g === 0) return undefined;
      if (this.#hashes[i] === hash) return this.#groups[g - 1];
    }
  }

  /** Adds (list, phrase) to the entry of `word` under `hash`, creating it when new. */
  enter(hash: number, word: string, list: number, phrase: number): void {
    let group = this.get(hash);
    if (!group) {
      group = [];
      this.#groups.push(group);
      if (this.#groups.length * 2 > this.#slots.length) this.#grow();
      this.#place(hash, this.#groups.length);
    }
    const entry = group.find((e) => e.word === word);
    if (entry) entry.pairs.push(list, phrase);
    else group.push({ word, pairs: [list, phrase] });
  }

  #place(hash: number, slot: number): void {
    const mask = this.#slots.length - 1;
    let i = hash & mask;
    while (this.#slots[i] !== 0) i = (i + 1) & mask;
    this.#slots[i] = slot;
    this.#hashes[i] = hash;
  }

  #grow(): void {
    const old = { hashes: this.#hashes, slots: this.#slots };
    this.#hashes = new Int32Array(old.slots.length * 2);
    this.#slots = new Int32Array(old.slots.length * 2);
    for (let i = 0; i < old.slots.length; i++)
      if (old.slots[i] !== 0) this.#place(old.hashes[i] as number, old.slots[i] as number);
  }
}

// The whole words of a text indexed, as a bit per hash (one hash function, so a filter
// that may say yes wrongly, never no): a few hundred bytes, cleared per text.
const WORD_BITS = 1 << 13;

export function wordBits(): Uint32Array {
  return new Uint32Array(WORD_BITS / 32);
}

export function textHas(words: Uint32Array, hash: number): boolean {
  const bit = hash & (WORD_BITS - 1);
  return ((words[bit >>> 5] as number) & (1 << (bit & 31))) !== 0;
}

export function markWord(words: Uint32Array, hash: number): void {
  const bit = hash & (WORD_BITS - 1);
  words[bit >>> 5] = (words[bit >>> 5] as number) | (1 << (bit & 31));
}
