import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import {
  ACTION_DRAFT_ANOTHER,
  ACTION_DRAFT_EDIT,
  ACTION_LOG_ANYWAY,
  VIEW_DRAFT_FORM,
} from '../../src/slack/ids.js';
import { decodeEdit, decodeState, encodeEdit, MAX_BUTTON_VALUE } from '../../src/slack/payload.js';
import { AppUnderTest, commandBody, FORM } from './harness/app-under-test.js';
import { sampleJson } from './harness/samples.js';

// Slack refuses a whole message when one button's value is over 2,000
// characters. The draft's buttons carry the user's context and note, which
// may hold quotes, backslashes and newlines (that JSON would double).
let t: AppUnderTest;
beforeAll(async () => {
  t = await new AppUnderTest().start();
});
afterAll(async () => {
  await t?.stop();
});

type Json = Record<string, unknown>;
type Element = { action_id?: string; value?: string };

function buttonsOf(message: Json): Element[] {
  return ((message.blocks as { elements?: Element[] }[]) ?? []).flatMap((b) =>
    (b.elements ?? []).filter((e) => typeof e.value === 'string'),
  );
}

const BASE = 'Jane Park, met at SXSW';
/** The longest context /invite-draft takes (1,000), padded with what JSON escapes. */
const AWKWARD = `${BASE}, ${'\\\n'.repeat(10)}${'"'.repeat(1000 - BASE.length - 2 - 20)}`;

async function responses(hook: string, count: number): Promise<Json[]> {
  await vi.waitFor(
    () => expect(t.slack.callsTo(`response_url:${hook}`).length).toBeGreaterThanOrEqual(count),
    { timeout: 8000 },
  );
  return t.slack.callsTo(`response_url:${hook}`).map((c) => c.body);
}

describe('button values stay within Slack’s 2,000 characters', () => {
  it('a context full of quotes, backslashes and newlines: every value fits, and the buttons still work', async () => {
    expect(AWKWARD.length).toBeLessThanOrEqual(1000);
    const hook = 'values-1';
    await t.post(
      commandBody(AWKWARD, {
        command: '/invite-draft',
        user_id: 'UVALUES1',
        response_url: t.slack.responseUrl(hook),
      }),
      FORM,
    );
    const [draft] = (await responses(hook, 1)) as [Json];
    const buttons = buttonsOf(draft);
    expect(buttons.map((b) => b.action_id)).toContain(ACTION_DRAFT_ANOTHER);
    for (const b of buttons) expect(b.value?.length).toBeLessThanOrEqual(MAX_BUTTON_VALUE);
    const another = buttons.find((b) => b.action_id === ACTION_DRAFT_ANOTHER)?.value as string;
    // Nothing of the context was dropped to make it fit.
    expect(decodeState(another)?.c).toBe(AWKWARD.trim());

    const sample = sampleJson<Json>('block-actions.json');
    await t.interaction({
      ...sample,
      user: { id: 'UVALUES1', username: 'u', team_id: 'T111' },
      team: { id: 'T111', domain: 'test' },
      response_url: t.slack.responseUrl(hook),
      actions: [{ type: 'button', block_id: 'd', action_id: ACTION_DRAFT_ANOTHER, value: another }],
    });
    const [, again] = (await responses(hook, 2)) as [Json, Json];
    expect(JSON.stringify(again.blocks)).toContain('SXSW');
    for (const b of buttonsOf(again)) expect(b.value?.length).toBeLessThanOrEqual(MAX_BUTTON_VALUE);
  });

  it('the form’s longest fields, all quotes, give buttons that fit', async () => {
    const submission = sampleJson<Json & { view: Json }>('view-submission.bolt-python.json');
    const text = (value: string) => ({ value: { type: 'plain_text_input', value } });
    // Each field at its 300-character cap: words, then a clause of quotes.
    const quotes = (words: string) => `${words}, ${'"'.repeat(300 - words.length - 2)}`;
    const res = await t.interaction({
      ...submission,
      user: { id: 'UVALUES2', username: 'f', name: 'f', team_id: 'T111' },
      view: {
        ...submission.view,
        callback_id: VIEW_DRAFT_FORM,
        state: {
          values: {
            name: text(quotes('Jane Park')),
            how: text(quotes('met at SXSW on the podcasting panel')),
            mutual: text(quotes('Omar Haddad')),
            next: text(quotes('swap notes on audio ads')),
          },
        },
      },
    });
    expect(res.status).toBe(200);
    await vi.waitFor(
      () =>
        expect(t.slack.callsTo('chat.postMessage').some((c) => c.body.channel === 'UVALUES2')).toBe(
          true,
        ),
      { timeout: 8000 },
    );
    const posted = t.slack.callsTo('chat.postMessage').find((c) => c.body.channel === 'UVALUES2')
      ?.body as Json;
    const buttons = buttonsOf(posted);
    expect(buttons.map((b) => b.action_id)).toContain(ACTION_DRAFT_EDIT);
    for (const b of buttons) expect(b.value?.length).toBeLessThanOrEqual(MAX_BUTTON_VALUE);
  });
});

