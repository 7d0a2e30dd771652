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
});
