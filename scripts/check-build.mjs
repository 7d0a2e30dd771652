#!/usr/bin/env node
// Run by `npm start` before dist/slack/main.js: the app starts from the build
// (made by `npm install` / `npm run build`), never rebuilding on start; a build
// that is missing or older than the sources is said in one line, instead of
// silently running stale code. Plain JavaScript: it must run without a build.
// Usage: node scripts/check-build.mjs [repository root]
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.argv[2] ?? fileURLToPath(new URL('..', import.meta.url));
const entry = join(root, 'dist', 'slack', 'main.js');

/** Every file under `dir` with its modification time. */
function* files(dir) {
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    if (item.isDirectory()) yield* files(path);
    else if (item.isFile()) yield { path, mtimeMs: statSync(path).mtimeMs };
  }
}

if (!existsSync(entry)) {
  console.error(
    'invite-coach: dist/ is not built: run `npm run build` (npm install does it), then npm start.',
  );
  process.exit(1);
}
// Without src/ (an installed package) the build is all there is.
if (existsSync(join(root, 'src'))) {
  let built = Number.POSITIVE_INFINITY;
  for (const f of files(join(root, 'dist')))
    if (f.path.endsWith('.js')) built = Math.min(built, f.mtimeMs);
  let newest;
  for (const f of files(join(root, 'src')))
    if (f.path.endsWith('.ts') && (newest === undefined || f.mtimeMs > newest.mtimeMs)) newest = f;
  if (newest !== undefined && newest.mtimeMs > built) {
    console.error(
      `invite-coach: dist/ is older than the sources (${relative(root, newest.path)} changed since the last build): run \`npm run build\`, then npm start.`,
    );
    process.exit(1);
  }
}
