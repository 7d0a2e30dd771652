import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppUnderTest, dmEvent } from './harness/app-under-test.js';

let t: AppUnderTest;
beforeAll(async () => {
  t = await new AppUnderTest().start();
});
afterAll(async () => {
  await t?.stop();
});

// The team of the message.im sample: the ledger's scope.
const TEAM = 'T123ABC456';
const HEADER = 'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl';
const EXPORT = [
  `\uFEFF${HEADER}`,
  'Me,Ana Lima,"3/5/26, 1:45 AM","Hi Ana, we met at ""PyData"".\nCoffee?",OUTGOING,https://www.linkedin.com/in/me,https://www.linkedin.com/in/ana-lima',
  'Me,Bo Chen,2026-06-01 08:00 UTC,,OUTGOING,https://www.linkedin.com/in/me,https://www.linkedin.com/in/bo-chen',
  'Cy,Me,2026-06-02 08:00 UTC,,INCOMING,https://www.linkedin.com/in/cy,https://www.linkedin.com/in/me',
  'Me,<!channel>,someday,,OUTGOING,,',
].join('\r\n');

let channels = 0;
function fileShare(
  user: string,
  file: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) {
  channels++;
  const channel = `DIMPORT${channels}`;
  return {
    channel,
    envelope: dmEvent('', { subtype: 'file_share', channel, files: [file], ...extra }, user),
  };
}

function repliesTo(channel: string) {
  return t.slack.callsTo('chat.postMessage').filter((c) => c.body.channel === channel);
}

async function replyTo(channel: string, n = 1): Promise<string> {
  await vi.waitFor(() => expect(repliesTo(channel).length).toBeGreaterThanOrEqual(n), {
    timeout: 5000,
  });
  return String(repliesTo(channel)[n - 1]?.body.text);
}

function csvFile(id: string, body: string, fields: Record<string, unknown> = {}) {
  t.slack.files.set(id, { body });
  return {
    id,
    name: 'Invitations.csv',
    filetype: 'csv',
    mimetype: 'text/csv',
    size: Buffer.byteLength(body),
    url_private_download: t.slack.fileUrl(id),
    ...fields,
  };
}

