#!/usr/bin/env node
import { run } from './run.js';

// Piped into `head`: stop quietly instead of crashing on a closed pipe.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

const color =
  process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0'
    ? true
    : Boolean(process.stdout.isTTY) &&
      process.env.NO_COLOR === undefined &&
      process.env.TERM !== 'dumb';

process.exitCode = await run(process.argv.slice(2), {
  stdin: process.stdin,
  stdinIsTTY: Boolean(process.stdin.isTTY),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  color,
  env: process.env,
});
