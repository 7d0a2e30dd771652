/**
 * The ledger from Slack, end to end over the real Bolt HTTP receiver:
 * `/invite-log`, "Log it anyway", "I sent it" and its modal, the outcome
 * buttons and the budget line under check replies. The whole suite runs on
 * the SQLite file; the log → status flow runs on Redis and Postgres too.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { currentStatus, type LedgerRepository, storeLedger } from '../../src/ledger/index.js';
import {
  ACTION_I_SENT_IT,
  ACTION_LOG_ANYWAY,
  OUTCOME_ACTION_ID,
  VIEW_LOG_RECIPIENT,
} from '../../src/slack/ids.js';
import type { Store } from '../../src/store/store.js';
import { POSTGRES_URL, REDIS_URL, runId, serviceGate } from '../ledger/store/backends.js';
import { AppUnderTest, commandBody, dmEvent, FORM } from './harness/app-under-test.js';
import { sampleJson } from './harness/samples.js';

type Json = Record<string, unknown>;
type Element = {
  type?: string;
  text?: string | { text: string };
  action_id?: string;
  value?: string;
  options?: { value: string }[];
};
type Block = {
  type: string;
  block_id?: string;
  text?: { text: string };
  fields?: { text: string }[];
  elements?: Element[];
  accessory?: Element;
};

function blocksOf(message: Json): Block[] {
  return (message.blocks as Block[] | undefined) ?? [];
}
function shown(message: Json): string {
  return blocksOf(message)
    .flatMap((b) => [
      b.text?.text ?? '',
      ...(b.fields ?? []).map((f) => f.text),
      ...(b.elements ?? []).map((e) =>
        typeof e.text === 'string' ? e.text : (e.text?.text ?? ''),
      ),
    ])
    .join('\n');
}
function elements(message: Json, actionId: string): (Element & { block_id?: string })[] {
  const out: (Element & { block_id?: string })[] = [];
  for (const b of blocksOf(message)) {
    for (const e of [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])]) {
      if (e.action_id === actionId)
        out.push({ ...e, ...(b.block_id ? { block_id: b.block_id } : {}) });
    }
  }
  return out;
}
function only<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  return items[0] as T;
}

let hooks = 0;

/** A Slack user of our own per test, so that tests never share a ledger. */
function newUser(): string {
  return `U${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
}

class Driver {
  constructor(
    readonly t: AppUnderTest,
    readonly user: string,
  ) {}

  get repo(): LedgerRepository {
    return storeLedger(this.t.store);
  }
  get scope() {
    return { teamId: 'T111', userId: this.user };
  }

  /** Posts a slash command; returns the ack body and the hook its response_url points at. */
  async command(command: string, text: string) {
    const hook = `ledger-${++hooks}`;
    const res = await this.t.post(
      commandBody(text, {
        command,
        user_id: this.user,
        response_url: this.t.slack.responseUrl(hook),
        trigger_id: `trig-${hook}`,
      }),
      FORM,
    );
    expect(res.status).toBe(200);
    const reply: Json = res.text === '' ? {} : res.json();
    // A late answer comes after "Working on it…", through response_url: what the user then sees.
    if (reply.text === 'Working on it…' && reply.blocks === undefined) {
      const [followUp] = await this.responses(hook);
      return { reply: followUp ?? {}, hook };
    }
    return { reply, hook };
  }

  log(text: string) {
    return this.command('/invite-log', text);
  }

  async responses(hook: string, count = 1): Promise<Json[]> {
    await vi.waitFor(
      () =>
        expect(this.t.slack.callsTo(`response_url:${hook}`).length).toBeGreaterThanOrEqual(count),
      { timeout: 8000 },
    );
    return this.t.slack.callsTo(`response_url:${hook}`).map((c) => c.body);
  }

  /** A click on a button or an overflow option, as Slack posts it. */
  click(action: Json, hook: string, messageTs = '1700000000.000100') {
    const sample = sampleJson<Json>('block-actions.json');
    return this.t.interaction({
      ...sample,
      user: { id: this.user, username: 'u', name: 'u', team_id: 'T111' },
      team: { id: 'T111', domain: 'test' },
      container: { type: 'message', message_ts: messageTs, is_ephemeral: true },
      response_url: this.t.slack.responseUrl(hook),
      trigger_id: `trig-click-${hook}`,
      actions: [{ action_ts: '1548426417.840180', ...action }],
    });
  }

  /** The modal "I sent it" opened for this click. */
  async openedView(hook: string): Promise<Json> {
    const trigger = `trig-click-${hook}`;
    await vi.waitFor(() =>
      expect(this.t.slack.callsTo('views.open').some((c) => c.body.trigger_id === trigger)).toBe(
        true,
      ),
    );
    return this.t.slack.callsTo('views.open').find((c) => c.body.trigger_id === trigger)?.body
      .view as Json;
  }

  async submitRecipient(view: Json, recipient: string) {
    const submission = sampleJson<Json & { view: Json }>('view-submission.bolt-python.json');
    const res = await this.t.interaction({
      ...submission,
      user: { id: this.user, username: 'u', name: 'u', team_id: 'T111' },
      team: { id: 'T111', domain: 'test' },
      view: {
        ...submission.view,
        id: `V${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`,
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: { values: { recipient: { value: { type: 'plain_text_input', value: recipient } } } },
      },
    });
    expect(res.status).toBe(200);
    return res.json() as { response_action: string; view?: Json; errors?: Record<string, string> };
  }

  /** Every value stored under this user's ledger, as text. */
  async storedLedgerText(): Promise<string> {
    const keys = (await this.t.storedKeys()).filter((k) => k.includes(`/u/${this.user}/ledger/`));
    const values = await Promise.all(keys.map((k) => this.t.store.keyv.get(k)));
    return JSON.stringify([keys, values]);
  }
}

const NOTE =
  'Hi Sam, we met at the Lisbon product meetup last week. Loved your talk on pricing pages. Could I send you the article I mentioned?';

/** The log → outcome → status flow, on whichever store the app runs. */
async function logToStatusFlow(t: AppUnderTest): Promise<void> {
  const d = new Driver(t, newUser());
  // No ledger yet: the check reply has no budget line.
  const before = await d.command('/invite-check', NOTE);
  expect(shown(before.reply)).toContain('characters · Basic account');
  expect(shown(before.reply)).not.toContain('This week');

  const sent = await d.log('sent Jane Park');
  expect(shown(sent.reply)).toContain('Logged your invitation to *Jane Park* without a note.');
  expect(shown(sent.reply)).toContain('This week 1/100 · 1 pending · 3 personalised notes left');

  const after = await d.command('/invite-check', NOTE);
  expect(shown(after.reply)).toContain('This week 1/100 · 1 pending · 3 personalised notes left');

  const accepted = await d.log('accepted jane park');
  expect(shown(accepted.reply)).toContain('*Jane Park* was accepted');
  expect(shown(accepted.reply)).toContain('This week 1/100 · 0 pending');

  const entries = await d.repo.list(d.scope);
  expect(entries.map((e) => [e.recipient.name, e.source, currentStatus(e)])).toEqual([
    ['Jane Park', 'manual', 'accepted'],
  ]);
}

// The app's clock: a fixed Thursday that then runs on, so that sends logged one
// after the other keep their order, whatever today's date is.
const STARTED = new Date('2026-03-19T12:00:00Z');
const startedAt = performance.now();
const clock = () => new Date(STARTED.getTime() + Math.round(performance.now() - startedAt));

describe('the ledger in Slack (SQLite)', () => {
  let t: AppUnderTest;
  beforeAll(async () => {
    t = await new AppUnderTest({ clock }).start();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('log → outcome → budget line, end to end', async () => {
    await logToStatusFlow(t);
  });

  it('answers /invite-log alone and help with the usage, storing nothing', async () => {
    const d = new Driver(t, newUser());
    for (const text of ['', 'help', '  HELP ']) {
      const { reply } = await d.log(text);
      expect(reply.response_type).toBe('ephemeral');
      expect(shown(reply)).toContain('/invite-log sent Jane Park');
    }
    const { reply } = await d.log('frobnicate Jane');
    expect(shown(reply)).toContain('I know `sent`');
    expect(await d.repo.list(d.scope)).toEqual([]);
  });

  it('refuses bad input kindly and stores nothing: empty, 5 KB, mentions, broadcast, links', async () => {
    const d = new Driver(t, newUser());
    const huge = `Jane ${'x'.repeat(5 * 1024)}`;
    const cases: [string, string][] = [
      ['sent', 'Say who the invitation went to'],
      ['sent    ', 'Say who the invitation went to'],
      [`sent ${huge}`, 'characters'],
      [`sent ${'z'.repeat(400)}`, 'a name or a profile address is much shorter'],
      [`sent Jane ${'y'.repeat(250)}`, 'longer than 200 characters'],
      ['sent <@U123ABC>', 'plain text'],
      ['sent <!channel>', 'plain text'],
      ['sent Jane &lt;script&gt;', 'plain text'],
      ['sent <https://example.com/in/jane|example.com>', 'not a LinkedIn profile address'],
      ['accepted <@U123ABC>', 'plain text'],
    ];
    for (const [text, expected] of cases) {
      const { reply } = await d.log(text);
      expect(reply.response_type).toBe('ephemeral');
      expect(shown(reply)).toContain(expected);
      expect(JSON.stringify(reply)).not.toContain('xxxxxxxxxx');
      expect(JSON.stringify(reply)).not.toContain('<@U123ABC>');
      expect(JSON.stringify(reply)).not.toContain('<!channel>');
    }
    expect(await d.repo.list(d.scope)).toEqual([]);
    expect(await d.storedLedgerText()).toBe('[[],[]]');
  });

  it('logs a send by profile URL, as Slack sends links', async () => {
    const d = new Driver(t, newUser());
    const { reply } = await d.log('sent <https://www.linkedin.com/in/Jane-Park/?trk=x>');
    expect(shown(reply)).toContain(
      'Logged your invitation to https://www.linkedin.com/in/jane-park/',
    );
    const [entry] = await d.repo.list(d.scope);
    expect(entry?.recipient).toEqual({ profileUrl: 'https://www.linkedin.com/in/jane-park/' });
  });

  it('says what LinkedIn would do before logging a second invite, and "Log it anyway" logs it once', async () => {
    const d = new Driver(t, newUser());
    await d.log('sent Jane Park');
    const { reply, hook } = await d.log('sent  jane   park');
    expect(shown(reply)).toContain('Before I log your invitation to *jane park*');
    expect(shown(reply)).toContain('already pending: LinkedIn will not send another');
    expect(await d.repo.list(d.scope)).toHaveLength(1);

    const anyway = only(elements(reply, ACTION_LOG_ANYWAY));
    expect(anyway.value?.length).toBeLessThan(2000);
    for (let click = 0; click < 2; click++) {
      const res = await d.click(
        { type: 'button', block_id: 'x', action_id: ACTION_LOG_ANYWAY, value: anyway.value },
        hook,
      );
      expect(res.status).toBe(200);
    }
    const [logged] = await d.responses(hook, 2);
    expect(logged).toMatchObject({ replace_original: true, response_type: 'ephemeral' });
    expect(shown(logged as Json)).toContain('Logged your invitation to *jane park*');
    expect(shown(logged as Json)).toContain('This week 2/100 · 2 pending');
    // The same click twice on one message is one invitation.
    const entries = await d.repo.list(d.scope);
    expect(entries.map((e) => [e.recipient.name, e.source])).toEqual([
      ['Jane Park', 'manual'],
      ['jane park', 'manual'],
    ]);
  });

  it('warns of the withdraw cooldown with the date it reopens, and of ignores', async () => {
    const d = new Driver(t, newUser());
    await d.log('sent Omar Haddad');
    expect(shown((await d.log('withdrawn Omar Haddad')).reply)).toContain('was withdrawn');
    const { reply } = await d.log('sent Omar Haddad');
    const text = shown(reply);
    expect(text).toContain('You withdrew an invitation to this person less than 21 days ago');
    // Three weeks after the withdrawal, on the app's clock.
    expect(text).toContain('until 2026-04-09');
    expect(elements(reply, ACTION_LOG_ANYWAY)).toHaveLength(1);

    await d.log('sent Lee Wong');
    await d.log('ignored Lee Wong');
    expect(shown((await d.log('sent Lee Wong')).reply)).toContain(
      'This person ignored an invitation: wait',
    );
    expect(await d.repo.list(d.scope)).toHaveLength(2);
  });

  it('sets an outcome by name, asks which one when several match, and says when none does', async () => {
    const d = new Driver(t, newUser());
    await d.log('sent Ana Lima');
    const second = await d.log('sent Ana Lima');
    await d.click(
      {
        type: 'button',
        block_id: 'x',
        action_id: ACTION_LOG_ANYWAY,
        value: only(elements(second.reply, ACTION_LOG_ANYWAY)).value,
      },
      second.hook,
    );
    await d.responses(second.hook);
    expect(await d.repo.pending(d.scope)).toHaveLength(2);

    const { reply, hook } = await d.log('accepted ANA LIMA');
    expect(shown(reply)).toContain('2 pending invitations match. Which one was accepted?');
    const picks = elements(reply, OUTCOME_ACTION_ID);
    expect(picks).toHaveLength(2);
    expect(await d.repo.pending(d.scope)).toHaveLength(2);

    const chosen = picks[1];
    const res = await d.click(
      {
        type: 'button',
        block_id: chosen?.block_id,
        action_id: OUTCOME_ACTION_ID,
        value: chosen?.value,
      },
      hook,
    );
    expect(res.status).toBe(200);
    const [answer] = await d.responses(hook);
    expect(answer).toMatchObject({ replace_original: true });
    expect(shown(answer as Json)).toContain('*Ana Lima* was accepted');
    const chosenId = chosen?.value?.split(':')[1];
    const entries = await d.repo.list(d.scope);
    expect(
      entries.map((e) => [e.id === chosenId ? 'chosen' : 'other', currentStatus(e)]).sort(),
    ).toEqual([
      ['chosen', 'accepted'],
      ['other', 'pending'],
    ]);

    // One pending left: recorded at once.
    expect(shown((await d.log('idk Ana Lima')).reply)).toContain(
      'answered "I don\'t know this person"',
    );
    // None left.
    const none = await d.log('ignored Ana Lima');
    expect(shown(none.reply)).toContain('I have no pending invitation to *Ana Lima*');
    expect(elements(none.reply, OUTCOME_ACTION_ID)).toEqual([]);
  });

  it('"I sent it" on a check: asks who, logs source check and the length, never the note', async () => {
    const d = new Driver(t, newUser());
    const { reply, hook } = await d.command('/invite-check', NOTE);
    const length = Number(/(\d+)\/200 characters/.exec(shown(reply))?.[1]);
    expect(length).toBeGreaterThan(100);
    const sentIt = only(elements(reply, ACTION_I_SENT_IT));
    expect(sentIt.value?.length).toBeLessThan(2000);
    expect(sentIt.value).not.toContain('Lisbon');

    await d.click(
      { type: 'button', block_id: 'x', action_id: ACTION_I_SENT_IT, value: sentIt.value },
      hook,
    );
    const view = await d.openedView(hook);
    expect(view.callback_id).toBe(VIEW_LOG_RECIPIENT);
    // The greeting's first name is only a prefill.
    expect(JSON.stringify(view.blocks)).toContain('"initial_value":"Sam"');

    const refused = await d.submitRecipient(view, '<@U999> Sam');
    expect(refused.response_action).toBe('errors');
    expect(refused.errors?.recipient).toContain('plain text');
    expect(await d.repo.list(d.scope)).toEqual([]);

    const answer = await d.submitRecipient(view, 'Sam Lee');
    expect(answer.response_action).toBe('update');
    const text = shown(answer.view as Json);
    expect(text).toContain(
      `Logged your invitation to *Sam Lee* with a note of ${length} characters.`,
    );
    expect(text).toContain('This week 1/100 · 1 pending · 2 personalised notes left this month');

    const [entry] = await d.repo.list(d.scope);
    expect(entry).toMatchObject({
      recipient: { name: 'Sam Lee' },
      source: 'check',
      personalised: true,
      noteLength: length,
      // The note says where they met and offers to send something.
      traits: { context: true, nextStep: true },
    });
    const stored = await d.storedLedgerText();
    expect(stored).toContain('Sam Lee');
    for (const words of ['Lisbon', 'pricing pages', 'article I mentioned'])
      expect(`${stored}\n${t.logs.join('\n')}`).not.toContain(words);

    // The next check shows the budget line.
    const next = await d.command('/invite-check', NOTE);
    expect(shown(next.reply)).toContain(
      'This week 1/100 · 1 pending · 2 personalised notes left this month',
    );
  });

  it('"I sent it" is under a check answered in a DM too', async () => {
    const channel = `D${randomUUID().replace(/-/g, '').slice(0, 9).toUpperCase()}`;
    expect((await t.event(dmEvent(NOTE, { channel }))).status).toBe(200);
    await vi.waitFor(() =>
      expect(t.slack.callsTo('chat.postMessage').some((c) => c.body.channel === channel)).toBe(
        true,
      ),
    );
    const posted = t.slack.callsTo('chat.postMessage').find((c) => c.body.channel === channel);
    const sentIt = only(elements(posted?.body as Json, ACTION_I_SENT_IT));
    expect(JSON.parse(sentIt.value ?? '')).toMatchObject({ s: 'check', n: 'Sam' });
  });

  it('"I sent it" on a draft logs source draft and the draft\'s length', async () => {
    const d = new Driver(t, newUser());
    const { hook } = await d.command(
      '/invite-draft',
      'Jane Park, met at SXSW on the podcasting panel, want to swap notes on audio ads',
    );
    const [draft] = await d.responses(hook);
    const length = Number(/(\d+)\/200 characters/.exec(shown(draft as Json))?.[1]);
    const sentIt = only(elements(draft as Json, ACTION_I_SENT_IT));
    // The draft says where they met; "11": context and a next step.
    expect(JSON.parse(sentIt.value ?? '')).toEqual({ s: 'draft', l: length, n: 'Jane', t: '11' });

    await d.click(
      { type: 'button', block_id: 'x', action_id: ACTION_I_SENT_IT, value: sentIt.value },
      hook,
    );
    const view = await d.openedView(hook);
    const answer = await d.submitRecipient(view, 'Jane Park');
    expect(shown(answer.view as Json)).toContain(`with a note of ${length} characters`);
    const [entry] = await d.repo.list(d.scope);
    expect(entry).toMatchObject({
      source: 'draft',
      personalised: true,
      noteLength: length,
      traits: { context: true, nextStep: true },
    });
    expect(await d.storedLedgerText()).not.toContain('SXSW');
  });

  it('"I sent it" keeps whether the note said how they know the person and a next step, never its words', async () => {
    const d = new Driver(t, newUser());
    const cold =
      'Hi Sam, I would like to add you to my professional network. Could we have a quick call about hiring?';
    const logged = async (note: string, recipient: string) => {
      const { reply, hook } = await d.command('/invite-check', note);
      const sentIt = only(elements(reply, ACTION_I_SENT_IT));
      await d.click(
        { type: 'button', block_id: 'x', action_id: ACTION_I_SENT_IT, value: sentIt.value },
        hook,
      );
      const answer = await d.submitRecipient(await d.openedView(hook), recipient);
      expect(answer.response_action).toBe('update');
      const entry = (await d.repo.findByRecipient(d.scope, { name: recipient }))[0];
      const raw = await t.store.keyv.get(`t/T111/u/${d.user}/ledger/send:${entry?.id}`);
      return { entry, raw: JSON.stringify(raw) };
    };

    const warm = await logged(NOTE, 'Sam Lee');
    expect(warm.entry?.traits).toEqual({ context: true, nextStep: true });
    expect(warm.raw).toContain('"traits":{"context":true,"nextStep":true}');

    const coldSend = await logged(cold, 'Sam Roe');
    expect(coldSend.entry?.traits).toEqual({ context: false, nextStep: true });
    expect(coldSend.raw).toContain('"traits":{"context":false,"nextStep":true}');

    for (const raw of [warm.raw, coldSend.raw]) {
      for (const words of [
        'Lisbon',
        'pricing',
        'article',
        'professional network',
        'hiring',
        'Hi Sam',
      ])
        expect(raw).not.toContain(words);
    }
  });

  it('"I sent it" from a button made before traits were kept still logs the send', async () => {
    const d = new Driver(t, newUser());
    const hook = `ledger-old-${++hooks}`;
    await d.click(
      {
        type: 'button',
        block_id: 'x',
        action_id: ACTION_I_SENT_IT,
        value: JSON.stringify({ s: 'check', l: 120, n: 'Sam' }),
      },
      hook,
    );
    const answer = await d.submitRecipient(await d.openedView(hook), 'Sam Lee');
    expect(shown(answer.view as Json)).toContain('with a note of 120 characters');
    const [entry] = await d.repo.list(d.scope);
    expect(entry).toMatchObject({ source: 'check', noteLength: 120 });
    expect(entry).not.toHaveProperty('traits');
  });

  it('"I sent it" with traits that make no sense logs nothing', async () => {
    const d = new Driver(t, newUser());
    const hook = `ledger-bad-${++hooks}`;
    const res = await d.click(
      {
        type: 'button',
        block_id: 'x',
        action_id: ACTION_I_SENT_IT,
        value: JSON.stringify({ s: 'check', l: 0, t: '11' }),
      },
      hook,
    );
    expect(res.status).toBe(200);
    await vi.waitFor(() =>
      expect(t.logs.some((l) => l.includes(`unreadable button value from user ${d.user}`))).toBe(
        true,
      ),
    );
    const refused = await d.submitRecipient(
      {
        callback_id: VIEW_LOG_RECIPIENT,
        private_metadata: JSON.stringify({ s: 'check', l: 90, t: 'yes' }),
      },
      'Sam Lee',
    );
    expect(refused.response_action).toBe('errors');
    expect(
      t.slack.callsTo('views.open').some((c) => c.body.trigger_id === `trig-click-${hook}`),
    ).toBe(false);
    expect(await d.repo.list(d.scope)).toEqual([]);
  });

  it('"I sent it" to someone already pending: logs it and shows LinkedIn\'s warning', async () => {
    const d = new Driver(t, newUser());
    await d.log('sent Sam Lee');
    const { reply, hook } = await d.command('/invite-check', NOTE);
    const sentIt = only(elements(reply, ACTION_I_SENT_IT));
    await d.click(
      { type: 'button', block_id: 'x', action_id: ACTION_I_SENT_IT, value: sentIt.value },
      hook,
    );
    const answer = await d.submitRecipient(await d.openedView(hook), 'sam lee');
    const text = shown(answer.view as Json);
    expect(text).toContain('already pending');
    expect(text).toContain('This week 2/100 · 2 pending');
    expect(await d.repo.list(d.scope)).toHaveLength(2);
  });

  it.each([
    ['/invite-log', 'pending'],
    ['/invite-coach', 'status'],
  ])(
    'the pending list from %s %s: an outcome from its menu updates the ledger and redraws it in place',
    async (command, sub) => {
      const d = new Driver(t, newUser());
      await d.log('sent Kai Berg');
      await d.log('sent Mia Roth');
      const listed = await d.command(command, sub);
      // /invite-log answers in the ack; /invite-coach status through response_url.
      const reply =
        blocksOf(listed.reply).length > 0
          ? listed.reply
          : ((await d.responses(listed.hook))[0] as Json);
      const hook = listed.hook;
      const before = t.slack.callsTo(`response_url:${hook}`).length;
      expect(shown(reply)).toContain('Pending invitations (2)');
      expect(shown(reply)).toContain('2 of 100');
      const menus = elements(reply, OUTCOME_ACTION_ID);
      expect(menus.map((m) => m.type)).toEqual(['overflow', 'overflow']);
      const kai = (await d.repo.list(d.scope)).find((e) => e.recipient.name === 'Kai Berg');
      const menu = menus.find((m) => m.block_id === `ledger_pending_${kai?.id}`);
      const withdraw = menu?.options?.find((o) => o.value.startsWith('withdrawn:'));
      expect(withdraw).toBeDefined();

      const res = await d.click(
        {
          type: 'overflow',
          block_id: menu?.block_id,
          action_id: OUTCOME_ACTION_ID,
          selected_option: {
            text: { type: 'plain_text', text: 'Withdrawn' },
            value: withdraw?.value,
          },
        },
        hook,
      );
      expect(res.status).toBe(200);
      const redrawn = (await d.responses(hook, before + 1))[before];
      expect(redrawn).toMatchObject({ replace_original: true });
      expect(shown(redrawn as Json)).toContain('Your invitation budget');
      const text = shown(redrawn as Json);
      expect(text).toContain('*Kai Berg* was withdrawn');
      expect(text).toContain('Pending invitations (1)');
      expect(text).toContain('Mia Roth');
      expect(elements(redrawn as Json, OUTCOME_ACTION_ID)).toHaveLength(1);
      const statuses = (await d.repo.list(d.scope)).map((e) => [
        e.recipient.name,
        currentStatus(e),
      ]);
      expect(statuses).toEqual([
        ['Kai Berg', 'withdrawn'],
        ['Mia Roth', 'pending'],
      ]);
    },
  );

  it("ignores a forged outcome value and cannot touch another user's entry", async () => {
    const owner = new Driver(t, newUser());
    await owner.log('sent Zoe Park');
    const [entry] = await owner.repo.list(owner.scope);
    const intruder = new Driver(t, newUser());
    const hook = `forged-${++hooks}`;
    await intruder.click(
      {
        type: 'button',
        block_id: 'x',
        action_id: OUTCOME_ACTION_ID,
        value: `accepted:${entry?.id}`,
      },
      hook,
    );
    const [answer] = await intruder.responses(hook);
    expect(shown(answer as Json)).toContain('not in your ledger');
    await intruder.click(
      { type: 'button', block_id: 'x', action_id: OUTCOME_ACTION_ID, value: 'accepted:../../x' },
      hook,
    );
    expect(currentStatus((await owner.repo.list(owner.scope))[0] as never)).toBe('pending');
  });
});

for (const backend of ['redis', 'postgres'] as const) {
  const gate = await serviceGate(backend);
  if (gate === 'skip') {
    describe.skip(`the ledger in Slack on ${backend} (service not running: SKIPPED)`, () => {
      it('needs the service', () => {});
    });
    continue;
  }
  describe(`the ledger in Slack on ${backend}`, () => {
    let t: AppUnderTest | undefined;
    const id = runId();
    beforeAll(async () => {
      if (gate === 'fail') return;
      const table = `slack_ledger_test_${id}`;
      t = await new AppUnderTest({
        store: {
          url: backend === 'redis' ? REDIS_URL : POSTGRES_URL,
          namespace: `icslack${id}`,
          ...(backend === 'postgres' ? { table } : {}),
          async dispose(store: Store) {
            if (backend === 'redis') {
              await store.keyv.clear();
              return;
            }
            const adapter = store.keyv.store as { query(sql: string): Promise<unknown> };
            await adapter.query(`DROP TABLE IF EXISTS public.${table}`);
          },
        },
      }).start();
    });
    afterAll(async () => {
      await t?.stop();
    });

    it('log → outcome → budget line, end to end', async () => {
      if (gate === 'fail') throw new Error(`REQUIRE_SERVICES=1 and ${backend} is not reachable.`);
      if (!t) throw new Error('the app did not start');
      expect(t.store.keyv.opts.namespace ?? '').toContain('icslack');
      await logToStatusFlow(t);
    });
  });
}