describe('Invitations.csv uploaded in the DM', () => {
  it('imports the OUTGOING rows, lists skipped lines, and adds nothing twice', async () => {
    const user = 'UIMPORT1';
    const first = fileShare(user, csvFile('F1', EXPORT));
    expect((await t.event(first.envelope)).status).toBe(200);
    const text = await replyTo(first.channel);
    expect(text).toContain('Added 2 pending invitations');
    expect(text).toContain('Already in your ledger: 0.');
    expect(text).toContain('Incoming invitations ignored: 1.');
    expect(text).toContain('line 6: unreadable date "someday"');
    // The download went to Slack's file URL with the bot token.
    const download = t.slack.callsTo('/files/F1')[0];
    expect(download?.headers.authorization).toBe('Bearer xoxb-test-token');

    const pending = await t.deps().ledger.pending({ teamId: TEAM, userId: user });
    expect(pending.map((e) => e.recipient.name).sort()).toEqual(['Ana Lima', 'Bo Chen']);

    const again = fileShare(user, csvFile('F2', EXPORT));
    await t.event(again.envelope);
    const second = await replyTo(again.channel);
    expect(second).toContain('Added 0 pending invitations');
    expect(second).toContain('Already in your ledger: 2.');
    expect(await t.deps().ledger.pending({ teamId: TEAM, userId: user })).toHaveLength(2);
  });

  it('a check after the import shows the budget line, though the ledger was empty before', async () => {
    const user = 'UIMPORT10';
    const note = 'Hi Sam, we met at the Lisbon meetup. Coffee soon?';
    const before = fileShare(user, csvFile('F11', EXPORT));
    await t.event(dmEvent(note, { channel: before.channel }, user));
    expect(await replyTo(before.channel)).not.toMatch(/pending/);
    await t.event(before.envelope);
    expect(await replyTo(before.channel, 2)).toContain('Added 2 pending invitations');
    await t.event(dmEvent(note, { channel: before.channel }, user));
    await replyTo(before.channel, 3);
    expect(JSON.stringify(repliesTo(before.channel)[2]?.body.blocks)).toContain('2 pending');
  });

  it('refuses a file that is not a CSV, without downloading it', async () => {
    const { channel, envelope } = fileShare('UIMPORT2', {
      id: 'F3',
      name: 'photo.png',
      filetype: 'png',
      mimetype: 'image/png',
      size: 1000,
      url_private_download: t.slack.fileUrl('F3'),
    });
    await t.event(envelope);
    expect(await replyTo(channel)).toContain('photo.png is not a CSV file');
    expect(t.slack.callsTo('/files/F3')).toEqual([]);
  });

  it('refuses a 20 MB file by its size, without downloading it', async () => {
    const { channel, envelope } = fileShare(
      'UIMPORT3',
      csvFile('F4', HEADER, { size: 20 * 1024 * 1024 }),
    );
    await t.event(envelope);
    expect(await replyTo(channel)).toContain('20.0 MB');
    expect(t.slack.callsTo('/files/F4')).toEqual([]);
  });

  it('says which columns a CSV with the wrong header lacks', async () => {
    const { channel, envelope } = fileShare(
      'UIMPORT4',
      csvFile('F5', 'Name,Email\r\nAna,ana@example.com\r\n', { name: 'contacts.csv' }),
    );
    await t.event(envelope);
    const text = await replyTo(channel);
    expect(text).toContain("not LinkedIn's Invitations.csv");
    expect(text).toContain('Sent At');
    expect(await t.deps().ledger.list({ teamId: TEAM, userId: 'UIMPORT4' })).toEqual([]);
  });

  it('says so when Slack does not hand over the file', async () => {
    const { channel, envelope } = fileShare('UIMPORT5', {
      ...csvFile('F6', EXPORT),
      url_private_download: t.slack.fileUrl('missing'),
    });
    await t.event(envelope);
    expect(await replyTo(channel)).toContain('could not download');
  });

  it('never sends the token to another host than Slack', async () => {
    const { channel, envelope } = fileShare('UIMPORT6', {
      ...csvFile('F7', EXPORT),
      url_private_download: 'https://attacker.example/Invitations.csv',
    });
    await t.event(envelope);
    expect(await replyTo(channel)).toContain('could not download');
  });

  it('stops reading a file that is bigger than its size field said', async () => {
    const huge = `${HEADER}\r\n${'x'.repeat(11 * 1024 * 1024)}`;
    const { channel, envelope } = fileShare('UIMPORT8', csvFile('F9', huge, { size: 100 }));
    await t.event(envelope);
    expect(await replyTo(channel)).toContain('is over 10 MB');
    expect(await t.deps().ledger.list({ teamId: TEAM, userId: 'UIMPORT8' })).toEqual([]);
  });

  it('asks files.info for a file shared without its URLs', async () => {
    const full = csvFile('F10', EXPORT);
    t.slack.answers.set('files.info', { ok: true, file: full });
    try {
      const { channel, envelope } = fileShare('UIMPORT9', {
        id: 'F10',
        file_access: 'check_file_info',
      });
      await t.event(envelope);
      expect(await replyTo(channel)).toContain('Added 2 pending invitations');
      expect(t.slack.callsTo('files.info').at(-1)?.body.file).toBe('F10');
    } finally {
      t.slack.answers.delete('files.info');
    }
  });

  it('other message subtypes stay ignored', async () => {
    const { channel, envelope } = fileShare('UIMPORT7', csvFile('F8', EXPORT), {
      subtype: 'message_changed',
    });
    await t.event(envelope);
    // A help DM on the same channel afterwards is the only reply there.
    await t.event(dmEvent('help', { channel }, 'UIMPORT7'));
    await replyTo(channel);
    expect(repliesTo(channel)).toHaveLength(1);
    expect(t.slack.callsTo('/files/F8')).toEqual([]);
  });

  it('skips a row with a 201-character name or a 10,001-character message and lists its line', async () => {
    const user = 'UIMPORT11';
    const body = [
      HEADER,
      'Me,Ana Lima,2026-06-01 08:00 UTC,,OUTGOING,,https://www.linkedin.com/in/ana-lima',
      `Me,${'N'.repeat(201)},2026-06-02 08:00 UTC,,OUTGOING,,`,
      `Me,Bo Chen,2026-06-03 08:00 UTC,"${'m'.repeat(10_001)}",OUTGOING,,`,
      'Me,Cy Park,2026-06-04 08:00 UTC,Hi Cy,OUTGOING,,',
    ].join('\r\n');
    for (const [n, id] of [
      [1, 'F12'],
      [2, 'F13'],
    ] as const) {
      const upload = fileShare(user, csvFile(id, body));
      await t.event(upload.envelope);
      const text = await replyTo(upload.channel);
      expect(text).toContain(
        n === 1 ? 'Added 2 pending invitations' : 'Already in your ledger: 2.',
      );
      expect(text).toContain('line 3: the recipient name is longer than 200 characters');
      expect(text).toContain('line 4: the message is longer than 10,000 characters');
      expect(text).not.toContain('Upload it again');
    }
    const pending = await t.deps().ledger.pending({ teamId: TEAM, userId: user });
    expect(pending.map((e) => e.recipient.name)).toEqual(['Ana Lima', 'Cy Park']);
  });

  it('names the line of a stray quote, and adds nothing', async () => {
    const user = 'UIMPORT12';
    const body = [
      HEADER,
      'Me,Ana Lima,2026-06-01 08:00 UTC,,OUTGOING,,',
      'Me,Bo "the boss" Chen,2026-06-02 08:00 UTC,,OUTGOING,,',
    ].join('\r\n');
    const { channel, envelope } = fileShare(user, csvFile('F14', body));
    await t.event(envelope);
    expect(await replyTo(channel)).toContain('line 3 has a stray quote');
    expect(await t.deps().ledger.list({ teamId: TEAM, userId: user })).toEqual([]);
  });

  it("answers another user's check while a 4,000-row export is imported again", async () => {
    const user = 'UIMPORT13';
    const rows = [HEADER];
    for (let i = 0; i < 4_000; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      rows.push(
        `Me,Person ${i},2026-05-${day} 08:00 UTC,"Hi Person ${i}, we met at the Lisbon meetup. Coffee?",OUTGOING,https://www.linkedin.com/in/me,https://www.linkedin.com/in/person-${i}`,
      );
    }
    const body = rows.join('\r\n');
    const first = fileShare(user, csvFile('F15', body));
    await t.event(first.envelope);
    await vi.waitFor(() => expect(repliesTo(first.channel)).toHaveLength(1), { timeout: 60_000 });
    expect(await replyTo(first.channel)).toContain('Added 4000 pending invitations');

    // The second upload finds every row already there: before, matching each
    // row against the whole ledger held the event loop for seconds.
    const again = fileShare(user, csvFile('F16', body), { channel: first.channel });
    await t.event({
      ...again.envelope,
      event: { ...again.envelope.event, channel: first.channel },
    });
    await vi.waitFor(() => expect(t.slack.callsTo('/files/F16')).toHaveLength(1));
    const check = await t.command('Hi Sam, we met at the Lisbon meetup. Coffee soon?', {
      user_id: 'UOTHER13',
    });
    expect(check.status).toBe(200);
    expect(JSON.stringify(check.json())).toMatch(/characters/);
    // The other user had their answer while the import was still under way.
    expect(repliesTo(first.channel)).toHaveLength(1);
    expect(await replyTo(first.channel, 2)).toContain('Already in your ledger: 4000.');
  }, 120_000);
});
