import { webApi } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { type DigestRunDeps, runDigests } from '../../src/digest/pass.js';
import { enrollDigest, getDigestState, getRoster } from '../../src/digest/roster.js';
import { startDigestScheduler } from '../../src/digest/scheduler.js';
import type { DigestClient } from '../../src/digest/send.js';
import { type LedgerKv, LedgerRepository, memoryLedgerKv } from '../../src/ledger/index.js';
import { digestMessage } from '../../src/slack/blocks/digest-message.js';
import { memoryClaims } from '../../src/store/claims.js';
import { DigestFakeApi } from './fake-api.js';

const MONDAY_10_UTC = new Date('2026-11-23T10:00:00Z');
const silent = { info() {}, warn() {}, error() {} };

type PassDeps = Omit<DigestRunDeps, 'render'>;

/** A pass with the app's digest builder, as the app runs one. */
const runPass = (deps: PassDeps) => runDigests({ render: digestMessage, ...deps });

/** A pass's deps with a claim store of its own and a silent logger, unless the test gives them. */
const passDeps = (
  deps: Pick<PassDeps, 'kv' | 'ledger' | 'client' | 'clock'> & Partial<PassDeps>,
): PassDeps => ({ claims: memoryClaims(), logger: silent, ...deps });

function setup(now: { t: Date }) {
  const kv = memoryLedgerKv();
  const clock = () => now.t;
  const ledger = new LedgerRepository(kv, { clock });
  return { kv, ledger, clock };
}

async function enrollAll(kv: LedgerKv, ids: string[]) {
  for (const userId of ids) await enrollDigest(kv, { teamId: 'T1', userId }, { timeZone: 'UTC' });
}

const fakes: DigestFakeApi[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.stop()));
});

/** A real WebClient at the stand-in; `defaults` keeps the retry config the app's Bolt client has. */
async function realClient(defaults = false): Promise<{ api: DigestFakeApi; client: DigestClient }> {
  const api = new DigestFakeApi();
  fakes.push(api);
  const slackApiUrl = await api.start();
  const client = new webApi.WebClient('xoxb-test', {
    slackApiUrl,
    logLevel: webApi.LogLevel.ERROR,
    ...(defaults ? {} : { retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 20 } }),
  }) as unknown as DigestClient;
  return { api, client };
}

