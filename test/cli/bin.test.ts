import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The built executable, as `npx invite-coach` runs it (npm test builds first).
const bin = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));

function invite(args: string[], input?: string, env: Record<string, string> = {}) {
  return spawnSync(bin, args, {
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', ...env },
  });
}

describe('the invite-coach executable', () => {
  it('runs from its shebang and exits 1 on a note with an error', () => {
    const r = invite(['check', 'Hi {name}, loved your talk'], '', { FORCE_COLOR: '0' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('error placeholder');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('colours when FORCE_COLOR is set even through a pipe', () => {
    const r = invite(['check', 'Hi {name}'], '', { FORCE_COLOR: '1' });
    expect(r.stdout).toContain('\u001b[');
  });

  it('reads a batch from a pipe', () => {
    const r = invite(['check', '--jsonl'], '{"id":1,"note":"Hi"}\n{"id":2,"note":"Hi {x}"}\n');
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual([1, 2]);
    expect(r.status).toBe(1);
  });

  it('exits 2 with a message on stderr for a usage error', () => {
    const r = invite(['check', '--account=gold', 'hi']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--account must be basic or premium/);
  });
});
