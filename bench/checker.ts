import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { checkNote } from '../src/index.js';
import type { Account } from '../src/types.js';

const require = createRequire(import.meta.url);
const writeGood = require('write-good') as (text: string) => unknown[];

interface Case {
  note: string;
  account: Account;
}

function loadCorpus(): Case[] {
  const file = fileURLToPath(new URL('../../shared/corpus/dev.jsonl', import.meta.url));
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Case);
}

/** Notes per second over the corpus, after a warm-up, for about `seconds`. */
function throughput(cases: Case[], fn: (c: Case) => unknown, seconds: number): number {
  for (let i = 0; i < 20; i++) for (const c of cases) fn(c);
  let notes = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(Math.round(seconds * 1e9));
  let elapsed = 0n;
  while (elapsed < budget) {
    for (const c of cases) fn(c);
    notes += cases.length;
    elapsed = process.hrtime.bigint() - start;
  }
  return notes / (Number(elapsed) / 1e9);
}

export function runCheckerBench(seconds = 3): void {
  const cases = loadCorpus();
  // Same thread, one core, in alternating rounds so that other load on the
  // machine weighs on both alike; the median round of each is reported.
  const rounds = 5;
  const oursRuns: number[] = [];
  const theirsRuns: number[] = [];
  for (let r = 0; r < rounds; r++) {
    oursRuns.push(
      throughput(cases, (c) => checkNote(c.note, { account: c.account }), seconds / rounds),
    );
    theirsRuns.push(throughput(cases, (c) => writeGood(c.note), seconds / rounds));
  }
  const ours = median(oursRuns);
  const theirs = median(theirsRuns);
  const huge = 'Buy our tool now, it is 5x faster! '.repeat(3000);
  const t0 = process.hrtime.bigint();
  checkNote(huge);
  const hugeMs = Number(process.hrtime.bigint() - t0) / 1e6;

  console.log('checker throughput (dev corpus, %d notes, all rules on, one core)', cases.length);
  console.log('  invite-coach checkNote  %s notes/s', Math.round(ours).toLocaleString('en-US'));
  console.log('  write-good              %s notes/s', Math.round(theirs).toLocaleString('en-US'));
  console.log('  ratio                   %sx write-good (target ≥ 5x)', (ours / theirs).toFixed(2));
  console.log('  one 100 KB note         %s ms', hugeMs.toFixed(1));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}
