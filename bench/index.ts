// Prints figures; it asserts nothing. Speed targets live here, not in tests.
import { runCheckerBench } from './checker.js';
import { runDrafterBench } from './drafter.js';

runCheckerBench(Number(process.env.BENCH_SECONDS ?? 3));
await runDrafterBench();
