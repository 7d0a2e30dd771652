/**
 * The first `/invite-coach digest <day> <hour>`, through the real Bolt HTTP
 * receiver: the roster record is written once, with the schedule asked for
 * (and the Slack time zone), never first with the default Monday 09:00 that a
 * digest pass running in between would act on at once.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ROSTER_PREFIX, rosterKey } from '../../src/digest/roster.js';
import { AppUnderTest, commandBody, FORM } from './harness/app-under-test.js';

let t: AppUnderTest;
const writes: Array<{ key: string; value: unknown }> = [];
beforeAll(async () => {
  t = await new AppUnderTest().start();
  t.store.keyv.hooks.addHandler('preSet', (data: { key: string; value: unknown }) => {
    if (data.key.startsWith(ROSTER_PREFIX)) writes.push({ key: data.key, value: data.value });
  });
});
afterAll(() => t.stop());

describe('/invite-coach digest <day> <hour> for a user not yet on the roster', () => {
  it('writes the roster record once, with the chosen day, hour and zone', async () => {
    const user = `U${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
    const hook = `digest-once-${user}`;
    const res = await t.post(
      commandBody('digest friday 8', {
        command: '/invite-coach',
        user_id: user,
        response_url: t.slack.responseUrl(hook),
      }),
      FORM,
    );
    expect(res.status).toBe(200);
    await vi.waitFor(() => expect(t.slack.callsTo(`response_url:${hook}`)).toHaveLength(1));
    expect(JSON.stringify(t.slack.callsTo(`response_url:${hook}`)[0]?.body)).toContain(
      'Fridays at 08:00',
    );
    const mine = writes.filter((w) => w.key === rosterKey({ teamId: 'T111', userId: user }));
    expect(mine).toHaveLength(1);
    expect(mine[0]?.value).toMatchObject({ day: 5, hour: 8, timeZone: 'America/Los_Angeles' });
  });
});
