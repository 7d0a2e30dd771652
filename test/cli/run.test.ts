import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';

async function cli(argv: string[], stdin = '', { tty = false, color = false } = {}) {
  let out = '';
  let err = '';
  const code = await run(argv, {
    stdin: Readable.from([stdin]),
    stdinIsTTY: tty,
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    color,
    env: {},
  });
  return { code, out, err };
}

describe('invite-coach check', () => {
  it('shows the placeholder error underlined, with its fix, and exits 1', async () => {
    const { code, out } = await cli(['check', 'Hi {name}, loved your talk']);
    expect(code).toBe(1);
    expect(out).toContain('Fix before sending · 26/200 characters (Basic)');
    const lines = out.split('\n');
    const at = lines.findIndex((l) => l.includes('error placeholder'));
    expect(lines[at + 1]).toBe('    Hi {name}, loved your talk');
    expect(lines[at + 2]).toBe('       ^^^^^^');
    expect(lines[at + 3]).toBe('    Fix: Replace “{name}” with the real name.');
  });

  it('exits 0 for a ready note and uses the Premium limit', async () => {
    const note = 'Hi Ana, great meeting you at the PyData Berlin meetup. Coffee next week?';
    const { code, out } = await cli(['check', '--account', 'premium', note]);
    expect(code).toBe(0);
    expect(out).toContain(`Ready to send · ${note.length}/300 characters (Premium)`);
  });

  it('joins several arguments into one note', async () => {
    const { out } = await cli(['check', '--json', 'Hi', 'there']);
    expect(JSON.parse(out).length).toBe(8);
  });

  it('reads the note from stdin and drops one trailing newline', async () => {
    const { code, out } = await cli(['check', '--json'], 'Hi {{name}}, coffee?\n');
    expect(code).toBe(1);
    const report = JSON.parse(out);
    expect(report.length).toBe(20);
    expect(report.findings).toContainEqual(
      expect.objectContaining({ rule: 'placeholder', start: 3, end: 11 }),
    );
  });

  it('reads the note from stdin when it is given as a lone "-"', async () => {
    const { code, out } = await cli(['check', '--json', '-'], 'Hi {{name}}, coffee?\n');
    expect(code).toBe(1);
    expect(JSON.parse(out).length).toBe(20);
  });

  it('underlines emoji and wide characters by terminal column', async () => {
    const { out } = await cli(['check', '🎉🎉 Hi [Name], coffee?']);
    const lines = out.split('\n');
    const at = lines.findIndex((l) => l.includes('error placeholder'));
    expect(lines[at + 2]).toBe(`    ${' '.repeat(8)}^^^^^^`);
  });

  it('colours only when asked to', async () => {
    expect((await cli(['check', 'Hi {name}'])).out).not.toContain('\u001b[');
    expect((await cli(['check', 'Hi {name}'], '', { color: true })).out).toContain('\u001b[31m');
  });

  it.each([
    [['check', '--account', 'gold', 'hi'], /--account must be basic or premium/],
    [['check', '--nope', 'hi'], /Unknown option/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [[], /missing command/],
    [['check', '--json', '--jsonl'], /cannot be used together/],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const { code, err, out } = await cli(argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(out).toBe('');
  });

  it('asks for a note when there is none and stdin is a terminal', async () => {
    const { code, err } = await cli(['check'], '', { tty: true });
    expect(code).toBe(2);
    expect(err).toMatch(/no note given/);
  });

  it.each([
    ['empty', ''],
    ['a bare newline', '\n'],
    ['only spaces', '   \r\n'],
  ])('says "no note given" for %s standard input, and judges nothing', async (_, stdin) => {
    const { code, out, err } = await cli(['check'], stdin);
    expect(code).toBe(2);
    expect(err).toMatch(/no note given: standard input was empty/);
    expect(out).toBe('');
  });

  it('refuses input over 1 MiB on stdin', async () => {
    const { code, err } = await cli(['check'], 'x'.repeat(1024 * 1024 + 1));
    expect(code).toBe(2);
    expect(err).toMatch(/over 1024 KiB/);
  });

  it('prints help and version', async () => {
    const help = (await cli(['--help'])).out;
    expect(help).toContain('invite-coach check');
    expect(help).toMatch(/--enterprise\s+import: the organisation id/);
    expect((await cli(['--version'])).out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('invite-coach check --jsonl', () => {
  it('answers every line in order, and a malformed line does not stop the batch', async () => {
    const input = [
      '{"id":"a","note":"Hi {name}, coffee?"}',
      'not json',
      '',
      '{"id":7,"note":"Hi Ana, great meeting you at PyData Berlin. Coffee?","account":"premium"}',
      '{"id":"b"}',
      '{"id":"c","note":"hi","account":"gold"}',
      '[1,2]',
    ].join('\n');
    const { code, out } = await cli(['check', '--jsonl'], input);
    const results = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(results).toEqual([
      expect.objectContaining({ id: 'a', ready: false, limit: 200 }),
      { id: null, error: 'not valid JSON' },
      { id: 7, ready: true, length: 51, limit: 300, findings: [] },
      { id: 'b', error: '"note" must be a string' },
      { id: 'c', error: '"account" must be "basic" or "premium"' },
      { id: null, error: 'expected a JSON object like {"id": 1, "note": "…"}' },
    ]);
    expect(Object.keys(results[0])).toEqual(['id', 'ready', 'length', 'limit', 'findings']);
    expect(code).toBe(1);
  });

  it('exits 0 when every note is ready', async () => {
    const { code } = await cli(
      ['check', '--jsonl'],
      '{"id":1,"note":"Great seeing you at the Denver meetup. Coffee?"}\n',
    );
    expect(code).toBe(0);
  });
});

describe('invite-coach draft', () => {
  it('drafts offline from the templates and exits 0', async () => {
    const { code, out } = await cli([
      'draft',
      'Jane Park, met at SXSW on the podcasting panel, want to swap notes on audio ads',
    ]);
    expect(code).toBe(0);
    expect(out).toContain('Hi Jane, great meeting you at SXSW on the podcasting panel.');
    expect(out).toMatch(/\d+\/200 characters \(Basic\) · acquaintance · from the templates/);
  });

  it('gives another version and JSON when asked', async () => {
    const input = 'Jane Park, met at SXSW, want to swap notes on audio ads';
    const a = JSON.parse((await cli(['draft', '--json', input])).out);
    const b = JSON.parse(
      (await cli(['draft', '--json', '--variant', '1', '--account', 'premium', input])).out,
    );
    expect(a).toMatchObject({
      kind: 'draft',
      source: 'template',
      report: { ready: true, limit: 200 },
    });
    expect(b.report.limit).toBe(300);
    expect(b.note).not.toBe(a.note);
  });

  it('asks for what is missing and exits 1', async () => {
    const { code, out } = await cli(['draft', 'someone nice']);
    expect(code).toBe(1);
    expect(out).toMatch(/I need to know who it is for/);
    expect(out).toContain('Not used (not understood): "someone nice"');
  });

  it.each([
    [['draft'], /tell me about the person/],
    [['draft', '--variant', 'x', 'Jane'], /--variant must be a whole number/],
    [['check', '--variant', '1', 'hi'], /--variant is for draft/],
  ])('%j is a usage error', async (argv, message) => {
    const { code, err } = await cli(argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });
});
