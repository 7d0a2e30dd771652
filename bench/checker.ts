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
  return ['dev.jsonl', 'notes.jsonl'].flatMap((name) =>
    readFileSync(fileURLToPath(new URL(`../../shared/corpus/${name}`, import.meta.url)), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Case),
  );
}

/** Milliseconds per note, each note timed on its own, over a few passes after warm-up. */
function perNote(cases: Case[], passes: number): number[] {
  const out: number[] = [];
  for (let p = 0; p < passes; p++) {
    for (const c of cases) {
      const t0 = process.hrtime.bigint();
      checkNote(c.note, { account: c.account });
      out.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  return out.sort((a, b) => a - b);
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] as number;
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
  const times = perNote(cases, 5);
  const ours = median(oursRuns);
  const theirs = median(theirsRuns);
  const huge = 'Buy our tool now, it is 5x faster! '.repeat(3000);
  const t0 = process.hrtime.bigint();
  checkNote(huge);
  const hugeMs = Number(process.hrtime.bigint() - t0) / 1e6;

  console.log(
    'checker throughput (dev + notes corpus, %d notes, all rules on, one core)',
    cases.length,
  );
  console.log('  invite-coach checkNote  %s notes/s', Math.round(ours).toLocaleString('en-US'));
  console.log('  write-good              %s notes/s', Math.round(theirs).toLocaleString('en-US'));
  console.log(
    '  ratio                   %sx write-good (target ≥ 10x)',
    (ours / theirs).toFixed(2),
  );
  console.log(
    '  per note                p50 %s ms, p99 %s ms (target p99 ≤ 1 ms)',
    quantile(times, 0.5).toFixed(3),
    quantile(times, 0.99).toFixed(3),
  );
  console.log('  one 100 KB note         %s ms', hugeMs.toFixed(1));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}
