import { describe, expect, it } from 'vitest';
import { parseInvitationsCsv } from '../../src/import/invitations-csv.js';
import { importId, importInvitations, importInvitationsCsv } from '../../src/ledger/import.js';
import { LedgerRepository } from '../../src/ledger/store.js';
import { type LedgerKv, memoryLedgerKv } from '../../src/store/kv.js';

const CSV = [
  'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl',
  'Me,Jane Doe,"3/5/26, 1:45 AM","Hi Jane, loved your ""pricing"" talk 👋🏽",OUTGOING,https://www.linkedin.com/in/me,https://www.linkedin.com/in/jane-doe',
  'Me,Sam Roe,2026-06-01 08:00 UTC,,OUTGOING,https://www.linkedin.com/in/me,',
  'Kim Lee,Me,2026-06-02 08:00 UTC,Hello,INCOMING,https://www.linkedin.com/in/kim,https://www.linkedin.com/in/me',
].join('\r\n');

const scope = { teamId: 'T1', userId: 'U1' };

describe('importInvitations', () => {
  it('adds outgoing invitations as pending imports, measuring notes without keeping them', async () => {
    const map = new Map<string, unknown>();
    const repo = new LedgerRepository(memoryLedgerKv(map));
    const { invitations } = await parseInvitationsCsv(CSV);
    expect(await importInvitations(repo, scope, invitations)).toEqual({
      imported: 2,
      alreadyThere: 0,
      incoming: 1,
      skipped: [],
    });
    const entries = await repo.list(scope);
    expect(
      entries.map((e) => [e.recipient, e.sentAt, e.personalised, e.noteLength, e.source]),
    ).toEqual([
      [
        { name: 'Jane Doe', profileUrl: 'https://www.linkedin.com/in/jane-doe/' },
        '2026-03-05T01:45:00.000Z',
        true,
        36, // the waving hand with its skin tone is one character
        'import',
      ],
      [{ name: 'Sam Roe' }, '2026-06-01T08:00:00.000Z', false, 0, 'import'],
    ]);
    expect(entries.every((e) => e.history.length === 1 && e.history[0]?.status === 'pending')).toBe(
      true,
    );
    expect(JSON.stringify([...map])).not.toContain('pricing');
  });

  it('keeps whether each note gave context and a next step, never the text', async () => {
    const map = new Map<string, unknown>();
    const repo = new LedgerRepository(memoryLedgerKv(map));
    const csv = [
      'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl',
      'Me,Ana Diaz,2026-06-01 08:00 UTC,"Hi Ana, we met at the Lisbon Rust meetup last week. Coffee when you are next in town?",OUTGOING,,',
      'Me,Bo Chen,2026-06-02 08:00 UTC,"Hi Bo, I would like to add you to my professional network.",OUTGOING,,',
      'Me,Cy Park,2026-06-03 08:00 UTC,"Hi Cy, I’d like to add you to my network. Could we have a quick call about hiring?",OUTGOING,,',
      'Me,Di Roe,2026-06-04 08:00 UTC,,OUTGOING,,',
    ].join('\r\n');
    await importInvitations(repo, scope, (await parseInvitationsCsv(csv)).invitations);
    const traits = Object.fromEntries(
      (await repo.list(scope)).map((e) => [e.recipient.name, e.traits ?? 'none']),
    );
    expect(traits).toEqual({
      'Ana Diaz': { context: true, nextStep: true },
      'Bo Chen': { context: false, nextStep: false },
      'Cy Park': { context: false, nextStep: true },
      'Di Roe': 'none',
    });
    const stored = JSON.stringify([...map]);
    for (const words of ['Lisbon', 'professional network', 'hiring']) {
      expect(stored).not.toContain(words);
    }
  });

  it('importing the same export again adds nothing', async () => {
    const repo = new LedgerRepository(memoryLedgerKv());
    const { invitations } = await parseInvitationsCsv(CSV);
    await importInvitations(repo, scope, invitations);
    expect(await importInvitations(repo, scope, invitations)).toEqual({
      imported: 0,
      alreadyThere: 2,
      incoming: 1,
      skipped: [],
    });
    expect(await repo.list(scope)).toHaveLength(2);
  });

  it('skips a send already logged by hand within a day and a half', async () => {
    const repo = new LedgerRepository(memoryLedgerKv());
    await repo.logSend(scope, {
      recipient: { name: 'sam roe' },
      noteLength: 0,
      source: 'check',
      sentAt: new Date('2026-06-02T19:00:00Z'),
    });
    const { invitations } = await parseInvitationsCsv(CSV);
    expect(await importInvitations(repo, scope, invitations)).toEqual({
      imported: 1,
      alreadyThere: 1,
      incoming: 1,
      skipped: [],
    });
  });

  it('gives the same id to the same invitation however its URL is spelt', () => {
    const base = {
      to: 'Jane',
      from: 'Me',
      sentAt: new Date('2026-03-05T01:45:00Z'),
      message: '',
      direction: 'OUTGOING' as const,
    };
    expect(importId({ ...base, inviteeProfileUrl: 'https://www.linkedin.com/in/Jane/' })).toBe(
      importId({ ...base, inviteeProfileUrl: 'linkedin.com/in/jane' }),
    );
    expect(importId(base)).not.toBe(
      importId({ ...base, sentAt: new Date('2026-03-06T01:45:00Z') }),
    );
  });

  it('skips a row with a name or a message too long for the ledger, lists its line, and imports the rest', async () => {
    const repo = new LedgerRepository(memoryLedgerKv());
    const csv = [
      'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl',
      'Me,Ana Diaz,2026-06-01 08:00 UTC,,OUTGOING,,',
      `Me,${'N'.repeat(201)},2026-06-02 08:00 UTC,,OUTGOING,,`,
      `Me,Bo Chen,2026-06-03 08:00 UTC,"${'m'.repeat(10_001)}",OUTGOING,,`,
      'Me,Cy Park,2026-06-04 08:00 UTC,Hi Cy,OUTGOING,,',
    ].join('\r\n');
    const summary = await importInvitationsCsv(repo, scope, csv);
    expect(summary).toEqual({
      imported: 2,
      alreadyThere: 0,
      incoming: 0,
      skipped: [
        { line: 3, reason: 'the recipient name is longer than 200 characters' },
        { line: 4, reason: 'the message is longer than 10,000 characters' },
      ],
    });
    expect((await repo.list(scope)).map((e) => e.recipient.name)).toEqual(['Ana Diaz', 'Cy Park']);
    // Uploading it again gives the same answer, not an error forever.
    expect(await importInvitationsCsv(repo, scope, csv)).toMatchObject({
      imported: 0,
      alreadyThere: 2,
      skipped: summary.skipped,
    });
  });

  it('reads the ledger once, not once per row, and writes in batches', async () => {
    const calls = { get: 0, set: 0, setMany: 0, scans: 0 };
    const memory = memoryLedgerKv();
    const kv: LedgerKv = {
      ...memory,
      get: (key) => {
        calls.get++;
        return memory.get(key);
      },
      set: (key, value) => {
        calls.set++;
        return memory.set(key, value);
      },
      setMany: async (entries) => {
        calls.setMany++;
        for (const [key, value] of entries) await memory.set(key, value);
      },
      scanPages: (prefix) => {
        calls.scans++;
        return (memory.scanPages as NonNullable<LedgerKv['scanPages']>)(prefix);
      },
    };
    // Where the store can compare and set, a batch is one conditional write with the ledger's summary.
    const conditional = memory.conditional as NonNullable<LedgerKv['conditional']>;
    kv.conditional = {
      ...conditional,
      setIfUnchanged: (guard, token, entries) => {
        if (entries.length > 1) calls.setMany++;
        return conditional.setIfUnchanged(guard, token, entries);
      },
    };
    const repo = new LedgerRepository(kv);
    const csv = manyRows(1_200);
    expect((await importInvitationsCsv(repo, scope, csv)).imported).toBe(1_200);
    expect(calls).toEqual({ get: 0, set: 0, setMany: 3, scans: 1 });
    expect((await importInvitationsCsv(repo, scope, csv)).alreadyThere).toBe(1_200);
    expect(calls).toEqual({ get: 0, set: 0, setMany: 3, scans: 2 });
  });

  it('lets the event loop run while it imports: other users are served meanwhile', async () => {
    const repo = new LedgerRepository(memoryLedgerKv());
    let turns = 0;
    let counting = true;
    const count = () => {
      turns++;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    // A memory store never waits on I/O: any turn of the loop during the import is one it gave.
    const csv = manyRows(3_000);
    const summary = await importInvitationsCsv(repo, scope, csv);
    counting = false;
    expect(summary.imported).toBe(3_000);
    // Read 64 KB at a time, the file alone gives a turn per slice after the first.
    expect(turns).toBeGreaterThanOrEqual(Math.floor(Buffer.byteLength(csv) / 65_536));
    expect(turns).toBeGreaterThan(5);
  });
});

function manyRows(n: number): string {
  const rows = ['From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl'];
  for (let i = 0; i < n; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const note = `"Hi Person ${i}, we met at the ""Rust"" meetup in Lisbon last week.\nCoffee when you are next in town?"`;
    rows.push(
      `Me,Person ${i},2026-05-${day} 08:00 UTC,${note},OUTGOING,https://www.linkedin.com/in/me,https://www.linkedin.com/in/person-${i}`,
    );
  }
  return rows.join('\r\n');
}
