// Prints figures; it asserts nothing. Speed targets live here, not in tests.
import { runCheckerBench } from './checker.js';

runCheckerBench(Number(process.env.BENCH_SECONDS ?? 3));
