import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDrafter } from '../../src/draft/index.js';
import {
  ACTION_DRAFT_ANOTHER,
  ACTION_DRAFT_EDIT,
  ACTION_DRAFT_SHORTER,
  VIEW_DRAFT_EDIT,
  VIEW_DRAFT_FORM,
} from '../../src/slack/ids.js';
import { decodeState } from '../../src/slack/payload.js';
import { type FakeOpenAi, startFakeOpenAi } from '../draft/fake-openai.js';
import { AppUnderTest, commandBody, FORM } from './harness/app-under-test.js';
import { sampleJson } from './harness/samples.js';

const CONTEXT = 'Jane Park, met at SXSW on the podcasting panel, want to swap notes on audio ads';

let t: AppUnderTest;
beforeAll(async () => {
  t = await new AppUnderTest().start();
});
afterAll(async () => {
  await t?.stop();
});

type Block = {
  type: string;
  block_id?: string;
  text?: { text: string };
  elements?: Array<{ text: string | { text: string }; action_id?: string; value?: string }>;
};
function blocksOf(message: Record<string, unknown>): Block[] {
  return (message.blocks as Block[]) ?? [];
}
function shown(message: Record<string, unknown>): string {
  return blocksOf(message)
    .flatMap((b) => [
      b.text?.text ?? '',
      ...(b.elements ?? []).map((e) => (typeof e.text === 'string' ? e.text : e.text.text)),
    ])
    .join('\n');
}
function button(message: Record<string, unknown>, actionId: string) {
  for (const b of blocksOf(message))
    for (const e of b.elements ?? []) if (e.action_id === actionId) return e;
  throw new Error(`no ${actionId} button`);
}
/** The note as shown in the copyable block. */
function noteIn(message: Record<string, unknown>): string {
  const code = blocksOf(message).find((b) => b.text?.text.startsWith('```'));
  return (code?.text?.text ?? '').replace(/^```|```$/g, '');
}

let hooks = 0;
/** Posts /invite-draft and returns the ack and, once it arrives, what replaced it through response_url. */
async function draftCommand(text: string, user = 'UDRAFT1') {
  const hook = `draft-${++hooks}`;
  const ack = await t.post(
    commandBody(text, {
      command: '/invite-draft',
      user_id: user,
      response_url: t.slack.responseUrl(hook),
      trigger_id: `trig-${hook}`,
    }),
    FORM,
  );
  return { ack, hook };
}
async function responses(hook: string, count = 1) {
  await vi.waitFor(
    () => expect(t.slack.callsTo(`response_url:${hook}`).length).toBeGreaterThanOrEqual(count),
    { timeout: 8000 },
  );
  return t.slack.callsTo(`response_url:${hook}`).map((c) => c.body);
}

function clickPayload(actionId: string, value: string, hook: string) {
  const sample = sampleJson<Record<string, unknown>>('block-actions.json');
  return {
    ...sample,
    user: { id: 'UDRAFT1', username: 'u', name: 'u', team_id: 'T111' },
    team: { id: 'T111', domain: 'test' },
    response_url: t.slack.responseUrl(hook),
    trigger_id: `trig-click-${hook}`,
    actions: [
      {
        type: 'button',
        block_id: 'draft',
        action_id: actionId,
        value,
        action_ts: '1548426417.840180',
      },
    ],
  };
}

