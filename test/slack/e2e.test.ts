import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ACTION_ACCOUNT_TYPE } from '../../src/slack/ids.js';
import {
  AppUnderTest,
  commandBody,
  dmEvent,
  FORM,
  freshEvent,
  SIGNING_SECRET,
} from './harness/app-under-test.js';
import { sampleJson } from './harness/samples.js';
import { slackSignature } from './harness/signing.js';

// One app for the file: starting Bolt is the slow part; tests use their own users and channels.
let t: AppUnderTest;
beforeAll(async () => {
  t = await new AppUnderTest().start();
});
afterAll(async () => {
  await t?.stop();
});

type Block = { type: string; text?: { text: string }; elements?: { text: string }[] };
/** Everything a person would read in a message: the blocks' text, joined. */
function shown(message: Record<string, unknown>): string {
  return ((message.blocks as Block[]) ?? [])
    .flatMap((b) => [b.text?.text ?? '', ...(b.elements ?? []).map((e) => e.text)])
    .join('\n');
}

/**
 * Slack reads `<…>` in message text as a mention, a special mention or a link.
 * None of our replies has any: user text arrives escaped, our own text uses none.
 */
function expectNoSlackMarkup(message: Record<string, unknown>): void {
  const all = JSON.stringify([message.text, message.blocks]);
  expect(all).not.toMatch(/</);
}

function postsTo(channel: string) {
  return t.slack.callsTo('chat.postMessage').filter((c) => c.body.channel === channel);
}

/** Waits until `count` DM replies to `channel` reached the fake Web API, and returns them all. */
async function dmReplies(channel: string, count = 1) {
  await vi.waitFor(() => expect(postsTo(channel).length).toBeGreaterThanOrEqual(count), {
    timeout: 5000,
  });
  return postsTo(channel);
}

let channels = 0;
function newChannel(): string {
  channels++;
  return `DCHAN${channels}`;
}

/**
 * Sends a `help` DM on a fresh channel and waits for its answer. Bolt handles
 * events one request at a time in arrival order up to the first network call,
 * so anything sent before has been handled (or dropped) by then.
 */
async function settle(): Promise<void> {
  const channel = newChannel();
  await t.event(dmEvent('help', { channel }));
  await dmReplies(channel);
}

describe('/invite-check over HTTP', () => {
  it('answers ephemerally with verdict, length/limit and the account type', async () => {
    const res = await t.command(
      'Hi Sam, we met at the Lisbon meetup. Could I send you the article I mentioned?',
    );
    expect(res.status).toBe(200);
    const body = res.json();
    expect(body.response_type).toBe('ephemeral');
    expect(shown(body)).toMatch(/\d+\/200 characters · Basic account/);
    expect(shown(body)).toMatch(/Ready to send|Fix before sending/);
  });

  it('shows each finding with its level, the words at fault in context, and the fix', async () => {
    const res = await t.command('Hi [Name], we met at the Lisbon meetup last week. Coffee soon?');
    const text = shown(res.json());
    expect(text).toContain('Fix before sending');
    expect(text).toMatch(/:x: \*Error\*/);
    expect(text).toContain('> Hi *[Name]*, we met at the Lisbon meetup…');
    expect(text).toMatch(/\*Fix:\* \S/);
  });

  it('answers an empty command with a how-to and an example', async () => {
    const body = (await t.command('')).json();
    expect(shown(body)).toContain('Paste your invitation note after `/invite-check`');
    expect(shown(body)).toContain('`/invite-check Hi Sam');
    const help = (await t.command(' help ')).json();
    expect(shown(help)).toContain('I check LinkedIn connection-invitation notes');
  });

  it('escapes user text: a note holding special mentions and markup pings nobody', async () => {
    const note =
      '<!channel> <!here> Hi [Name] <@U0123ABC> <#C123|general> <!subteam^S1> see <https://x.test|this> & more';
    const body = (await t.command(note)).json();
    expectNoSlackMarkup(body);
    expect(shown(body)).toContain('&lt;!channel&gt; &lt;!here&gt; Hi *[Name]* &lt;@U0123ABC&gt;');
  });

  it('uses the account type chosen in the Home tab', async () => {
    // Checked once on the default first, so a remembered "basic" must give way.
    const first = (
      await t.command('Hi Sam, we met at the meetup.', { user_id: 'UPREMIUM1' })
    ).json();
    expect(shown(first)).toMatch(/\/200 characters · Basic account/);
    const action = sampleJson<Record<string, unknown>>('block-actions.home-tab.json');
    const payload = {
      ...action,
      user: { id: 'UPREMIUM1', username: 'p', name: 'p', team_id: 'T111' },
      team: { id: 'T111', domain: 'test' },
      actions: [
        {
          type: 'static_select',
          block_id: 'settings_account',
          action_id: ACTION_ACCOUNT_TYPE,
          selected_option: { text: { type: 'plain_text', text: 'Premium' }, value: 'premium' },
          action_ts: '1571318425.267782',
        },
      ],
    };
    const res = await t.interaction(payload);
    expect(res.status).toBe(200);
    await vi.waitFor(() =>
      expect(t.slack.callsTo('views.publish').some((c) => c.body.user_id === 'UPREMIUM1')).toBe(
        true,
      ),
    );
    const publish = t.slack.callsTo('views.publish').find((c) => c.body.user_id === 'UPREMIUM1');
    expect(JSON.stringify(publish?.body.view)).toContain(
      '"initial_option":{"text":{"type":"plain_text","text":"Premium',
    );
    expect(await t.storedKeys()).toContain('t/T111/u/UPREMIUM1/settings');

    const body = (
      await t.command('Hi Sam, we met at the Lisbon meetup. Coffee soon?', { user_id: 'UPREMIUM1' })
    ).json();
    expect(shown(body)).toMatch(/\/300 characters · Premium account/);
    // Another user of the same team still gets Basic.
    const other = (
      await t.command('Hi Sam, we met at the Lisbon meetup. Coffee soon?', { user_id: 'UOTHER1' })
    ).json();
    expect(shown(other)).toMatch(/\/200 characters · Basic account/);
  });

  it('works for an org-wide (Enterprise Grid) install', async () => {
    const body = commandBody('Hi Sam, we met at the Lisbon meetup. Coffee soon?', {
      enterprise_id: 'E111',
      enterprise_name: 'Sandbox Org',
      is_enterprise_install: 'true',
    });
    const res = await t.post(body, FORM);
    expect(res.status).toBe(200);
    expect(shown(res.json())).toMatch(/\/200 characters · Basic account/);
  });
});

