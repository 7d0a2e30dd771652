/**
 * The digest schedule on App Home, end to end over the real Bolt HTTP
 * receiver: the menus change the roster record, which is what
 * `/invite-coach digest` then reports, and Home is republished showing it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ACTION_DIGEST_DAY,
  ACTION_DIGEST_ENABLED,
  ACTION_DIGEST_HOUR,
} from '../../src/slack/ids.js';
import { AppUnderTest } from './harness/app-under-test.js';
import { sampleJson } from './harness/samples.js';

type Select = { action_id: string; initial_option: { value: string } };
type View = { blocks: { block_id?: string; elements?: Select[] }[] };

const TEAM = 'T123ABC456';

let t: AppUnderTest;
beforeAll(async () => {
  t = await new AppUnderTest().start();
});
afterAll(async () => {
  await t?.stop();
});

function publishesFor(user: string): View[] {
  return t.slack
    .callsTo('views.publish')
    .filter((c) => c.body.user_id === user)
    .map((c) => (typeof c.body.view === 'string' ? JSON.parse(c.body.view) : c.body.view) as View);
}

async function nthPublish(user: string, n: number): Promise<View> {
  await vi.waitFor(() => expect(publishesFor(user).length).toBeGreaterThanOrEqual(n), {
    timeout: 5000,
  });
  return publishesFor(user)[n - 1] as View;
}

/** A menu choice on the Home tab, from Slack's Home-tab block_actions sample. */
function choose(user: string, actionId: string, value: string) {
  const sample = sampleJson<Record<string, unknown>>('block-actions.home-tab.json');
  return t.interaction({
    ...sample,
    user: { id: user, username: 'h', name: 'h', team_id: TEAM },
    team: { id: TEAM, domain: 'test' },
    actions: [
      {
        type: 'static_select',
        block_id: 'settings_digest',
        action_id: actionId,
        selected_option: { text: { type: 'plain_text', text: value }, value },
        action_ts: '1571318425.267782',
      },
    ],
  });
}

/** `/invite-coach digest` as the user; the ephemeral answer's text. */
async function digestCommand(user: string): Promise<string> {
  const hook = randomUUID();
  const res = await t.command('digest', {
    command: '/invite-coach',
    user_id: user,
    team_id: TEAM,
    response_url: t.slack.responseUrl(hook),
  });
  expect(res.status).toBe(200);
  await vi.waitFor(() => expect(t.slack.callsTo(`response_url:${hook}`)).toHaveLength(1), {
    timeout: 5000,
  });
  return String(t.slack.callsTo(`response_url:${hook}`)[0]?.body.text);
}

function menus(view: View): Record<string, string | undefined> {
  const block = view.blocks.find((b) => b.block_id === 'settings_digest');
  return Object.fromEntries(
    (block?.elements ?? []).map((e) => [e.action_id, e.initial_option.value]),
  );
}

describe('digest schedule on App Home over HTTP', () => {
  it('the day and hour menus change what /invite-coach digest reports, and Home shows them', async () => {
    const user = 'UHSCHED1';
    expect((await choose(user, ACTION_DIGEST_DAY, '5')).status).toBe(200);
    const first = await nthPublish(user, 1);
    expect(menus(first)[ACTION_DIGEST_DAY]).toBe('5');
    await choose(user, ACTION_DIGEST_HOUR, '17');
    const second = await nthPublish(user, 2);
    expect(menus(second)).toEqual({
      [ACTION_DIGEST_ENABLED]: 'on',
      [ACTION_DIGEST_DAY]: '5',
      [ACTION_DIGEST_HOUR]: '17',
    });
    // The Slack time zone was looked up once the user chose, so Home names it.
    expect(JSON.stringify(second)).toContain(
      'Times are in your Slack time zone, America/Los_Angeles.',
    );
    expect(await digestCommand(user)).toBe(
      'Your weekly digest comes on Fridays at 17:00 (America/Los_Angeles).',
    );
  });

  it('the on/off menu turns the digest off and on again', async () => {
    const user = 'UHSCHED2';
    await choose(user, ACTION_DIGEST_ENABLED, 'off');
    expect(menus(await nthPublish(user, 1))[ACTION_DIGEST_ENABLED]).toBe('off');
    expect(await digestCommand(user)).toMatch(/Your weekly digest is \*off\*/);
    await choose(user, ACTION_DIGEST_ENABLED, 'on');
    await nthPublish(user, 2);
    expect(await digestCommand(user)).toBe(
      'Your weekly digest comes on Mondays at 09:00 (America/Los_Angeles).',
    );
  });

  it('a value the menus do not offer changes nothing', async () => {
    const user = 'UHSCHED3';
    await choose(user, ACTION_DIGEST_DAY, '3');
    await nthPublish(user, 1);
    for (const [id, value] of [
      [ACTION_DIGEST_DAY, '9'],
      [ACTION_DIGEST_HOUR, '25'],
      [ACTION_DIGEST_ENABLED, 'maybe'],
    ] as const) {
      expect((await choose(user, id, value)).status).toBe(200);
    }
    await vi.waitFor(() =>
      expect(t.logs.filter((l) => l.includes(`unexpected value from user ${user}`))).toHaveLength(
        3,
      ),
    );
    expect(publishesFor(user)).toHaveLength(1);
    expect(await digestCommand(user)).toBe(
      'Your weekly digest comes on Wednesdays at 09:00 (America/Los_Angeles).',
    );
  });
});