describe('"Log it anyway" within Slack’s 2,000 characters', () => {
  it('a profile address in a script percent-encoding triples still fits, and logs', async () => {
    const user = 'UVALUES3';
    // 270 CJK characters: 2,430 characters once percent-encoded.
    const url = `https://www.linkedin.com/in/${'林'.repeat(270)}`;
    const log = async (hook: string) => {
      const res = await t.post(
        commandBody(`sent ${url}`, {
          command: '/invite-log',
          user_id: user,
          response_url: t.slack.responseUrl(hook),
          // Two commands, not one retried: Slack gives each its own trigger.
          trigger_id: `trigger-${hook}`,
        }),
        FORM,
      );
      return res.json();
    };
    await log('values-log-1');
    const warned = await log('values-log-2');
    const anyway = buttonsOf(warned).find((b) => b.action_id === ACTION_LOG_ANYWAY);
    expect(anyway?.value?.length).toBeLessThanOrEqual(MAX_BUTTON_VALUE);

    const sample = sampleJson<Json>('block-actions.json');
    await t.interaction({
      ...sample,
      user: { id: user, username: 'u', team_id: 'T111' },
      team: { id: 'T111', domain: 'test' },
      container: { type: 'message', message_ts: '1700000000.000900', is_ephemeral: true },
      response_url: t.slack.responseUrl('values-log-2'),
      actions: [
        { type: 'button', block_id: 'x', action_id: ACTION_LOG_ANYWAY, value: anyway?.value },
      ],
    });
    const [logged] = await responses('values-log-2', 1);
    expect(JSON.stringify(logged)).toContain('Logged your invitation');
    const entries = await t.deps().ledger.list({ teamId: 'T111', userId: user });
    expect(entries).toHaveLength(2);
    expect(new Set(entries.map((e) => e.recipient.profileUrl)).size).toBe(1);
  });
});

describe('draft button values', () => {
  it('a note too long for any button is cut to fit rather than have Slack refuse the message', () => {
    // 300 graphemes of a family emoji: within LinkedIn's count, 3,300 UTF-16 units.
    const note = '👨‍👩‍👧‍👦'.repeat(300);
    const value = encodeEdit({ n: note, a: 'premium' });
    expect(value.length).toBeLessThanOrEqual(MAX_BUTTON_VALUE);
    expect(decodeEdit(value)?.a).toBe('premium');
    expect(note.startsWith((decodeEdit(value)?.n ?? 'x').slice(0, -1))).toBe(true);
  });

  it('still reads the values of buttons posted before (JSON)', () => {
    expect(decodeState('{"c":"Jane Park, met at SXSW","a":"basic","v":2,"m":90}')).toEqual({
      c: 'Jane Park, met at SXSW',
      a: 'basic',
      v: 2,
      m: 90,
    });
    expect(decodeEdit('{"n":"Hi Jane","a":"premium"}')).toEqual({ n: 'Hi Jane', a: 'premium' });
  });
});
