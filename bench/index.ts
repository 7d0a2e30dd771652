// Prints figures; it asserts nothing. Speed targets live here, not in tests.
import { runCheckerBench } from './checker.js';
import { runDigestBench } from './digest.js';
import { runDrafterBench } from './drafter.js';
import { runLedgerBench } from './ledger.js';
import { runSlackBench } from './slack.js';

runCheckerBench(Number(process.env.BENCH_SECONDS ?? 3));
await runDrafterBench();
await runSlackBench();
await runLedgerBench();
await runDigestBench();
