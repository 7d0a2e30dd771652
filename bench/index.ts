// Prints figures; it asserts nothing. Speed targets live here, not in tests.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCheckerBench } from './checker.js';
import { runDrafterBench } from './drafter.js';
import { runImportBench } from './import.js';
import { runLedgerBench } from './ledger.js';
import { runLedgerPairBench } from './ledger-pair.js';
import { runSlackBench } from './slack.js';

runCheckerBench(Number(process.env.BENCH_SECONDS ?? 3));
await runDrafterBench();
await runSlackBench();
await runLedgerBench();
await runLedgerPairBench();
await runImportBench();
// In a process of its own: its heap figures (and the garbage collector's
// work in its timings) are then the digest's, not what the benches above
// left behind.
const digest = spawnSync(
  process.execPath,
  ['--expose-gc', '--import', 'tsx', fileURLToPath(new URL('./digest.ts', import.meta.url))],
  { stdio: 'inherit' },
);
if (digest.status !== 0) process.exitCode = digest.status ?? 1;
