/**
 * "I sent it" from the "Check my edit" modal, end to end over the real HTTP
 * receiver: a ready edit offers the button, the button asks who it went to
 * on top of the modal, and the answer logs the send (length and traits, never text).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ACTION_I_SENT_IT, VIEW_DRAFT_EDIT, VIEW_LOG_RECIPIENT } from '../../src/slack/ids.js';
import { AppUnderTest } from './harness/app-under-test.js';
import { sampleJson } from './harness/samples.js';

type Json = Record<string, unknown>;
type View = {
  callback_id: string;
  private_metadata?: string;
  blocks: Array<{
    type: string;
    element?: { initial_value?: string };
    elements?: Array<{ action_id?: string; value?: string }>;
  }>;
};

const TEAM = 'T111';
const READY =
  'Hi Sam, we met at the Lisbon product meetup last week. Loved your talk on pricing pages. Could I send you the article I mentioned?';

let t: AppUnderTest;
beforeAll(async () => {
  t = await new AppUnderTest().start();
  // views.push answers like views.open (the view as stored); Slack's spec has no separate sample.
  t.slack.responses.set('views.push', 'api-views.open.json');
});
afterAll(async () => {
  await t?.stop();
});

/** A view_submission from Slack's sample, for one of our modals. */
async function submit(user: string, view: Partial<View> & { id?: string }, values: Json) {
  const sample = sampleJson<Json & { view: Json }>('view-submission.bolt-python.json');
  const res = await t.interaction({
    ...sample,
    user: { id: user, username: 'u', name: 'u', team_id: TEAM },
    team: { id: TEAM, domain: 'test' },
    view: { ...sample.view, ...view, state: { values } },
  });
  expect(res.status).toBe(200);
  return res.json() as { response_action: string; view?: View; errors?: Json };
}

function checkEdit(user: string, note: string) {
  return submit(
    user,
    { callback_id: VIEW_DRAFT_EDIT, private_metadata: 'basic' },
    { note: { value: { type: 'plain_text_input', value: note } } },
  );
}

function sentButton(view: View | undefined) {
  return view?.blocks
    .flatMap((b) => b.elements ?? [])
    .find((e) => e.action_id === ACTION_I_SENT_IT);
}

describe('"I sent it" in the Check my edit modal', () => {
  it('is offered under a ready edit and not under one to fix', async () => {
    const ready = await checkEdit('UEDIT1', READY);
    expect(ready.response_action).toBe('update');
    expect(JSON.stringify(ready.view)).toContain('Ready to send');
    expect(sentButton(ready.view)).toBeDefined();
    const toFix = await checkEdit('UEDIT1', 'Hi {name}, I would like to add you to my network.');
    expect(JSON.stringify(toFix.view)).toContain('Fix before sending');
    expect(sentButton(toFix.view)).toBeUndefined();
  });

  it('asks who it went to on top of the modal, then logs the send', async () => {
    const user = 'UEDIT2';
    const checked = await checkEdit(user, READY);
    const button = sentButton(checked.view);
    const sample = sampleJson<Json & { view: Json }>('block-actions.home-tab.json');
    const trigger = '24571818370.22717085937.edit2';
    const res = await t.interaction({
      ...sample,
      user: { id: user, username: 'u', name: 'u', team_id: TEAM },
      team: { id: TEAM, domain: 'test' },
      trigger_id: trigger,
      view: { ...sample.view, type: 'modal', callback_id: VIEW_DRAFT_EDIT, blocks: [] },
      actions: [
        {
          type: 'button',
          block_id: 'sent',
          action_id: ACTION_I_SENT_IT,
          text: { type: 'plain_text', text: 'I sent it' },
          value: button?.value,
          action_ts: '1571318425.267782',
        },
      ],
    });
    expect(res.status).toBe(200);
    await vi.waitFor(() =>
      expect(t.slack.callsTo('views.push').some((c) => c.body.trigger_id === trigger)).toBe(true),
    );
    // A modal is open: views.open would be refused.
    expect(t.slack.callsTo('views.open').some((c) => c.body.trigger_id === trigger)).toBe(false);
    const pushed = t.slack.callsTo('views.push').find((c) => c.body.trigger_id === trigger)?.body
      .view as View | string;
    const asked = (typeof pushed === 'string' ? JSON.parse(pushed) : pushed) as View;
    expect(asked.callback_id).toBe(VIEW_LOG_RECIPIENT);
    expect(asked.blocks[0]?.element?.initial_value).toBe('Sam');

    const answer = await submit(
      user,
      { id: 'VEDIT2LOG', callback_id: asked.callback_id, private_metadata: asked.private_metadata },
      { recipient: { value: { type: 'plain_text_input', value: 'Sam Lee' } } },
    );
    expect(answer.response_action).toBe('update');
    expect(JSON.stringify(answer.view)).toContain('Logged your invitation to *Sam Lee*');
    const logged = await t.deps().ledger.list({ teamId: TEAM, userId: user });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      source: 'draft',
      noteLength: [...READY].length,
      personalised: true,
      recipient: { name: 'Sam Lee' },
      // Where they met, and an offer to send something.
      traits: { context: true, nextStep: true },
    });
  });
});
