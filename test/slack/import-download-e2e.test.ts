import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { slackFileOrigins } from '../../src/slack/listeners/events/direct-message.js';
import { AppUnderTest, dmEvent } from './harness/app-under-test.js';

// Downloads of a shared Invitations.csv follow redirects only within Slack's
// hosts: the bot token must never reach anyone else.
let t: AppUnderTest;
/** A host that is not Slack's, recording what reaches it. */
let elsewhere: Server;
let elsewhereUrl = '';
const reachedElsewhere: IncomingHttpHeaders[] = [];
beforeAll(async () => {
  t = await new AppUnderTest().start();
  elsewhere = createServer((req, res) => {
    reachedElsewhere.push(req.headers);
    res.setHeader('content-type', 'text/csv');
    res.end(EXPORT);
  }).listen(0, '127.0.0.1');
  await once(elsewhere, 'listening');
  // Same machine, another origin: "localhost" and another port.
  elsewhereUrl = `http://localhost:${(elsewhere.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await t?.stop();
  elsewhere?.closeAllConnections();
  await new Promise((resolve) => elsewhere?.close(resolve));
});

const TEAM = 'T123ABC456';
const EXPORT = [
  'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl',
  'Me,Ana Lima,2026-06-01 08:00 UTC,,OUTGOING,https://www.linkedin.com/in/me,https://www.linkedin.com/in/ana-lima',
].join('\r\n');

let channels = 0;
function share(user: string, fileId: string) {
  channels++;
  const channel = `DDOWNLOAD${channels}`;
  const file = {
    id: fileId,
    name: 'Invitations.csv',
    filetype: 'csv',
    mimetype: 'text/csv',
    size: EXPORT.length,
    url_private_download: t.slack.fileUrl(fileId),
  };
  return {
    channel,
    envelope: dmEvent('', { subtype: 'file_share', channel, files: [file] }, user),
  };
}

async function replyIn(channel: string): Promise<string> {
  const replies = () =>
    t.slack.callsTo('chat.postMessage').filter((c) => c.body.channel === channel);
  await vi.waitFor(() => expect(replies().length).toBeGreaterThan(0), { timeout: 5000 });
  return String(replies()[0]?.body.text);
}

describe('file downloads and redirects', () => {
  it('refuses a redirect to a host that is not Slack’s: nothing is sent there, nothing imported', async () => {
    t.slack.files.set('FR1', { body: '', redirect: `${elsewhereUrl}/steal` });
    const { channel, envelope } = share('UDOWNLOAD1', 'FR1');
    await t.event(envelope);
    expect(await replyIn(channel)).toContain('could not download that file');
    expect(reachedElsewhere).toEqual([]);
    expect(await t.deps().ledger.list({ teamId: TEAM, userId: 'UDOWNLOAD1' })).toEqual([]);
    expect(t.logs.some((l) => l.includes(`refusing to send the token to ${elsewhereUrl}`))).toBe(
      true,
    );
  });

  it('follows a redirect within Slack’s file host, with the token', async () => {
    t.slack.files.set('FR2', { body: '', redirect: t.slack.fileUrl('FR3') });
    t.slack.files.set('FR3', { body: EXPORT });
    const { channel, envelope } = share('UDOWNLOAD2', 'FR2');
    await t.event(envelope);
    expect(await replyIn(channel)).toContain('Added 1 pending invitation');
    expect(t.slack.callsTo('/files/FR3')[0]?.headers.authorization).toBe('Bearer xoxb-test-token');
  });

  it('gives up after a few redirects', async () => {
    t.slack.files.set('FR4', { body: '', redirect: t.slack.fileUrl('FR4') });
    const { channel, envelope } = share('UDOWNLOAD3', 'FR4');
    await t.event(envelope);
    expect(await replyIn(channel)).toContain('could not download that file');
    expect(t.slack.callsTo('/files/FR4')).toHaveLength(4);
  });
});

describe('the file host follows SLACK_API_URL', () => {
  it("is Slack's by default and GovSlack's for GovSlack, beside the API's own origin", () => {
    expect(slackFileOrigins('https://slack.com/api/')).toEqual([
      'https://files.slack.com',
      'https://slack.com',
    ]);
    expect(slackFileOrigins('https://slack-gov.com/api/')).toEqual([
      'https://files.slack-gov.com',
      'https://slack-gov.com',
    ]);
  });
});