describe('/invite-draft over HTTP', () => {
  it('acks "Drafting…" at once, then replaces it with a ready draft and its buttons', async () => {
    const { ack, hook } = await draftCommand(CONTEXT);
    expect(ack.status).toBe(200);
    expect(ack.json()).toMatchObject({ response_type: 'ephemeral', text: 'Drafting…' });
    const [reply] = await responses(hook);
    expect(reply).toMatchObject({ replace_original: true, response_type: 'ephemeral' });
    const r = reply as Record<string, unknown>;
    expect(noteIn(r)).toMatch(
      /^Hi Jane, great meeting you at SXSW on the podcasting panel\..*swap notes on audio ads/,
    );
    expect(shown(r)).toMatch(/\d+\/200 characters · Basic · acquaintance · from the templates/);
    for (const id of [ACTION_DRAFT_ANOTHER, ACTION_DRAFT_SHORTER, ACTION_DRAFT_EDIT])
      expect(button(r, id)).toBeTruthy();
    expect(t.logs.join('\n')).not.toContain('SXSW');
  });

  it('gives another version and a shorter one from the buttons, replacing the message', async () => {
    const { hook } = await draftCommand(CONTEXT);
    const [first] = (await responses(hook)) as Record<string, unknown>[];
    const another = button(first as Record<string, unknown>, ACTION_DRAFT_ANOTHER).value as string;
    expect((await t.interaction(clickPayload(ACTION_DRAFT_ANOTHER, another, hook))).status).toBe(
      200,
    );
    const [, second] = (await responses(hook, 2)) as Record<string, unknown>[];
    expect(second).toMatchObject({ replace_original: true });
    expect(noteIn(second as Record<string, unknown>)).not.toBe(
      noteIn(first as Record<string, unknown>),
    );

    const shorter = button(second as Record<string, unknown>, ACTION_DRAFT_SHORTER).value as string;
    await t.interaction(clickPayload(ACTION_DRAFT_SHORTER, shorter, hook));
    const [, , third] = (await responses(hook, 3)) as Record<string, unknown>[];
    expect([...noteIn(third as Record<string, unknown>)].length).toBeLessThanOrEqual(
      decodeState(shorter)?.m as number,
    );
    expect(noteIn(third as Record<string, unknown>)).toContain('SXSW');
  });

  it('"Check my edit" opens the draft in a modal and checks the edit on submit', async () => {
    const { hook } = await draftCommand(CONTEXT);
    const [reply] = (await responses(hook)) as Record<string, unknown>[];
    const value = button(reply as Record<string, unknown>, ACTION_DRAFT_EDIT).value as string;
    await t.interaction(clickPayload(ACTION_DRAFT_EDIT, value, hook));
    await vi.waitFor(() =>
      expect(
        t.slack.callsTo('views.open').some((c) => c.body.trigger_id === `trig-click-${hook}`),
      ).toBe(true),
    );
    const opened = t.slack
      .callsTo('views.open')
      .find((c) => c.body.trigger_id === `trig-click-${hook}`);
    const view = opened?.body.view as {
      callback_id: string;
      blocks: Array<{ element?: { initial_value?: string } }>;
    };
    expect(view.callback_id).toBe(VIEW_DRAFT_EDIT);
    expect(view.blocks[0]?.element?.initial_value).toBe(noteIn(reply as Record<string, unknown>));

    const submission = sampleJson<Record<string, unknown> & { view: Record<string, unknown> }>(
      'view-submission.bolt-python.json',
    );
    const res = await t.interaction({
      ...submission,
      user: { id: 'UDRAFT1', username: 'u', name: 'u', team_id: 'T111' },
      view: {
        ...submission.view,
        callback_id: VIEW_DRAFT_EDIT,
        private_metadata: 'basic',
        state: {
          values: {
            note: {
              value: { type: 'plain_text_input', value: 'Hi {name}, <!channel> loved your talk' },
            },
          },
        },
      },
    });
    expect(res.status).toBe(200);
    const answer = res.json() as { response_action: string; view: { callback_id: string } };
    expect(answer.response_action).toBe('update');
    expect(answer.view.callback_id).toBe(VIEW_DRAFT_EDIT);
    // The input box holds plain text as typed; every mrkdwn block escapes it.
    const [input, ...report] = (answer.view as unknown as { blocks: unknown[] }).blocks;
    expect(JSON.stringify(input)).toContain('Hi {name}, <!channel> loved your talk');
    const text = JSON.stringify(report);
    expect(text).toContain('Fix before sending');
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).not.toContain('<!channel>');
  });

  it('opens the form when typed alone, and the form drafts into the DM', async () => {
    const { ack, hook } = await draftCommand('', 'UFORM1');
    expect(ack.status).toBe(200);
    await vi.waitFor(() =>
      expect(t.slack.callsTo('views.open').some((c) => c.body.trigger_id === `trig-${hook}`)).toBe(
        true,
      ),
    );
    const opened = t.slack.callsTo('views.open').find((c) => c.body.trigger_id === `trig-${hook}`);
    expect(opened?.body.view).toMatchObject({ callback_id: VIEW_DRAFT_FORM });

    const submission = sampleJson<Record<string, unknown> & { view: Record<string, unknown> }>(
      'view-submission.bolt-python.json',
    );
    const submit = (values: Record<string, unknown>) =>
      t.interaction({
        ...submission,
        user: { id: 'UFORM1', username: 'f', name: 'f', team_id: 'T111' },
        view: { ...submission.view, callback_id: VIEW_DRAFT_FORM, state: { values } },
      });
    const text = (value: string) => ({ value: { type: 'plain_text_input', value } });
    const select = (value: string) => ({
      value: { type: 'static_select', selected_option: { value } },
    });

    const missing = await submit({ name: text(''), how: text('') });
    expect(missing.json()).toEqual({
      response_action: 'errors',
      errors: {
        name: 'Who is the note for?',
        how: 'How do you know them, or why them? I will not make it up.',
      },
    });

    const ok = await submit({
      name: text('Dr. Amara Osei'),
      relationship: select('stranger'),
      how: text('read her book on supply chain resilience'),
      mutual: text('Priya Nair'),
      next: text(''),
      account: select('premium'),
    });
    expect(ok.status).toBe(200);
    await vi.waitFor(() =>
      expect(t.slack.callsTo('chat.postMessage').some((c) => c.body.channel === 'UFORM1')).toBe(
        true,
      ),
    );
    const posted = t.slack.callsTo('chat.postMessage').find((c) => c.body.channel === 'UFORM1')
      ?.body as Record<string, unknown>;
    const note = noteIn(posted);
    expect(note).toMatch(/^Dear Dr\. Osei, /);
    expect(note).toContain('Priya Nair');
    expect(note).toContain('book on supply chain resilience');
    expect(shown(posted)).toMatch(/\/300 characters · Premium · someone you haven’t met/);
  });

  it('asks for what is missing instead of inventing it', async () => {
    const { hook } = await draftCommand('someone from a conference');
    const [reply] = (await responses(hook)) as Record<string, unknown>[];
    expect(shown(reply as Record<string, unknown>)).toMatch(/I need to know who it is for/);
  });

  it('never echoes Slack markup: links become their labels, broadcasts are escaped', async () => {
    const { hook } = await draftCommand(
      '<!channel> Jane Park, met at <https://evil.example/x|the SXSW panel>',
    );
    const [reply] = (await responses(hook)) as Record<string, unknown>[];
    // What is displayed; button values carry the context back to us and are never rendered.
    const all = `${(reply as Record<string, unknown>).text}\n${shown(reply as Record<string, unknown>)}`;
    expect(all).not.toMatch(/<[!@#h]/);
    expect(noteIn(reply as Record<string, unknown>)).toContain('at the SXSW panel');
    expect(noteIn(reply as Record<string, unknown>)).not.toContain('evil.example');
  });

  it('refuses a context longer than it drafts from, politely and at once', async () => {
    const { ack } = await draftCommand(`Jane Park, ${'met at SXSW '.repeat(200)}`);
    expect(JSON.stringify(ack.json())).toMatch(/tell me about the person in under 1,000/);
  });
});

describe('/invite-draft with an LLM configured', () => {
  let llm: FakeOpenAi;
  let app: AppUnderTest;
  const GOOD =
    "Hi Jane, great meeting you at SXSW on the podcasting panel. I'd love to swap notes on audio ads. Up for a call?";
  beforeAll(async () => {
    llm = await startFakeOpenAi([{ note: GOOD }]);
    app = await new AppUnderTest({
      drafter: createDrafter({ llm: { apiKey: 'k', baseURL: llm.baseURL, model: 'scripted' } }),
    }).start();
  });
  afterAll(async () => {
    await app?.stop();
    await llm?.close();
  });

  it('delivers the AI draft, checked, through response_url', async () => {
    const res = await app.post(
      commandBody(CONTEXT, {
        command: '/invite-draft',
        user_id: 'ULLM1',
        response_url: app.slack.responseUrl('llm1'),
      }),
      FORM,
    );
    expect(res.json()).toMatchObject({ text: 'Drafting…' });
    await vi.waitFor(() => expect(app.slack.callsTo('response_url:llm1')).toHaveLength(1), {
      timeout: 8000,
    });
    const reply = app.slack.callsTo('response_url:llm1')[0]?.body as Record<string, unknown>;
    expect(noteIn(reply)).toBe(GOOD);
    expect(shown(reply)).toMatch(/written by the AI drafter/);
    expect(llm.requests).toHaveLength(1);
  });

  it('drafts from the form through the LLM too, into the DM', async () => {
    const submission = sampleJson<Record<string, unknown> & { view: Record<string, unknown> }>(
      'view-submission.bolt-python.json',
    );
    const text = (value: string) => ({ value: { type: 'plain_text_input', value } });
    const res = await app.interaction({
      ...submission,
      user: { id: 'ULLMFORM', username: 'f', name: 'f', team_id: 'T111' },
      view: {
        ...submission.view,
        callback_id: VIEW_DRAFT_FORM,
        state: {
          values: {
            name: text('Jane Park'),
            how: text('met at SXSW on the podcasting panel'),
            next: text('swap notes on audio ads'),
          },
        },
      },
    });
    expect(res.status).toBe(200);
    await vi.waitFor(
      () =>
        expect(
          app.slack.callsTo('chat.postMessage').some((c) => c.body.channel === 'ULLMFORM'),
        ).toBe(true),
      { timeout: 8000 },
    );
    const posted = app.slack.callsTo('chat.postMessage').find((c) => c.body.channel === 'ULLMFORM')
      ?.body as Record<string, unknown>;
    expect(noteIn(posted)).toBe(GOOD);
    expect(shown(posted)).toMatch(/written by the AI drafter/);
    // The form's fields reach the model as the same facts a command's context gives.
    const last = llm.requests.at(-1)?.messages.at(-1)?.content ?? '';
    expect(JSON.parse(/<facts>(.*)<\/facts>/.exec(last)?.[1] ?? '{}')).toMatchObject({
      greet: 'Jane',
      context: ['at SXSW on the podcasting panel'],
      wants: ['swap notes on audio ads'],
    });
  });
});