describe('bad input gets a clear reply, no crash, nothing stored', () => {
  const cases: [string, string, RegExp][] = [
    ['empty text', '', /Paste your invitation note/],
    ['only spaces', '   \n\t ', /Paste your invitation note/],
    ['40 KB of text', 'a'.repeat(40 * 1024), /40,960 characters — more than any invitation note/],
    [
      'lone surrogates',
      `Hi [Name] \uD83D and \uDE00 we met at the meetup. Coffee?`,
      /characters · Basic account/,
    ],
    [
      'control characters',
      'Hi [Name]\u0000\u0007\u001b[31m we met\u007f at the meetup. Coffee?',
      /characters · Basic account/,
    ],
    [
      'RTL marks',
      '\u202eHi Sam\u200f, שלום, we met at the meetup\u202c. Coffee?',
      /characters · Basic account/,
    ],
    [
      'every kind of Slack markup',
      '<@U1> <#C1> <#C2|x> <!here> <!channel> <!everyone> <!subteam^S1|@team> <!date^1392734382^{date}|Feb 18> <https://a.test> <mailto:a@b.test|mail> &amp; &lt; &gt; *b* _i_ ~s~ `c` ```pre``` > quote :smile:',
      /characters · Basic account/,
    ],
    ['unbalanced markup', '<@U1 <!here <https://x.test| Hi > & <', /characters · Basic account/],
  ];

  for (const [name, note, expected] of cases) {
    it(`${name}: /invite-check`, async () => {
      const before = await t.storedKeys();
      const res = await t.command(note, { user_id: 'UBADINPUT' });
      expect(res.status).toBe(200);
      const body = res.json();
      expect(shown(body)).toMatch(expected);
      expectNoSlackMarkup(body);
      // Lone surrogates would reach Slack as \\udXXX escapes; pairs (emoji) are fine.
      expect(JSON.stringify(body)).not.toMatch(/\\ud[89a-f][0-9a-f]{2}/i);
      // Control characters (JSON escapes those below 0x20) are shown as U+FFFD.
      expect(JSON.stringify(body)).not.toMatch(/\\u00[01][0-9a-f]|\u007f/i);
      expect(await t.storedKeys()).toEqual(before);
    });
  }

  // Events come as JSON, which (unlike a form body) can carry lone surrogates as \\udXXX.
  for (const [name, note, expected] of cases) {
    it(`${name}: direct message`, async () => {
      const before = await t.storedKeys();
      const channel = newChannel();
      expect((await t.event(dmEvent(note, { channel }, 'UBADINPUT'))).status).toBe(200);
      const [reply] = await dmReplies(channel);
      const body = reply?.body ?? {};
      expect(shown(body)).toMatch(expected);
      expectNoSlackMarkup(body);
      expect(JSON.stringify(body)).not.toMatch(/\\ud[89a-f][0-9a-f]{2}/i);
      expect(JSON.stringify(body)).not.toMatch(/\\u00[01][0-9a-f]|\u007f/i);
      expect(await t.storedKeys()).toEqual(before);
    });
  }

  it('never logs note text', async () => {
    await t.command('Hi Zanzibarquux, we met at the meetup. Coffee?');
    const channel = newChannel();
    await t.event(dmEvent('Hello Zanzibarquux, we met at the meetup.', { channel }));
    await dmReplies(channel);
    expect(t.logs.join('\n')).not.toContain('Zanzibarquux');
    expect(t.logs.join('\n')).toMatch(/length=\d+/);
  });
});

