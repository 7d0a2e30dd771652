import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIEW_LOG_RECIPIENT } from '../../src/slack/ids.js';
import { AppUnderTest, commandBody, FORM, SIGNING_SECRET } from './harness/app-under-test.js';
import { sampleJson } from './harness/samples.js';
import { signedHeaders } from './harness/signing.js';

// Payloads the app did not build, through the real HTTP receiver: each is
// acked at once (Bolt answers 404 after three seconds to what no listener
// acks, and Slack shows the user an error), and only its id is logged.
let t: AppUnderTest;
beforeAll(async () => {
  t = await new AppUnderTest().start();
});
afterAll(async () => {
  await t?.stop();
});

type Payload = Record<string, unknown> & { view: Record<string, unknown> };

describe('payloads the app does not expect', () => {
  it("acks a button from an older version of the app (Slack's sample) and logs its id only", async () => {
    const payload = sampleJson('block-actions.json');
    const before = t.slack.calls.length;
    const res = await t.interaction(payload);
    expect(res.status).toBe(200);
    const line = t.logs.find((l) => l.includes('unknown action id'));
    expect(line).toContain('WaXA');
    expect(line).toContain('UA8RXUSPL');
    // Neither the button's value nor the message's text is logged.
    expect(t.logs.join('\n')).not.toContain('click_me_123');
    expect(t.logs.join('\n')).not.toContain("can't be displayed");
    // Nothing was said to anyone (Bolt's own auth.test at start aside).
    const said = t.slack.calls.slice(before).filter((c) => c.target !== 'auth.test');
    expect(said.map((c) => c.target)).toEqual([]);
  });

  it('acks a submission of a modal the app no longer has, and logs its callback id', async () => {
    const payload = sampleJson<Payload>('view-submission.json');
    const res = await t.interaction(payload);
    expect(res.status).toBe(200);
    expect(t.logs.some((l) => /unknown view callback id modal-with-inputs/.test(l))).toBe(true);
    expect(t.logs.join('\n')).not.toContain('private_metadata');
  });

  it('acks a submission without view.state instead of failing in the handler', async () => {
    const payload = sampleJson<Payload>('view-submission.json');
    const { state: _state, ...view } = payload.view;
    const res = await t.interaction({
      ...payload,
      view: { ...view, callback_id: VIEW_LOG_RECIPIENT, private_metadata: '{"s":"check","l":40}' },
    });
    expect(res.status).toBe(200);
    expect(
      t.logs.some((l) => l.includes(`view ${VIEW_LOG_RECIPIENT} submitted without its state`)),
    ).toBe(true);
    expect(t.logs.some((l) => /^error/.test(l))).toBe(false);
  });

  it('answers a slash command the app no longer has with what it offers', async () => {
    const res = await t.post(
      commandBody('Hi Sam', { command: '/invite-old', response_url: t.slack.responseUrl('old') }),
      FORM,
    );
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ response_type: 'ephemeral' });
    expect(res.json().text).toMatch(/^I do not answer that command any more\. Try \/invite-check/);
    expect(t.logs.some((l) => l.includes('unknown command /invite-old from user U111'))).toBe(true);
  });

  it('masks an id that is not a plain word before logging it', async () => {
    const payload = sampleJson<{ actions: Record<string, unknown>[] }>('block-actions.json');
    const res = await t.interaction({
      ...payload,
      actions: [{ ...payload.actions[0], action_id: 'old\nforged line <@U1> secret-note' }],
    });
    expect(res.status).toBe(200);
    const line = t.logs.find((l) => l.includes('unknown action id old'));
    expect(line).toBe(
      'warn unknown action id old?forged?line???U1??secret-note from user UA8RXUSPL',
    );
  });
});

describe("Slack's timestamp rule, five minutes either way", () => {
  const nowSeconds = () => Math.floor(Date.now() / 1000);
  const signedAt = (timestamp: number) => {
    const body = commandBody('Hi Sam, we met at the Lisbon meetup.', {
      response_url: t.slack.responseUrl(`ts-${timestamp}`),
    });
    return t.post(body, FORM, signedHeaders(SIGNING_SECRET, body, FORM, timestamp));
  };

  for (const [label, ahead] of [
    ['ten minutes', 10 * 60],
    ['ten years', 10 * 365 * 24 * 3600],
  ] as const) {
    it(`refuses a well-signed request timestamped ${label} in the future with 401`, async () => {
      const res = await signedAt(nowSeconds() + ahead);
      expect(res.status).toBe(401);
      expect(res.text).toBe('');
      expect(
        t.logs.some((l) => l.includes('timestamped more than five minutes in the future')),
      ).toBe(true);
    });
  }

  it('still answers a request whose clock runs a little ahead (within five minutes)', async () => {
    const res = await signedAt(nowSeconds() + 4 * 60);
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/characters/);
  });
});
