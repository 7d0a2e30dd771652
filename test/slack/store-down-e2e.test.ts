/**
 * A store that is down or hung, through the real Bolt HTTP receiver: every
 * command still answers within Slack's 3 seconds, saying "I could not reach
 * your ledger" where it needs the ledger, and the app stops within 10 s.
 * Unreachable = a closed local port; hung = a server that accepts and never
 * answers. No Redis or Postgres is needed for these.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { VIEW_LOG_RECIPIENT } from '../../src/slack/ids.js';
import { AppUnderTest, commandBody, FORM, freshEvent } from './harness/app-under-test.js';
import { closedPort, hungServer } from './harness/bad-stores.js';
import { sampleJson } from './harness/samples.js';

type Json = Record<string, unknown>;

/** Slack's limit for an ack (and so for an answer the user sees). */
const SLACK_MS = 3000;

function shown(message: Json): string {
  const blocks = (message.blocks as { text?: { text?: string } }[] | undefined) ?? [];
  return [String(message.text ?? ''), ...blocks.map((b) => b.text?.text ?? '')].join('\n');
}

const scenarios: Array<{ name: string; url(): Promise<string>; cleanup?(): Promise<void> }> = [];
for (const kind of ['redis', 'postgres'] as const) {
  const url = (port: number) =>
    kind === 'redis' ? `redis://127.0.0.1:${port}` : `postgresql://postgres@127.0.0.1:${port}/test`;
  scenarios.push({
    name: `${kind} that cannot be reached`,
    url: async () => url(await closedPort()),
  });
  let hung: Awaited<ReturnType<typeof hungServer>> | undefined;
  scenarios.push({
    name: `${kind} that accepts and never answers`,
    async url() {
      hung = await hungServer();
      return url(hung.port);
    },
    cleanup: async () => hung?.close(),
  });
}

describe.each(scenarios)('the app on a $name', { timeout: 20_000 }, (scenario) => {
  let t: AppUnderTest;
  let hooks = 0;
  const user = () => `U${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;

  beforeAll(async () => {
    t = await new AppUnderTest({
      store: { url: await scenario.url(), table: 'down_test' },
    }).start();
  });
  afterAll(async () => {
    await scenario.cleanup?.();
  });

  async function command(command: string, text: string, userId: string) {
    const hook = `down-${++hooks}`;
    const started = Date.now();
    const res = await t.post(
      commandBody(text, {
        command,
        user_id: userId,
        response_url: t.slack.responseUrl(hook),
        trigger_id: `trig-${hook}`,
      }),
      FORM,
    );
    const ackMs = Date.now() - started;
    expect(res.status).toBe(200);
    return { reply: res.text === '' ? {} : res.json(), hook, ackMs, started };
  }

  /** The ack if it holds the answer, else the first message to response_url, and when it came. */
  async function answer(sent: Awaited<ReturnType<typeof command>>) {
    if (sent.reply.text !== undefined && !/Working on it/.test(String(sent.reply.text)))
      return { message: sent.reply, ms: sent.ackMs };
    await vi.waitFor(
      () => expect(t.slack.callsTo(`response_url:${sent.hook}`).length).toBeGreaterThan(0),
      { timeout: 10_000, interval: 20 },
    );
    return {
      message: t.slack.callsTo(`response_url:${sent.hook}`)[0]?.body as Json,
      ms: Date.now() - sent.started,
    };
  }

  it('/invite-log sent answers within 3 s that it could not reach the ledger', async () => {
    const sent = await command('/invite-log', 'sent Jane Park', user());
    expect(sent.ackMs).toBeLessThan(SLACK_MS);
    const { message, ms } = await answer(sent);
    expect(shown(message)).toMatch(/could not reach your ledger/);
    expect(ms).toBeLessThan(SLACK_MS);
  });

  it('/invite-coach status and export answer, saying the ledger could not be reached', async () => {
    for (const sub of ['status', 'export']) {
      const sent = await command('/invite-coach', sub, user());
      expect(sent.ackMs).toBeLessThan(SLACK_MS);
      const { message, ms } = await answer(sent);
      expect(shown(message)).toMatch(/could not reach your ledger/);
      expect(ms).toBeLessThan(SLACK_MS);
    }
  });

  it('/invite-coach help and /invite-check answer at once: they need no ledger', async () => {
    const help = await command('/invite-coach', 'help', user());
    expect(help.ackMs).toBeLessThan(SLACK_MS);
    expect(shown(help.reply)).toMatch(/invite-coach/);
    const check = await command(
      '/invite-check',
      'Hi Sam, we met at the Lisbon meetup. Coffee?',
      user(),
    );
    expect(check.ackMs).toBeLessThan(SLACK_MS);
    expect(shown(check.reply)).toMatch(/characters/);
  });

  it('the "I sent it" form is acked within 3 s with the reason, not left to time out', async () => {
    const submission = sampleJson<Json & { view: Json }>('view-submission.bolt-python.json');
    const userId = user();
    const started = Date.now();
    const res = await t.interaction({
      ...submission,
      user: { id: userId, username: 'u', name: 'u', team_id: 'T111' },
      team: { id: 'T111', domain: 'test' },
      view: {
        ...submission.view,
        id: `V${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`,
        callback_id: VIEW_LOG_RECIPIENT,
        private_metadata: JSON.stringify({ s: 'check', l: 90, t: '11' }),
        state: { values: { recipient: { value: { type: 'plain_text_input', value: 'Sam Lee' } } } },
      },
    });
    expect(Date.now() - started).toBeLessThan(SLACK_MS);
    expect(res.status).toBe(200);
    const body = res.json() as { response_action?: string; errors?: { recipient?: string } };
    expect(body.response_action).toBe('errors');
    expect(body.errors?.recipient).toMatch(/could not reach your ledger/);
  });

  it('App Home is still published, with the ledger said to be unreadable', async () => {
    const userId = user();
    const envelope = freshEvent('event-app-home-opened.json');
    envelope.event = { ...envelope.event, user: userId };
    const res = await t.event(envelope);
    expect(res.status).toBe(200);
    await vi.waitFor(
      () =>
        expect(t.slack.callsTo('views.publish').some((c) => c.body.user_id === userId)).toBe(true),
      { timeout: SLACK_MS + 2000, interval: 20 },
    );
  });

  it('stops within 10 s whatever the store does', async () => {
    const started = Date.now();
    await t.stop();
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
