import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkNote } from '../../src/check.js';
import { buildDigest } from '../../src/digest/build.js';
import { loadPrompts } from '../../src/draft/prompts.js';
import { draftFromText } from '../../src/draft/template-drafter.js';
import { DEFAULT_SETTINGS } from '../../src/ledger/index.js';
import { pendingListBlocks } from '../../src/slack/blocks/budget.js';
import { forgetConfirmMessage } from '../../src/slack/blocks/coach.js';
import { digestMessage } from '../../src/slack/blocks/digest-message.js';
import { draftFormView, draftMessage, editView } from '../../src/slack/blocks/draft.js';
import { homeView } from '../../src/slack/blocks/home.js';
import {
  loggedView,
  pickMessage,
  preSendMessage,
  recipientView,
} from '../../src/slack/blocks/ledger.js';
import { reportMessage } from '../../src/slack/blocks/report.js';
import { slashCommand, usageHint } from '../../src/slack/commands.js';
import { actionIds, commandIds, eventIds, viewIds } from '../../src/slack/listeners/index.js';
import { entry as makeEntry } from '../ledger/helpers.js';
import { REPO_ROOT, SAMPLES_DIR } from './harness/samples.js';

interface Manifest {
  features: {
    app_home: Record<string, boolean>;
    bot_user: { display_name: string };
    slash_commands: {
      command: string;
      description: string;
      usage_hint?: string;
      should_escape?: boolean;
    }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
}

const manifest = parse(readFileSync(resolve(REPO_ROOT, 'manifest.yml'), 'utf8')) as Manifest;

/** Every action_id anywhere in a Block Kit structure. */
function actionIdsIn(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) actionIdsIn(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'action_id' && typeof v === 'string') out.add(v);
      else actionIdsIn(v, out);
    }
  }
  return out;
}

const now = new Date('2026-06-01T12:00:00Z');
const entry = makeEntry({ sentAt: '2026-05-30T00:00:00Z', name: 'Sam' });
/** When that invitation is stale, so the digest shows its buttons. */
const stale = new Date('2026-06-15T12:00:00Z');

describe('manifest.yml', () => {
  it("is valid against Slack's manifest schema (v1)", () => {
    const schema = JSON.parse(
      readFileSync(resolve(SAMPLES_DIR, 'manifest-schema/manifest.schema.1.0.0.json'), 'utf8'),
    );
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('the schema check can fail: Slack’s invalid example is refused', () => {
    const schema = JSON.parse(
      readFileSync(resolve(SAMPLES_DIR, 'manifest-schema/manifest.schema.1.0.0.json'), 'utf8'),
    );
    const invalid = JSON.parse(
      readFileSync(resolve(SAMPLES_DIR, 'manifest-schema/example.v1.invalid.json'), 'utf8'),
    );
    expect(new Ajv({ strict: false }).validate(schema, invalid)).toBe(false);
  });

  it('declares exactly the slash commands the code registers, with descriptions and usage hints', () => {
    const declared = manifest.features.slash_commands;
    expect(declared.map((c) => c.command).sort()).toEqual([...commandIds].sort());
    for (const c of declared) {
      expect(c.usage_hint).toBeTruthy();
      // Description and usage hint are the command table's, subcommands included.
      const table = slashCommand(c.command);
      expect(c.description).toBe(table.description);
      expect(c.usage_hint).toBe(usageHint(table));
      // Mentions and links arrive as <@U…>/<https://…>, which the checker decodes.
      expect(c.should_escape).toBe(true);
    }
  });

  it('subscribes to exactly the bot events the code handles', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(
      [...eventIds].sort(),
    );
  });

  it('enables interactivity for the actions the code handles, and every action is in a block we build', () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(actionIds.length + viewIds.length > 0);
    const draft = draftFromText('Jane Park, met at SXSW', loadPrompts(), {
      account: 'basic',
    });
    const built = actionIdsIn([
      forgetConfirmMessage(),
      homeView('basic'),
      homeView('premium'),
      draftMessage(draft, { c: 'x', a: 'basic', v: 0 }),
      reportMessage('Hi Sam', checkNote('Hi Sam'), 'basic', { sentButton: true }),
      preSendMessage({ name: 'Sam' }, [{ id: 'already-pending', severity: 'warn', message: 'x' }]),
      pickMessage('accepted', [entry, entry], now),
      pendingListBlocks([entry], now),
      digestMessage(buildDigest([entry], DEFAULT_SETTINGS, stale), stale),
    ]);
    expect([...built].sort()).toEqual([...actionIds].sort());
  });

  it('handles exactly the modals the app opens', () => {
    const opened = [
      draftFormView('basic'),
      editView('Hi', 'basic'),
      recipientView({ s: 'check', l: 10 }),
      loggedView(entry, [], 'This week 1/100'),
    ].map((v) => v.callback_id);
    opened.splice(0, opened.length, ...new Set(opened));
    expect(opened.sort()).toEqual([...viewIds].sort());
  });

  it('asks only for the bot scopes the features use', () => {
    // commands: /invite-check, /invite-draft; chat:write: DM answers and drafts from the form; im:history: message.im.
    // files:write and im:write: /invite-coach export uploads the CSV into the user's DM.
    // files:read: downloading the Invitations.csv a user uploads in the DM.
    // users:read: the weekly digest goes at 09:00 in each user's own time zone (users.info tz).
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      'chat:write',
      'commands',
      'files:read',
      'files:write',
      'im:history',
      'im:write',
      'users:read',
    ]);
  });

  it('runs in Socket Mode with a writable Messages tab and a Home tab', () => {
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.app_home).toEqual({
      home_tab_enabled: true,
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: false,
    });
    expect(manifest.features.bot_user.display_name).toBeTruthy();
  });
});
