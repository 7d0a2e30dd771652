import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { enrollDigest, getRoster } from '../../src/digest/roster.js';
import { importSummaryLines, storeLedger } from '../../src/ledger/index.js';
import { createStore } from '../../src/store/store.js';

const HEADER = 'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl';
const CSV = [
  `\uFEFF${HEADER}`,
  'Me,Ana Lima,"3/5/26, 1:45 AM","Hi Ana, we met at PyData.\nCoffee?",OUTGOING,https://www.linkedin.com/in/me,https://www.linkedin.com/in/ana-lima',
  'Me,Bo Chen,2026-06-01 08:00 UTC,,OUTGOING,https://www.linkedin.com/in/me,https://www.linkedin.com/in/bo-chen',
  'Cy,Me,2026-06-02 08:00 UTC,,INCOMING,https://www.linkedin.com/in/cy,https://www.linkedin.com/in/me',
  'Me,Di,someday,,OUTGOING,,',
].join('\r\n');

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let out = '';
  let err = '';
  const code = await run(argv, {
    stdin: Readable.from(['']),
    stdinIsTTY: true,
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    color: false,
    env,
  });
  return { code, out, err };
}

let dir: string;
let storeUrl: string;
let file: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'invite-coach-import-'));
  storeUrl = `sqlite://${join(dir, 'store.sqlite')}`;
  file = join(dir, 'Invitations.csv');
  await writeFile(file, CSV);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('invite-coach import', () => {
  it('imports the OUTGOING rows into the store, lists skipped lines, and adds nothing twice', async () => {
    const first = await cli([
      'import',
      file,
      '--user',
      'U123',
      '--team',
      'T1',
      '--store',
      storeUrl,
    ]);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain('Added 2 pending invitations');
    expect(first.out).toContain('Already in your ledger: 0.');
    expect(first.out).toContain('Incoming invitations ignored: 1.');
    expect(first.out).toContain('line 6: unreadable date "someday"');

    // STORE_URL is used when --store is not given; SLACK_TEAM_ID when --team is not.
    const again = await cli(['import', file, '--user', 'U123'], {
      STORE_URL: storeUrl,
      SLACK_TEAM_ID: 'T1',
    });
    expect(again.code).toBe(0);
    expect(again.out).toContain('Added 0 pending invitations');
    expect(again.out).toContain('Already in your ledger: 2.');

    const store = await createStore({ url: storeUrl });
    try {
      const repo = storeLedger(store);
      const pending = await repo.pending({ teamId: 'T1', userId: 'U123' });
      expect(pending.map((e) => e.recipient.name).sort()).toEqual(['Ana Lima', 'Bo Chen']);
      expect(pending.every((e) => e.source === 'import')).toBe(true);
      expect(await repo.list({ teamId: 'T1', userId: 'U999' })).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('refuses a file that is not the export with exit 1 and a clear reason', async () => {
    const wrong = join(dir, 'contacts.csv');
    await writeFile(wrong, 'Name,Email\nAna,ana@example.com\n');
    const { code, err } = await cli([
      'import',
      wrong,
      '--user',
      'U1',
      '--team',
      'T1',
      '--store',
      storeUrl,
    ]);
    expect(code).toBe(1);
    expect(err).toContain("not LinkedIn's Invitations.csv");
  });

  it('exits 1 for a missing file', async () => {
    const { code, err } = await cli([
      'import',
      join(dir, 'nope.csv'),
      '--user',
      'U1',
      '--team',
      'T1',
      '--store',
      storeUrl,
    ]);
    expect(code).toBe(1);
    expect(err).toContain('cannot read');
  });

  it('puts the user on the digest roster once, leaving a schedule they changed as it is', async () => {
    const args = ['import', file, '--store', storeUrl];
    expect((await cli([...args, '--user', 'U200', '--team', 'T1'])).code).toBe(0);
    expect((await cli([...args, '--user', 'U201', '--team', 'T1'])).code).toBe(0);
    const store = await createStore({ url: storeUrl });
    try {
      expect(await getRoster(store.kv, { teamId: 'T1', userId: 'U200' })).toMatchObject({
        enabled: true,
        day: 1,
        hour: 9,
      });
      await enrollDigest(store.kv, { teamId: 'T1', userId: 'U201' }, { enabled: false });
    } finally {
      await store.close();
    }
    expect((await cli([...args, '--user', 'U201', '--team', 'T1'])).code).toBe(0);
    const again = await createStore({ url: storeUrl });
    try {
      expect(await getRoster(again.kv, { teamId: 'T1', userId: 'U201' })).toMatchObject({
        enabled: false,
      });
    } finally {
      await again.close();
    }
  });

  it("imports into an Enterprise Grid user's ledger with --enterprise", async () => {
    const { code, out } = await cli([
      'import',
      file,
      '--user',
      'U300',
      '--enterprise',
      'E1',
      '--store',
      storeUrl,
    ]);
    expect(code).toBe(0);
    expect(out).toContain('Added 2 pending invitations');
    const store = await createStore({ url: storeUrl });
    try {
      const repo = storeLedger(store);
      expect(await repo.pending({ enterpriseId: 'E1', userId: 'U300' })).toHaveLength(2);
      // The same person's workspace-scoped ledger is another one, untouched.
      expect(await repo.list({ teamId: 'T1', userId: 'U300' })).toEqual([]);
      expect(await getRoster(store.kv, { enterpriseId: 'E1', userId: 'U300' })).toBeDefined();
    } finally {
      await store.close();
    }
  });

  it('exits 2 without --user, without a team, with a bad user id or a bad store URL', async () => {
    expect((await cli(['import', file, '--team', 'T1'])).code).toBe(2);
    expect((await cli(['import', file, '--user', 'U1'])).code).toBe(2);
    expect((await cli(['import', file, '--user', 'u/1', '--team', 'T1'])).code).toBe(2);
    expect(
      (await cli(['import', file, '--user', 'U1', '--team', 'T1', '--store', 'mysql://x'])).code,
    ).toBe(2);
    expect((await cli(['import', '--user', 'U1', '--team', 'T1'])).code).toBe(2);
    expect((await cli(['check', '--user', 'U1', 'Hi'])).code).toBe(2);
    expect((await cli(['check', '--enterprise', 'E1', 'Hi'])).code).toBe(2);
    const badGrid = await cli(['import', file, '--user', 'U1', '--enterprise', 'e-1']);
    expect(badGrid.code).toBe(2);
    expect(badGrid.err).toContain('enterprise id');
  });
});

describe('importSummaryLines', () => {
  it('lists ten skipped rows and counts the rest', () => {
    const skipped = Array.from({ length: 13 }, (_, i) => ({ line: i + 2, reason: 'no recipient' }));
    const lines = importSummaryLines({ imported: 1, alreadyThere: 0, incoming: 0, skipped });
    expect(lines[0]).toBe('Added 1 pending invitation to your ledger.');
    expect(lines).toContain('Skipped 13 rows that could not be imported:');
    expect(lines).toContain('  line 11: no recipient');
    expect(lines).not.toContain('  line 12: no recipient');
    expect(lines.at(-1)).toBe('  …and 3 more');
  });
});
