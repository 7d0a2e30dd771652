import { describe, expect, it } from 'vitest';
import { reopening } from '../../src/digest/build.js';
import { LedgerSettings, status } from '../../src/ledger/index.js';
import {
  HOME_MAX_BLOCKS,
  HOME_PENDING_SHOWN,
  HOME_REOPENING_DAYS,
  type HomeDashboard,
  homeView,
  parseScheduleChoice,
  parseWeeklyCap,
} from '../../src/slack/blocks/home.js';
import {
  ACTION_ACCOUNT_TYPE,
  ACTION_DIGEST_DAY,
  ACTION_DIGEST_ENABLED,
  ACTION_DIGEST_HOUR,
  ACTION_WEEKLY_CAP,
} from '../../src/slack/ids.js';
import { DIGEST_BUTTONS } from '../../src/slack/payload.js';
import { entry, many } from '../ledger/helpers.js';

const now = new Date('2026-06-01T12:00:00Z');

function dashboard(entries: ReturnType<typeof entry>[], weeklyCap = 100): HomeDashboard {
  const settings = LedgerSettings.parse({ weeklyCap });
  return {
    status: status(entries, settings, now),
    entries,
    weeklyCap,
    reopening: reopening(entries, now, undefined, HOME_REOPENING_DAYS),
    now,
  };
}

type AnyBlock = Record<string, unknown>;
const text = (blocks: AnyBlock[]) => JSON.stringify(blocks);
function selectIn(blocks: AnyBlock[], actionId: string) {
  const block = blocks.find(
    (b) => (b.accessory as { action_id?: string } | undefined)?.action_id === actionId,
  );
  return block?.accessory as
    | { options: { value: string }[]; initial_option: { value: string } }
    | undefined;
}

describe('Home dashboard', () => {
  it('shows the budget, the pending invitations with outcome buttons, the calendar and the settings', () => {
    const entries = [
      entry({ sentAt: '2026-05-30T09:00:00Z', name: 'Ana Lima' }),
      // Withdrawn ten days ago: the three-week wait ends in eleven days.
      entry({
        sentAt: '2026-05-10T09:00:00Z',
        name: 'Bo <Chen>',
        outcomes: [['withdrawn', '2026-05-22T09:00:00Z']],
      }),
    ];
    const blocks = homeView('premium', dashboard(entries, 150)).blocks as unknown as AnyBlock[];
    const all = text(blocks);
    expect(all).toContain('Your invitation budget');
    expect(all).toContain('Pending invitations (1)');
    expect(all).toContain('*Ana Lima*');
    expect(all).toContain('Re-invite calendar');
    expect(all).toContain('Bo &lt;Chen&gt;');
    expect(all).toContain('2026-06-12');
    expect(all).toContain('Weekly digest');
    expect(selectIn(blocks, ACTION_ACCOUNT_TYPE)?.initial_option.value).toBe('premium');
    const cap = selectIn(blocks, ACTION_WEEKLY_CAP);
    expect(cap?.initial_option.value).toBe('150');
    expect(cap?.options.map((o) => o.value)).toEqual(['100', '125', '150', '175', '200']);
    // The same buttons as the digest's, under each pending invitation.
    const buttons = blocks.filter((b) => b.type === 'actions' && /^dg_/.test(String(b.block_id)));
    expect(buttons).toHaveLength(1);
    for (const button of DIGEST_BUTTONS) expect(all).toContain(button.label);
  });

  it('offers a stored cap that is not one of the steps, in order', () => {
    const blocks = homeView('basic', dashboard([], 140)).blocks as unknown as AnyBlock[];
    const cap = selectIn(blocks, ACTION_WEEKLY_CAP);
    expect(cap?.initial_option.value).toBe('140');
    expect(cap?.options.map((o) => o.value)).toEqual(['100', '125', '140', '150', '175', '200']);
  });

  it('stays within 100 blocks with a huge ledger, capping the lists with "and N more"', () => {
    const entries = [
      ...many(600, { sentAt: '2026-05-20T09:00:00Z' }),
      ...Array.from({ length: 80 }, (_, i) =>
        entry({
          sentAt: '2026-05-01T09:00:00Z',
          name: `Withdrawn ${i}`,
          outcomes: [['withdrawn', `2026-05-${String(12 + (i % 15)).padStart(2, '0')}T09:00:00Z`]],
        }),
      ),
    ];
    const d = dashboard(entries);
    expect(d.reopening.length).toBeGreaterThan(15);
    const blocks = homeView('basic', d).blocks as unknown as AnyBlock[];
    expect(blocks.length).toBeLessThanOrEqual(HOME_MAX_BLOCKS);
    const all = text(blocks);
    expect(all).toContain('Pending invitations (600)');
    expect(all).toContain(`and ${600 - HOME_PENDING_SHOWN} more`);
    // The settings at the bottom are never cut off by the lists.
    expect(all).toContain('Weekly digest');
    expect(all).toContain(`and ${d.reopening.length - 15} more`);
    // Every section text stays under Slack's 3000 characters.
    for (const b of blocks) {
      const t = (b.text as { text?: string } | undefined)?.text ?? '';
      expect(t.length).toBeLessThanOrEqual(3000);
    }
  });

  it('an empty ledger shows nothing pending and an empty calendar', () => {
    const all = text(homeView('basic', dashboard([])).blocks as unknown as AnyBlock[]);
    expect(all).toContain('No pending invitations');
    expect(all).toContain('can be invited again in the next 4 weeks');
  });

  it('without a ledger read still shows the settings and says why', () => {
    const blocks = homeView('basic').blocks as unknown as AnyBlock[];
    expect(text(blocks)).toContain('could not be read');
    expect(selectIn(blocks, ACTION_WEEKLY_CAP)?.initial_option.value).toBe('100');
  });

  it('reads back only caps between 100 and 200', () => {
    expect(parseWeeklyCap('150')).toBe(150);
    expect(parseWeeklyCap('99')).toBeUndefined();
    expect(parseWeeklyCap('201')).toBeUndefined();
    expect(parseWeeklyCap('1e2x')).toBeUndefined();
    expect(parseWeeklyCap(undefined)).toBeUndefined();
  });
});