describe('runDigests', () => {
  it('sends each due user one digest a week, none before the time, again next week', async () => {
    const now = { t: new Date('2026-11-23T08:59:00Z') };
    const { kv, ledger, clock } = setup(now);
    await enrollAll(kv, ['U1', 'U2', 'U3']);
    await ledger.logSend(
      { teamId: 'T1', userId: 'U1' },
      { recipient: { name: 'Ada Lovelace' }, noteLength: 120, source: 'manual' },
    );
    const { api, client } = await realClient();
    const deps = passDeps({ kv, ledger, client, clock });

    expect((await runPass(deps)).sent).toBe(0);
    now.t = MONDAY_10_UTC;
    expect((await runPass(deps)).sent).toBe(3);
    expect((await runPass(deps)).sent).toBe(0);
    now.t = new Date('2026-11-30T09:00:00Z');
    expect((await runPass(deps)).sent).toBe(3);
    expect([...api.posts.values()]).toEqual([2, 2, 2]);
    expect((await getDigestState(kv, { teamId: 'T1', userId: 'U1' })).lastSentWeek).toBe(
      '2026-W49',
    );
  });

  it('waits out a 429 with Retry-After and logs a user it cannot reach without stopping', async () => {
    const now = { t: MONDAY_10_UTC };
    const { kv, ledger, clock } = setup(now);
    await enrollAll(kv, ['U1', 'U2', 'U3', 'U4']);
    const { api, client } = await realClient(true);
    api.rateLimitOnce.add('U1');
    api.errors.set('U2', 'user_not_found');
    api.errors.set('U3', 'channel_not_found');
    const logged: string[] = [];
    const logger = {
      info() {},
      warn: (m: string) => logged.push(m),
      error: (m: string) => logged.push(m),
    };
    const result = await runPass(passDeps({ kv, ledger, client, clock, logger }));
    expect(api.rateLimited).toBe(1);
    expect(result).toMatchObject({ sent: 2, failed: 2 });
    expect(api.posts.get('U1')).toBe(1);
    expect(api.posts.get('U4')).toBe(1);
    expect(logged.join('\n')).toMatch(/U2 not reachable \(user_not_found\)/);
    expect(logged.join('\n')).toMatch(/U3 not reachable \(channel_not_found\)/);
    // Failed for good this week: not tried again on the next tick.
    expect((await runPass(passDeps({ kv, ledger, client, clock, logger }))).sent).toBe(0);
    expect(api.posts.get('U2')).toBe(1);
  });

  it('gives the claim back after a transient failure so the next tick retries', async () => {
    const now = { t: MONDAY_10_UTC };
    const { kv, ledger, clock } = setup(now);
    await enrollAll(kv, ['U1']);
    let calls = 0;
    const client: DigestClient = {
      chat: {
        async postMessage() {
          calls++;
          if (calls === 1) throw new Error('socket hang up');
          return { ok: true };
        },
      },
      users: { info: async () => ({ user: { tz: 'UTC' } }) },
      conversations: { open: async () => ({}), history: async () => ({}) },
    };
    const claims = memoryClaims();
    expect((await runPass({ kv, ledger, client, clock, claims, logger: silent })).failed).toBe(1);
    expect((await runPass({ kv, ledger, client, clock, claims, logger: silent })).sent).toBe(1);
    expect(calls).toBe(2);
  });

  it('asks Slack for the time zone of a user it has none for, and honours off', async () => {
    const now = { t: MONDAY_10_UTC };
    const { kv, ledger, clock } = setup(now);
    await enrollDigest(kv, { teamId: 'T1', userId: 'U1' });
    await enrollDigest(kv, { teamId: 'T1', userId: 'U2' }, { enabled: false });
    const { api, client } = await realClient();
    const result = await runPass(passDeps({ kv, ledger, client, clock }));
    expect(result.sent).toBe(1);
    expect(api.posts.has('U2')).toBe(false);
    expect((await getDigestState(kv, { teamId: 'T1', userId: 'U1' })).timeZone).toBe('UTC');
  });

  it('a schedule change the user makes during a pass is not undone by the pass', async () => {
    const now = { t: MONDAY_10_UTC };
    const { kv, ledger, clock } = setup(now);
    const scope = { teamId: 'T1', userId: 'U1' };
    await enrollAll(kv, ['U1']);
    // The user's change lands right after the pass's first read of anything
    // about them (another instance answering their /invite-coach digest).
    const read = kv.get.bind(kv);
    let changed = false;
    kv.get = (async (key: string) => {
      const value = await read(key);
      if (!changed && key.startsWith('digest/')) {
        changed = true;
        await enrollDigest(kv, scope, { day: 5, hour: 8 });
      }
      return value;
    }) as typeof kv.get;
    const { api, client } = await realClient();
    await runPass(passDeps({ kv, ledger, client, clock }));
    expect(changed).toBe(true);
    expect(api.posts.get('U1')).toBe(1);
    expect(await getRoster(kv, scope)).toMatchObject({ day: 5, hour: 8, enabled: true });
  });

  it('reads the time zone from Slack again once it is a week old', async () => {
    const now = { t: new Date('2026-11-23T08:00:00Z') }; // Monday 09:00 in Paris
    const { kv, ledger, clock } = setup(now);
    await enrollDigest(kv, { teamId: 'T1', userId: 'U1' });
    let tz = 'Europe/Paris';
    let infos = 0;
    const posts: Date[] = [];
    const client: DigestClient = {
      chat: {
        async postMessage() {
          posts.push(now.t);
          return { ok: true };
        },
      },
      users: {
        info: async () => {
          infos++;
          return { user: { tz } };
        },
      },
      conversations: { open: async () => ({}), history: async () => ({}) },
    };
    const deps = passDeps({ kv, ledger, client, clock });
    await runPass(deps);
    expect(posts).toHaveLength(1);
    tz = 'America/New_York'; // the user moved
    now.t = new Date('2026-11-25T12:00:00Z');
    await runPass(deps);
    expect(infos).toBe(1); // not asked again within the week
    now.t = new Date('2026-11-30T08:00:00Z'); // 09:00 in Paris, 03:00 in New York
    await runPass(deps);
    expect(infos).toBe(2);
    expect(posts).toHaveLength(1);
    now.t = new Date('2026-11-30T14:00:00Z'); // 09:00 in New York
    await runPass(deps);
    expect(posts).toHaveLength(2);
    // What the user is shown follows the zone the digest follows.
    expect((await getRoster(kv, { teamId: 'T1', userId: 'U1' }))?.timeZone).toBe(
      'America/New_York',
    );
  });

  it('reads a bounded number of known zones again per pass, so Slack is not flooded', async () => {
    const now = { t: new Date('2026-11-25T12:00:00Z') };
    const { kv, ledger, clock } = setup(now);
    const users = ['U1', 'U2', 'U3', 'U4', 'U5'];
    // Zones known from the digest command, never checked by the scheduler; one user has none.
    await enrollAll(kv, users);
    await enrollDigest(kv, { teamId: 'T1', userId: 'U6' });
    const asked: string[] = [];
    const client: DigestClient = {
      chat: { postMessage: async () => ({ ok: true }) },
      users: {
        info: async ({ user }) => {
          asked.push(user);
          return { user: { tz: 'UTC' } };
        },
      },
      conversations: { open: async () => ({}), history: async () => ({}) },
    };
    const deps = passDeps({ kv, ledger, client, clock, zoneRefreshesPerPass: 2, concurrency: 1 });
    expect((await runPass(deps)).sent).toBe(6); // every known zone is used meanwhile
    expect(asked).toEqual(['U1', 'U2', 'U6']);
    await runPass(deps);
    await runPass(deps);
    expect(asked.toSorted()).toEqual(['U1', 'U2', 'U3', 'U4', 'U5', 'U6']);
    await runPass(deps);
    expect(asked).toHaveLength(6);
  });

  it('keeps Slack to `concurrency` calls at once', async () => {
    const now = { t: MONDAY_10_UTC };
    const { kv, ledger, clock } = setup(now);
    const users = Array.from({ length: 12 }, (_, i) => `U${i + 1}`);
    await enrollAll(kv, users);
    let active = 0;
    let most = 0;
    const posted: string[] = [];
    const client: DigestClient = {
      chat: {
        postMessage: async ({ channel }) => {
          most = Math.max(most, ++active);
          // Slack answers after a while; the pass must not send more meanwhile.
          await new Promise((resolve) => setTimeout(resolve, 5));
          active--;
          posted.push(channel);
          return { ok: true };
        },
      },
      users: { info: async () => ({ user: { tz: 'UTC' } }) },
      conversations: { open: async () => ({}), history: async () => ({}) },
    };
    const deps = passDeps({ kv, ledger, client, clock });
    const result = await runPass({ ...deps, concurrency: 3 });
    expect(result).toEqual({ sent: 12, failed: 0, skipped: 0 });
    expect(posted.toSorted()).toEqual(users.toSorted());
    expect(most).toBe(3);
  });

  it('the scheduler ticks on demand and leaves no timer behind', async () => {
    const now = { t: MONDAY_10_UTC };
    const { kv, ledger, clock } = setup(now);
    await enrollAll(kv, ['U1']);
    const { api, client } = await realClient();
    const scheduler = startDigestScheduler({
      render: digestMessage,
      kv,
      ledger,
      client,
      clock,
      claims: memoryClaims(),
      logger: silent,
    });
    expect((await scheduler.tick())?.sent).toBe(1);
    await scheduler.stop();
    expect(await scheduler.tick()).toBeUndefined();
    expect(api.posts.get('U1')).toBe(1);
  });
});
