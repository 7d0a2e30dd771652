import type { types } from '@slack/bolt';
import { type RosterRecord, scheduleSummary } from '../../digest/roster.js';
import {
  DAY_NAMES,
  DEFAULT_DIGEST_DAY,
  DEFAULT_DIGEST_HOUR,
  type IsoDay,
} from '../../digest/schedule.js';
import {
  DEFAULT_LIMITS,
  type LedgerEntry,
  type LedgerStatus,
  pendingOldestFirst,
} from '../../ledger/index.js';
import { ACCOUNTS, NOTE_LIMITS } from '../../limits.js';
import { escapeMrkdwn } from '../../text/mrkdwn.js';
import type { Account } from '../../types.js';
import {
  ACTION_ACCOUNT_TYPE,
  ACTION_DIGEST_DAY,
  ACTION_DIGEST_ENABLED,
  ACTION_DIGEST_HOUR,
  ACTION_WEEKLY_CAP,
  COMMAND_CHECK,
  COMMAND_COACH,
} from '../ids.js';
import { statusBlocks } from './budget.js';
import { outcomeButtonBlocks } from './digest-message.js';
import { context, section } from './message.js';
import { ACCOUNT_LABEL } from './report.js';

/** Slack allows 100 blocks in a Home tab. */
export const HOME_MAX_BLOCKS = 100;
/**
 * Pending invitations listed on Home, oldest first, two blocks each (the
 * invitation and its buttons); the rest are counted ("…and N more").
 */
export const HOME_PENDING_SHOWN = 20;
/** Re-invite windows listed on Home, and how far ahead they are looked for. */
export const HOME_REOPENING_SHOWN = 15;
export const HOME_REOPENING_DAYS = 28;
/** The weekly caps offered: LinkedIn allows most accounts 100 a week, some up to 200. */
export const WEEKLY_CAPS = [100, 125, 150, 175, 200] as const;

/** What the dashboard part of Home shows, read from the ledger by the listener. */
export interface HomeDashboard {
  status: LedgerStatus;
  entries: readonly LedgerEntry[];
  weeklyCap: number;
  /** Windows opening soon, soonest first (`reopening` from the digest, over four weeks). */
  reopening: ReadonlyArray<{ entry: LedgerEntry; opensOn: string }>;
  now: Date;
}

/** The user's digest schedule as the roster holds it. */
export type HomeSchedule = RosterRecord;

/** What a user not on the roster yet gets (the roster's defaults). */
const DEFAULT_SCHEDULE: HomeSchedule = {
  userId: '',
  enabled: true,
  day: DEFAULT_DIGEST_DAY,
  hour: DEFAULT_DIGEST_HOUR,
};

function accountOption(account: Account): types.PlainTextOption {
  return {
    text: {
      type: 'plain_text',
      text: `${ACCOUNT_LABEL[account]} — ${NOTE_LIMITS[account]} characters`,
    },
    value: account,
  };
}

function capOption(cap: number): types.PlainTextOption {
  return { text: { type: 'plain_text', text: `${cap} a week` }, value: String(cap) };
}

/** The weekly cap select's value back as a number, or `undefined` when it is not one we offer. */
export function parseWeeklyCap(value: string | undefined): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n >= DEFAULT_LIMITS.weeklyCapMin && n <= DEFAULT_LIMITS.weeklyCapMax
    ? n
    : undefined;
}

function option(text: string, value: string): types.PlainTextOption {
  return { text: { type: 'plain_text', text }, value };
}

const ON_OFF = [option('On', 'on'), option('Off', 'off')];
const DAYS = DAY_NAMES.map((name, i) =>
  option(`${name[0]?.toUpperCase()}${name.slice(1)}`, String(i + 1)),
);
const HOURS = Array.from({ length: 24 }, (_, h) =>
  option(`${String(h).padStart(2, '0')}:00`, String(h)),
);

/**
 * A digest schedule menu's value back as the change to store, or `undefined`
 * when the value is not one the menu offers (a forged payload changes
 * nothing). Picking a day or an hour also turns the digest on, as
 * `/invite-coach digest <day> <hour>` does.
 */
export function parseScheduleChoice(
  actionId: string,
  value: string | undefined,
): Partial<Pick<RosterRecord, 'enabled' | 'day' | 'hour'>> | undefined {
  if (actionId === ACTION_DIGEST_ENABLED) {
    return value === 'on' ? { enabled: true } : value === 'off' ? { enabled: false } : undefined;
  }
  const menu = actionId === ACTION_DIGEST_DAY ? DAYS : actionId === ACTION_DIGEST_HOUR ? HOURS : [];
  if (!menu.some((o) => o.value === value)) return undefined;
  const n = Number(value);
  return actionId === ACTION_DIGEST_DAY
    ? { enabled: true, day: n as IsoDay }
    : { enabled: true, hour: n };
}

/** The digest schedule: what it is in words, and menus to turn it on or off and pick the day and hour. */
export function scheduleBlocks(schedule: HomeSchedule = DEFAULT_SCHEDULE): types.KnownBlock[] {
  const pick = (options: types.PlainTextOption[], value: string, actionId: string) => ({
    type: 'static_select' as const,
    action_id: actionId,
    options,
    initial_option: options.find((o) => o.value === value) ?? options[0],
  });
  const zone = schedule.timeZone
    ? `Times are in your Slack time zone, ${schedule.timeZone}.`
    : 'Times are in your Slack time zone.';
  return [
    context(
      `*Weekly digest:* ${scheduleSummary(schedule)}. Change it here or with \`${COMMAND_COACH} digest\`.`,
    ),
    {
      type: 'actions',
      block_id: 'settings_digest',
      elements: [
        pick(ON_OFF, schedule.enabled ? 'on' : 'off', ACTION_DIGEST_ENABLED),
        pick(DAYS, String(schedule.day), ACTION_DIGEST_DAY),
        pick(HOURS, String(schedule.hour), ACTION_DIGEST_HOUR),
      ],
    },
    context(zone),
  ];
}

