/**
 * After an Invitations.csv import from the DM, the user's Home tab is
 * republished with the new pending invitations; a Home that cannot be
 * published costs the import reply nothing. Over the real HTTP receiver.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppUnderTest, dmEvent } from './harness/app-under-test.js';

// The team of the message.im sample: the ledger's scope.
const TEAM = 'T123ABC456';
const EXPORT = [
  'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl',
  'Me,Ana Lima,2026-06-01 08:00 UTC,,OUTGOING,https://www.linkedin.com/in/me,https://www.linkedin.com/in/ana-lima',
  'Me,Bo Chen,2026-06-02 08:00 UTC,,OUTGOING,https://www.linkedin.com/in/me,https://www.linkedin.com/in/bo-chen',
].join('\r\n');

let t: AppUnderTest;
beforeAll(async () => {
  t = await new AppUnderTest().start();
});
afterAll(async () => {
  await t?.stop();
});

function shareCsv(user: string, fileId: string, channel: string, body = EXPORT) {
  t.slack.files.set(fileId, { body });
  const file = {
    id: fileId,
    name: 'Invitations.csv',
    filetype: 'csv',
    mimetype: 'text/csv',
    size: Buffer.byteLength(body),
    url_private_download: t.slack.fileUrl(fileId),
  };
  return t.event(dmEvent('', { subtype: 'file_share', channel, files: [file] }, user));
}

function publishedFor(user: string): string[] {
  return t.slack
    .callsTo('views.publish')
    .filter((c) => c.body.user_id === user)
    .map((c) => (typeof c.body.view === 'string' ? c.body.view : JSON.stringify(c.body.view)));
}

function repliesIn(channel: string) {
  return t.slack.callsTo('chat.postMessage').filter((c) => c.body.channel === channel);
}

describe('Home after an import', () => {
  it('is republished with the imported pending invitations, after the reply', async () => {
    const user = 'UIMPHOME1';
    expect((await shareCsv(user, 'FH1', 'DIMPHOME1')).status).toBe(200);
    await vi.waitFor(() => expect(publishedFor(user)).toHaveLength(1), { timeout: 5000 });
    const home = publishedFor(user)[0] ?? '';
    expect(home).toContain('Pending invitations (2)');
    expect(home).toContain('*Ana Lima*');
    expect(repliesIn('DIMPHOME1')).toHaveLength(1);
    expect(await t.deps().ledger.pending({ teamId: TEAM, userId: user })).toHaveLength(2);
  });

  it('a Home that Slack refuses does not cost the import reply', async () => {
    const user = 'UIMPHOME3';
    t.slack.responses.set('views.publish', 'api-error-invalid_arguments.views.publish.json');
    try {
      await shareCsv(user, 'FH4', 'DIMPHOME3');
      await vi.waitFor(
        () =>
          expect(t.logs.some((l) => l.includes(`home publish failed for user ${user}`))).toBe(true),
        { timeout: 5000 },
      );
    } finally {
      t.slack.responses.delete('views.publish');
    }
    expect(repliesIn('DIMPHOME3')).toHaveLength(1);
    expect(String(repliesIn('DIMPHOME3')[0]?.body.text)).toContain('Added 2 pending invitations');
  });
});
