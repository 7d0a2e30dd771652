/**
 * The weekly digest end to end through the scheduler's own timer: the real
 * app (Bolt's HTTP receiver, the digest scheduler it starts) against the
 * recording fake Slack, with a clock the test moves and a tick every second.
 * Users in Paris, New York and Kolkata (+05:30), one who turned the digest
 * off and one who moved it to Friday 08:00; each digest is a recorded
 * chat.postMessage carrying its week in the message metadata.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppUnderTest } from './harness/app-under-test.js';
import { sampleJson } from './harness/samples.js';

const ZONES: Record<string, string> = {
  UPARIS: 'Europe/Paris',
  UNEWYORK: 'America/New_York',
  UKOLKATA: 'Asia/Kolkata',
  UOFF: 'Europe/Paris',
  UFRIDAY: 'Europe/Paris',
};

/** Slack's real users.info answer with the asked user's id and time zone. */
function usersInfo(body: Record<string, unknown>) {
  const sample = sampleJson<{ user: Record<string, unknown> }>('api-users.info.json');
  const id = String(body.user);
  return { ...sample, user: { ...sample.user, id, tz: ZONES[id] ?? 'UTC' } };
}

async function until(what: string, ok: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the weekly digest through the scheduler timer', () => {
  const now = { t: new Date('2026-11-30T00:00:00Z') };
  let dir: string;
  let url: string;
  let t: AppUnderTest;

  async function startApp(): Promise<AppUnderTest> {
    const app = new AppUnderTest({
      store: { url },
      digest: { clock: () => now.t, tickPattern: '* * * * * *' },
    });
    app.slack.answers.set('users.info', usersInfo);
    return app.start();
  }

  /** The weeks of the digests each user got from the running app, in order. */
  function digests(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const call of t.slack.callsTo('chat.postMessage')) {
      const meta = call.body.metadata as
        | { event_type?: string; event_payload?: { week?: string } }
        | undefined;
      if (meta?.event_type !== 'invite_coach_digest') continue;
      const user = String(call.body.channel);
      out[user] = [...(out[user] ?? []), String(meta.event_payload?.week)];
    }
    return out;
  }

  /** Two whole passes after now: every user has been looked at with the current clock. */
  async function twoPasses(): Promise<void> {
    const target = t.digestPasses + 2;
    await until('two digest passes', () => t.digestPasses >= target);
  }

  async function moveTo(iso: string): Promise<void> {
    now.t = new Date(iso);
    await twoPasses();
  }

  async function digestCommand(user: string, text: string): Promise<void> {
    const hook = randomUUID();
    const res = await t.command(text, {
      command: '/invite-coach',
      user_id: user,
      response_url: t.slack.responseUrl(hook),
    });
    expect(res.status).toBe(200);
    await until(`the answer to ${user}`, () => t.slack.callsTo(`response_url:${hook}`).length > 0);
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'invite-coach-timer-'));
    url = `sqlite://${join(dir, 'store.sqlite')}`;
    t = await startApp();
  });
  afterAll(async () => {
    await t?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends each opted-in user one digest at their local time, across a restart, and again next week', async () => {
    // Monday 00:00 UTC: 01:00 in Paris, 05:30 in Kolkata, still Sunday 19:00 in New York.
    for (const user of ['UPARIS', 'UNEWYORK', 'UKOLKATA']) await digestCommand(user, 'digest');
    await digestCommand('UOFF', 'digest off');
    await digestCommand('UFRIDAY', 'digest friday 8');

    // New York's week began before they joined: that week's digest comes at once, once.
    await until('the New York catch-up', () => digests().UNEWYORK?.length === 1);
    await twoPasses();
    expect(digests()).toEqual({ UNEWYORK: ['2026-W48'] });

    await moveTo('2026-11-30T03:29:00Z'); // 08:59 in Kolkata
    expect(digests()).toEqual({ UNEWYORK: ['2026-W48'] });
    now.t = new Date('2026-11-30T03:30:00Z'); // 09:00 in Kolkata
    await until('Kolkata', () => digests().UKOLKATA !== undefined);

    await moveTo('2026-11-30T07:59:00Z'); // 08:59 in Paris
    expect(digests()).toEqual({ UNEWYORK: ['2026-W48'], UKOLKATA: ['2026-W49'] });
    now.t = new Date('2026-11-30T08:00:00Z'); // 09:00 in Paris
    await until('Paris', () => digests().UPARIS !== undefined);

    await moveTo('2026-11-30T13:59:00Z'); // 08:59 in New York
    expect(digests()).toEqual({
      UNEWYORK: ['2026-W48'],
      UKOLKATA: ['2026-W49'],
      UPARIS: ['2026-W49'],
    });
    now.t = new Date('2026-11-30T14:00:00Z'); // 09:00 in New York
    await until('New York', () => digests().UNEWYORK?.length === 2);

    await moveTo('2026-12-04T06:59:00Z'); // Friday 07:59 in Paris
    expect(digests()).toEqual({
      UNEWYORK: ['2026-W48', '2026-W49'],
      UKOLKATA: ['2026-W49'],
      UPARIS: ['2026-W49'],
    });
    now.t = new Date('2026-12-04T07:00:00Z'); // Friday 08:00 in Paris
    await until('the Friday digest', () => digests().UFRIDAY !== undefined);
    await twoPasses();
    expect(digests()).toEqual({
      UNEWYORK: ['2026-W48', '2026-W49'],
      UKOLKATA: ['2026-W49'],
      UPARIS: ['2026-W49'],
      UFRIDAY: ['2026-W49'],
    });

    // Stopped and started again on the same store the same week: nothing again.
    await t.stop();
    now.t = new Date('2026-12-04T12:00:00Z');
    t = await startApp();
    await twoPasses();
    expect(digests()).toEqual({});

    // The next week, Monday 09:00 everywhere has passed by 14:00 UTC.
    now.t = new Date('2026-12-07T14:00:00Z');
    await until('next week', () => Object.keys(digests()).length === 3);
    await twoPasses();
    expect(digests()).toEqual({
      UKOLKATA: ['2026-W50'],
      UPARIS: ['2026-W50'],
      UNEWYORK: ['2026-W50'],
    });
  }, 120_000);
});
