/** The labelled notes that training and evaluation read, in file order. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Account } from '../src/types.js';

export interface LabelledNote {
  id: string;
  note: string;
  account: Account;
  fire: string[];
  quiet: string[];
  ready?: boolean;
}

export const CONTRACT_RULES = [
  'blank-note',
  'note-length',
  'placeholder',
  'sales-pitch',
  'default-text',
  'missing-context',
  'generic-opener',
  'missing-next-step',
] as const;

export function readJsonl(url: URL): LabelledNote[] {
  return readFileSync(fileURLToPath(url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const c = JSON.parse(l) as Partial<LabelledNote>;
      return {
        id: String(c.id),
        note: String(c.note ?? ''),
        account: c.account === 'premium' ? 'premium' : 'basic',
        fire: c.fire ?? [],
        quiet: c.quiet ?? [],
        ...(typeof c.ready === 'boolean' ? { ready: c.ready } : {}),
      };
    });
}

const CORPUS = new URL('../../shared/corpus/', import.meta.url);
const FIXTURES = new URL('../test/fixtures/', import.meta.url);
const TRAINING = new URL('training/', FIXTURES);

/** dev.jsonl + notes.jsonl, the shared corpus. */
export function corpusNotes(): LabelledNote[] {
  return [...readJsonl(new URL('dev.jsonl', CORPUS)), ...readJsonl(new URL('notes.jsonl', CORPUS))];
}

/**
 * What the learned rules train on: the shared corpus, then every set under
 * test/fixtures/training/ (notes other hands wrote to the contract, kept for
 * training because the corpus alone is too few and too alike to generalise).
 */
export function trainingNotes(): LabelledNote[] {
  return trainingSets().flatMap((s) => s.notes);
}

/** The training notes by file: the shared corpus first, then test/fixtures/training/ in order. */
export function trainingSets(): Array<{ name: string; notes: LabelledNote[] }> {
  return [
    { name: 'shared corpus', notes: corpusNotes() },
    ...jsonlIn(TRAINING).map((f) => ({
      name: `training/${f}`,
      notes: readJsonl(new URL(f, TRAINING)),
    })),
  ];
}

function jsonlIn(dir: URL): string[] {
  return readdirSync(fileURLToPath(dir))
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
}

/** Every labelled set directly under test/fixtures/: notes the weights never see. */
export function heldOutSets(): Array<{ name: string; notes: LabelledNote[] }> {
  return jsonlIn(FIXTURES)
    .map((f) => ({ name: `test/fixtures/${f}`, notes: readJsonl(new URL(f, FIXTURES)) }))
    .filter((s) => s.notes.some((n) => n.fire.length + n.quiet.length > 0));
}
