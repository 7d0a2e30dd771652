import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ACTION_LOG_ANYWAY } from '../../src/slack/ids.js';
import { AppUnderTest, commandBody, dmEvent, FORM } from './harness/app-under-test.js';
import { sampleJson } from './harness/samples.js';

// Every recipient name, typed, carried back by a button or imported, gets the
// same checks; and no reply quotes user text with its bidi controls
// (U+202A–202E, U+2066–2069), which would reorder what is shown.
let t: AppUnderTest;
beforeAll(async () => {
  t = await new AppUnderTest().start();
});
afterAll(async () => {
  await t?.stop();
});

type Json = Record<string, unknown>;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
const RLO = '\u202E';

function newUser(): string {
  return `U${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
}

async function command(user: string, name: string, text: string, hook = randomUUID()) {
  const res = await t.post(
    commandBody(text, { command: name, user_id: user, response_url: t.slack.responseUrl(hook) }),
    FORM,
  );
  expect(res.status).toBe(200);
  return res.text === '' ? {} : res.json();
}

async function ledgerNames(user: string, team = 'T111'): Promise<string[]> {
  const entries = await t.deps().ledger.list({ teamId: team, userId: user });
  return entries.map((e) => e.recipient.name ?? '');
}

describe('one check for every name', () => {
  it('a typed name with a bidi override is refused with a friendly line, and nothing is stored', async () => {
    const user = newUser();
    const reply = await command(user, '/invite-log', `sent Ana ${RLO}gnp.exe`);
    expect(JSON.stringify(reply)).toContain('invisible text-direction characters');
    expect(JSON.stringify(reply)).not.toMatch(BIDI);
    expect(await ledgerNames(user)).toEqual([]);
  });

  for (const [what, name] of [
    ['a broadcast', '<!channel>'],
    ['a bidi override', `Eve ${RLO}lave`],
    ['a control character', 'Eve\u0007'],
  ] as const) {
    it(`"Log it anyway" carrying a name with ${what} logs nothing`, async () => {
      const user = newUser();
      const sample = sampleJson<Json>('block-actions.json');
      const value = JSON.stringify({ n: name, u: 'https://www.linkedin.com/in/eve/' });
      const res = await t.interaction({
        ...sample,
        user: { id: user, username: 'u', team_id: 'T111' },
        team: { id: 'T111', domain: 'test' },
        container: { type: 'message', message_ts: '1700000000.000100', is_ephemeral: true },
        response_url: t.slack.responseUrl(`anyway-${user}`),
        actions: [{ type: 'button', block_id: 'x', action_id: ACTION_LOG_ANYWAY, value }],
      });
      expect(res.status).toBe(200);
      await vi.waitFor(() =>
        expect(t.logs.some((l) => l.includes(`unreadable button value from user ${user}`))).toBe(
          true,
        ),
      );
      expect(await ledgerNames(user)).toEqual([]);
    });
  }

  it('an imported name with a bidi override or a mention never reaches the ledger', async () => {
    const user = 'UNAMESIMPORT';
    const csv = [
      'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl',
      `Me,Eve ${RLO}lave,2026-06-01 08:00 UTC,,OUTGOING,,`,
      'Me,<@U0ADMIN>,2026-06-02 08:00 UTC,,OUTGOING,,',
    ].join('\r\n');
    t.slack.files.set('FNAMES', { body: csv });
    const channel = 'DNAMES1';
    await t.event(
      dmEvent(
        '',
        {
          subtype: 'file_share',
          channel,
          files: [
            {
              id: 'FNAMES',
              name: 'Invitations.csv',
              filetype: 'csv',
              size: csv.length,
              url_private_download: t.slack.fileUrl('FNAMES'),
            },
          ],
        },
        user,
      ),
    );
    await vi.waitFor(
      () =>
        expect(t.slack.callsTo('chat.postMessage').some((c) => c.body.channel === channel)).toBe(
          true,
        ),
      { timeout: 5000 },
    );
    const reply = t.slack.callsTo('chat.postMessage').find((c) => c.body.channel === channel);
    expect(JSON.stringify(reply?.body)).not.toMatch(BIDI);
    // The message.im sample's team.
    expect(await ledgerNames(user, 'T123ABC456')).toEqual([]);
  });
});

describe('bidi controls never reach a reply', () => {
  it('/invite-check quotes the note without them', async () => {
    const reply = await command(
      newUser(),
      '/invite-check',
      `Hi {name}, ${RLO}we\u2066 met at the Lisbon meetup. Coffee next week?`,
    );
    const all = JSON.stringify(reply);
    expect(all).toContain('Hi *{name}*, we met at');
    expect(all).not.toMatch(BIDI);
  });

  it('a DM is answered without them, rule messages included', async () => {
    const channel = 'DNAMES2';
    await t.event(dmEvent(`Hi [Company] ${RLO}friend, loved your talk.`, { channel }));
    await vi.waitFor(
      () =>
        expect(t.slack.callsTo('chat.postMessage').some((c) => c.body.channel === channel)).toBe(
          true,
        ),
      { timeout: 5000 },
    );
    const reply = t.slack.callsTo('chat.postMessage').find((c) => c.body.channel === channel);
    expect(JSON.stringify(reply?.body)).toContain('[Company]');
    expect(JSON.stringify(reply?.body)).not.toMatch(BIDI);
  });
});
