import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { enrollDigest } from '../../src/digest/roster.js';
import { HOME_PENDING_SHOWN } from '../../src/slack/blocks/home.js';
import { ACTION_WEEKLY_CAP } from '../../src/slack/ids.js';
import { AppUnderTest, freshEvent } from './harness/app-under-test.js';
import { sampleJson } from './harness/samples.js';

let t: AppUnderTest;
beforeAll(async () => {
  t = await new AppUnderTest().start();
});
afterAll(async () => {
  await t?.stop();
});

// The team of the app_home_opened sample, so the Home and the ledger share a scope.
const TEAM = 'T123ABC456';

type View = {
  type: string;
  blocks: {
    type?: string;
    block_id?: string;
    accessory?: { action_id: string; initial_option?: { value: string } };
  }[];
};

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

async function openHome(user: string): Promise<void> {
  const envelope = freshEvent('event-app-home-opened.json');
  envelope.event = { ...envelope.event, user };
  const res = await t.event(envelope);
  expect(res.status).toBe(200);
}

function homeAction(user: string, action: Record<string, unknown>): Record<string, unknown> {
  const sample = sampleJson<Record<string, unknown>>('block-actions.home-tab.json');
  return {
    ...sample,
    user: { id: user, username: 'h', name: 'h', team_id: TEAM },
    team: { id: TEAM, domain: 'test' },
    actions: [{ action_ts: '1571318425.267782', ...action }],
  };
}

describe('App Home dashboard over HTTP', () => {
  it('shows the user’s own digest schedule, not the default', async () => {
    await enrollDigest(
      t.store.kv,
      { teamId: TEAM, userId: 'UHOMESCHED' },
      { day: 5, hour: 8, timeZone: 'Europe/Paris' },
    );
    await openHome('UHOMESCHED');
    const view = await nthPublish('UHOMESCHED', 1);
    expect(JSON.stringify(view)).toContain('*Weekly digest:* Fridays at 08:00 (Europe/Paris).');
  });

  it('shows the ledger, and an outcome button pressed on Home updates the ledger and republishes', async () => {
    const user = 'UDASH1';
    const scope = { teamId: TEAM, userId: user };
    const deps = t.deps();
    const sent = await deps.ledger.logSend(scope, {
      recipient: { name: 'Ana Lima' },
      noteLength: 40,
      source: 'manual',
    });
    await deps.ledger.logSend(scope, {
      recipient: { name: 'Bo Chen' },
      noteLength: 0,
      source: 'manual',
    });

    await openHome(user);
    const first = await nthPublish(user, 1);
    expect(first.type).toBe('home');
    const shown = JSON.stringify(first);
    expect(shown).toContain('Your invitation budget');
    expect(shown).toContain('Pending invitations (2)');
    expect(shown).toContain('*Ana Lima*');
    expect(shown).toContain('Re-invite calendar');
    // The digest's buttons, one row per pending invitation.
    const row = first.blocks.find((b) => b.block_id === `dg_${sent.id}`);
    expect(row?.type).toBe('actions');

    const res = await t.interaction(
      homeAction(user, {
        type: 'button',
        block_id: `dg_${sent.id}`,
        action_id: 'dg_accepted',
        text: { type: 'plain_text', text: 'Accepted' },
      }),
    );
    expect(res.status).toBe(200);
    const second = await nthPublish(user, 2);
    expect(JSON.stringify(second)).toContain('Pending invitations (1)');
    expect(JSON.stringify(second)).not.toContain('*Ana Lima*');
    const stored = await deps.ledger.get(scope, sent.id);
    expect(stored?.history.at(-1)?.status).toBe('accepted');
  });

  it('a weekly cap chosen on Home is stored in the ledger settings and shown', async () => {
    const user = 'UDASH2';
    const res = await t.interaction(
      homeAction(user, {
        type: 'static_select',
        block_id: 'settings_weekly_cap',
        action_id: ACTION_WEEKLY_CAP,
        selected_option: { text: { type: 'plain_text', text: '175 a week' }, value: '175' },
      }),
    );
    expect(res.status).toBe(200);
    const view = await nthPublish(user, 1);
    const select = view.blocks.find((b) => b.accessory?.action_id === ACTION_WEEKLY_CAP);
    expect(select?.accessory?.initial_option?.value).toBe('175');
    expect(JSON.stringify(view)).toContain('of 175');
    expect((await t.deps().ledger.getSettings({ teamId: TEAM, userId: user })).weeklyCap).toBe(175);
  });

  it('stays within 100 blocks over HTTP with a ledger of 120 pending invitations', async () => {
    const user = 'UDASH4';
    const deps = t.deps();
    for (let i = 0; i < 120; i++) {
      await deps.ledger.logSend(
        { teamId: TEAM, userId: user },
        { recipient: { name: `Person ${i}` }, noteLength: 0, source: 'import' },
      );
    }
    await openHome(user);
    const view = await nthPublish(user, 1);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(JSON.stringify(view)).toContain('Pending invitations (120)');
    expect(JSON.stringify(view)).toContain(`and ${120 - HOME_PENDING_SHOWN} more`);
  });

  it('refuses a cap outside 100–200 and keeps the setting', async () => {
    const user = 'UDASH3';
    await t.interaction(
      homeAction(user, {
        type: 'static_select',
        block_id: 'settings_weekly_cap',
        action_id: ACTION_WEEKLY_CAP,
        selected_option: { text: { type: 'plain_text', text: 'x' }, value: '1000' },
      }),
    );
    // Opening Home afterwards shows the default: the bad value changed nothing.
    await openHome(user);
    const view = await nthPublish(user, 1);
    const select = view.blocks.find((b) => b.accessory?.action_id === ACTION_WEEKLY_CAP);
    expect(select?.accessory?.initial_option?.value).toBe('100');
  });
});