function slackDay(iso: string): string {
  const seconds = Math.floor(Date.parse(iso) / 1000);
  return `<!date^${seconds}^{date_short_pretty}|${iso.slice(0, 10)}>`;
}

function who(entry: LedgerEntry): string {
  const name = entry.recipient.name;
  if (name !== undefined) return escapeMrkdwn(name);
  return entry.recipient.profileUrl ? `<${entry.recipient.profileUrl}>` : 'someone';
}

/** The re-invite calendar: who can be invited again, and from when, over the coming weeks. */
export function reopeningBlocks(
  reopening: HomeDashboard['reopening'],
  shown = HOME_REOPENING_SHOWN,
): types.KnownBlock[] {
  const head: types.KnownBlock = {
    type: 'header',
    text: { type: 'plain_text', text: 'Re-invite calendar' },
  };
  if (reopening.length === 0) {
    return [
      head,
      context(
        `No one you withdrew or who ignored you can be invited again in the next ${HOME_REOPENING_DAYS / 7} weeks.`,
      ),
    ];
  }
  const lines = reopening.slice(0, shown).map((r) => `• ${slackDay(r.opensOn)}: ${who(r.entry)}`);
  const blocks: types.KnownBlock[] = [
    head,
    context(
      'After a withdrawal LinkedIn blocks a new invitation for three weeks; after an ignored one, wait months. These open soon:',
    ),
    section(lines.join('\n')),
  ];
  if (reopening.length > shown) blocks.push(context(`…and ${reopening.length - shown} more.`));
  return blocks;
}

function settingsBlocks(
  account: Account,
  dashboard: HomeDashboard | undefined,
): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Settings' } },
    {
      type: 'section',
      block_id: 'settings_account',
      text: {
        type: 'mrkdwn',
        text: '*Your LinkedIn account*\nDecides how long a note may be.',
      },
      accessory: {
        type: 'static_select',
        action_id: ACTION_ACCOUNT_TYPE,
        options: ACCOUNTS.map(accountOption),
        initial_option: accountOption(account),
      },
    },
    context(`Every check uses this setting. Currently: *${ACCOUNT_LABEL[account]}*.`),
  ];
  const cap = dashboard?.weeklyCap ?? DEFAULT_LIMITS.weeklyCapDefault;
  const caps = [...new Set<number>([...WEEKLY_CAPS, cap])].sort((a, b) => a - b);
  blocks.push({
    type: 'section',
    block_id: 'settings_weekly_cap',
    text: {
      type: 'mrkdwn',
      text: '*Weekly cap*\nMost accounts may send about 100 invitations a week; older, trusted ones up to 200.',
    },
    accessory: {
      type: 'static_select',
      action_id: ACTION_WEEKLY_CAP,
      options: caps.map(capOption),
      initial_option: capOption(cap),
    },
  });
  return blocks;
}

/**
 * The pending invitations, oldest first, each with the digest's buttons
 * (Withdrawn, Accepted, Ignored, I don't know them).
 */
function pendingBlocks(entries: readonly LedgerEntry[], now: Date): types.KnownBlock[] {
  const pending = pendingOldestFirst(entries);
  if (pending.length === 0) return [section('No pending invitations. :tada:')];
  const blocks: types.KnownBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: `Pending invitations (${pending.length})` },
    },
    ...pending.slice(0, HOME_PENDING_SHOWN).flatMap((entry) => outcomeButtonBlocks(entry, now)),
  ];
  if (pending.length > HOME_PENDING_SHOWN) {
    blocks.push(
      context(
        `…and ${pending.length - HOME_PENDING_SHOWN} more. \`${COMMAND_COACH} export\` sends you the whole ledger.`,
      ),
    );
  }
  return blocks;
}

/**
 * The App Home tab: what the bot does, and with a ledger read, the dashboard:
 * this week's budget, the pending invitations with their outcome buttons, the
 * re-invite calendar, then the settings and the digest schedule. Stays
 * within Slack's 100 blocks whatever the ledger holds: the lists are capped.
 */
export function homeView(
  account: Account,
  dashboard?: HomeDashboard,
  schedule?: HomeSchedule,
): types.HomeView {
  const blocks: types.KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Invite Coach' } },
    section(
      'I check LinkedIn connection-invitation notes before you send them: length against your ' +
        'account’s limit, stock text, placeholders, sales pitches, missing context or next step.',
    ),
    section(
      `*How to use me*\n• \`${COMMAND_CHECK} &lt;note&gt;\` in any conversation — only you see the answer\n` +
        '• send me the note in the *Messages* tab\n• type `help` in the Messages tab for an example\n' +
        '• upload LinkedIn’s `Invitations.csv` (from your data export) in the Messages tab to import your invitations',
    ),
    { type: 'divider' },
  ];
  if (dashboard) {
    blocks.push(...statusBlocks(dashboard.status), { type: 'divider' });
    blocks.push(...pendingBlocks(dashboard.entries, dashboard.now), { type: 'divider' });
    blocks.push(...reopeningBlocks(dashboard.reopening), { type: 'divider' });
  } else {
    blocks.push(
      context('Your ledger could not be read just now: open this tab again in a moment.'),
    );
  }
  blocks.push(...settingsBlocks(account, dashboard), ...scheduleBlocks(schedule));
  return { type: 'home', blocks: blocks.slice(0, HOME_MAX_BLOCKS) };
}