type Select = {
  action_id: string;
  options: { text: { text: string }; value: string }[];
  initial_option: { text: { text: string }; value: string };
};
function scheduleMenus(blocks: AnyBlock[]): Record<string, Select> {
  const block = blocks.find((b) => b.block_id === 'settings_digest');
  const menus = (block?.elements ?? []) as Select[];
  return Object.fromEntries(menus.map((m) => [m.action_id, m]));
}

describe('Home digest schedule', () => {
  it('shows the stored schedule in the menus, the hours as 00:00…23:00, and the time zone', () => {
    const blocks = homeView('basic', dashboard([]), {
      userId: 'U1',
      enabled: true,
      day: 5,
      hour: 8,
      timeZone: 'Europe/Paris',
    }).blocks as unknown as AnyBlock[];
    const menus = scheduleMenus(blocks);
    expect(menus[ACTION_DIGEST_ENABLED]?.initial_option.value).toBe('on');
    expect(menus[ACTION_DIGEST_DAY]?.initial_option.text.text).toBe('Friday');
    expect(menus[ACTION_DIGEST_DAY]?.options).toHaveLength(7);
    const hours = menus[ACTION_DIGEST_HOUR];
    expect(hours?.initial_option.text.text).toBe('08:00');
    expect(hours?.options.map((o) => o.text.text)).toEqual(
      Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`),
    );
    const all = text(blocks);
    expect(all).toContain('*Weekly digest:* Fridays at 08:00 (Europe/Paris).');
    expect(all).toContain('Times are in your Slack time zone, Europe/Paris.');
    expect(blocks.length).toBeLessThanOrEqual(HOME_MAX_BLOCKS);
  });

  it('shows an off digest as off, and the default schedule for a user not on the roster', () => {
    const off = homeView('basic', undefined, {
      userId: 'U1',
      enabled: false,
      day: 2,
      hour: 17,
    }).blocks as unknown as AnyBlock[];
    expect(scheduleMenus(off)[ACTION_DIGEST_ENABLED]?.initial_option.value).toBe('off');
    expect(text(off)).toContain('*Weekly digest:* off.');
    const fresh = scheduleMenus(homeView('basic').blocks as unknown as AnyBlock[]);
    expect(fresh[ACTION_DIGEST_ENABLED]?.initial_option.value).toBe('on');
    expect(fresh[ACTION_DIGEST_DAY]?.initial_option.text.text).toBe('Monday');
    expect(fresh[ACTION_DIGEST_HOUR]?.initial_option.text.text).toBe('09:00');
  });

  it('reads back only values the menus offer', () => {
    expect(parseScheduleChoice(ACTION_DIGEST_ENABLED, 'off')).toEqual({ enabled: false });
    expect(parseScheduleChoice(ACTION_DIGEST_DAY, '7')).toEqual({ enabled: true, day: 7 });
    expect(parseScheduleChoice(ACTION_DIGEST_HOUR, '0')).toEqual({ enabled: true, hour: 0 });
    for (const [id, value] of [
      [ACTION_DIGEST_ENABLED, 'yes'],
      [ACTION_DIGEST_DAY, '8'],
      [ACTION_DIGEST_DAY, '0'],
      [ACTION_DIGEST_DAY, 'friday'],
      [ACTION_DIGEST_HOUR, '24'],
      [ACTION_DIGEST_HOUR, '8.5'],
      [ACTION_DIGEST_HOUR, ' 8'],
      [ACTION_DIGEST_HOUR, undefined],
      [ACTION_WEEKLY_CAP, '100'],
    ] as const) {
      expect(parseScheduleChoice(id, value)).toBeUndefined();
    }
  });
});
