import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './slack/harness/samples.js';

// What `npm start` runs before dist/slack/main.js, against a repository laid out in a temp folder.
const CHECK = resolve(REPO_ROOT, 'scripts/check-build.mjs');
// Fixed file times: the check compares them, whatever today's date.
const BUILT = new Date('2026-06-01T10:00:00Z');

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

function repo(files: Record<string, Date>) {
  root = mkdtempSync(join(tmpdir(), 'invite-coach-start-'));
  for (const [path, time] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), '');
    utimesSync(join(root, path), time, time);
  }
}

function check() {
  const { status, stdout, stderr } = spawnSync(process.execPath, [CHECK, root], {
    encoding: 'utf8',
  });
  return { status, stdout, stderr };
}

describe('npm start checks the build instead of rebuilding', () => {
  it('starts silently from a build newer than every source', () => {
    repo({
      'src/slack/main.ts': new Date('2026-05-31T09:00:00Z'),
      'src/check.ts': new Date('2026-05-30T09:00:00Z'),
      'dist/slack/main.js': BUILT,
      'dist/check.js': BUILT,
    });
    expect(check()).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('says in one line that dist/ is not built', () => {
    repo({ 'src/slack/main.ts': BUILT });
    const { status, stderr } = check();
    expect(status).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      'invite-coach: dist/ is not built: run `npm run build` (npm install does it), then npm start.',
    ]);
  });

  it('says in one line which source changed since the last build, rather than run stale code', () => {
    repo({
      'src/slack/main.ts': new Date('2026-05-31T09:00:00Z'),
      'src/ledger/import.ts': new Date('2026-06-01T10:00:01Z'),
      'dist/slack/main.js': BUILT,
      'dist/ledger/import.js': BUILT,
    });
    const { status, stderr } = check();
    expect(status).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('src/ledger/import.ts changed since the last build');
    expect(stderr).toContain('npm run build');
  });

  it('runs an installed package, which has no sources, from its build', () => {
    repo({ 'dist/slack/main.js': BUILT });
    expect(check().status).toBe(0);
  });
});