describe('direct messages', () => {
  it('checks a DM and answers in the DM', async () => {
    const channel = newChannel();
    const res = await t.event(
      dmEvent('Hi [Name], I came across your profile. <!here>', { channel }),
    );
    expect(res.status).toBe(200);
    const [reply] = await dmReplies(channel);
    expect(reply?.body.channel).toBe(channel);
    expect(shown(reply?.body ?? {})).toMatch(/Fix before sending/);
    expectNoSlackMarkup(reply?.body ?? {});
  });

  it('answers help with what the bot does', async () => {
    const channel = newChannel();
    await t.event(dmEvent('Help', { channel }));
    const [reply] = await dmReplies(channel);
    expect(shown(reply?.body ?? {})).toContain('I check LinkedIn connection-invitation notes');
  });

  it('ignores bot messages, edits and other subtypes', async () => {
    const bot = freshEvent('event-message-bot.bolt-python.json');
    const botSubtype = freshEvent('event-message-bot_message-subtype.json');
    const edit = freshEvent('event-message-changed.json');
    const ignored = [bot, botSubtype, edit].map((e) => ({
      ...e,
      event: { ...e.event, channel: 'DIGNORED1', channel_type: 'im' },
    }));
    for (const e of ignored) expect((await t.event(e)).status).toBe(200);
    // And a message in a channel, not a DM.
    await t.event(freshEvent('event-message-user.bolt-python.json'));
    await settle();
    expect(postsTo('DIGNORED1')).toEqual([]);
    expect(postsTo('C111')).toEqual([]);
  });

  it('answers a retried event (X-Slack-Retry-Num) only once', async () => {
    const channel = newChannel();
    const event = dmEvent('Hi Sam, we met at the meetup. Coffee?', { channel });
    await t.event(event);
    await dmReplies(channel);
    const retry = await t.event(event, {
      'x-slack-retry-num': '1',
      'x-slack-retry-reason': 'http_timeout',
    });
    expect(retry.status).toBe(200);
    await settle();
    expect(postsTo(channel)).toHaveLength(1);
  });
});

describe('App Home', () => {
  it('publishes the Home tab with the commands and the settings control', async () => {
    const envelope = freshEvent('event-app-home-opened.json');
    envelope.event = { ...envelope.event, user: 'UHOME1' };
    await t.event(envelope);
    await vi.waitFor(() =>
      expect(t.slack.callsTo('views.publish').some((c) => c.body.user_id === 'UHOME1')).toBe(true),
    );
    const view = t.slack.callsTo('views.publish').find((c) => c.body.user_id === 'UHOME1')?.body
      .view as {
      type: string;
      blocks: { accessory?: { action_id: string; initial_option: { value: string } } }[];
    };
    expect(view.type).toBe('home');
    expect(JSON.stringify(view)).toContain('/invite-check');
    const select = view.blocks.find((b) => b.accessory?.action_id === ACTION_ACCOUNT_TYPE);
    expect(select?.accessory?.initial_option.value).toBe('basic');
  });

  it('does not publish when the Messages tab is opened', async () => {
    const envelope = freshEvent('event-app-home-opened.json');
    envelope.event = { ...envelope.event, user: 'UMSGTAB1', tab: 'messages' };
    delete envelope.event.view;
    await t.event(envelope);
    await settle();
    expect(t.slack.callsTo('views.publish').filter((c) => c.body.user_id === 'UMSGTAB1')).toEqual(
      [],
    );
  });
});

describe('request verification', () => {
  it('answers url_verification with the challenge', async () => {
    const challenge = sampleJson<{ challenge: string }>('event-url-verification.json');
    const res = await t.post(JSON.stringify(challenge), 'application/json');
    expect(res.status).toBe(200);
    expect(res.text).toContain(challenge.challenge);
  });

  it('refuses a forged signature with 401 and runs nothing', async () => {
    const channel = newChannel();
    const body = JSON.stringify(dmEvent('Hi Sam, we met at the meetup.', { channel }));
    const ts = Math.floor(Date.now() / 1000);
    const res = await t.post(body, 'application/json', {
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': slackSignature('not-the-secret', ts, body),
    });
    expect(res.status).toBe(401);
    const cmd = await t.post(commandBody('Hi Sam'), FORM, { 'x-slack-signature': 'v0=deadbeef' });
    expect(cmd.status).toBe(401);
    await settle();
    expect(postsTo(channel)).toEqual([]);
  });

  it('refuses a timestamp older than five minutes with 401 and runs nothing', async () => {
    const channel = newChannel();
    const body = JSON.stringify(dmEvent('Hi Sam, we met at the meetup.', { channel }));
    const old = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await t.post(body, 'application/json', {
      'x-slack-request-timestamp': String(old),
      'x-slack-signature': slackSignature(SIGNING_SECRET, old, body),
    });
    expect(res.status).toBe(401);
    await settle();
    expect(postsTo(channel)).toEqual([]);
  });
});
