/**
 * A store that fails and comes back, through the real Bolt HTTP receiver:
 * a write refused while Redis was unreachable never lands once it returns,
 * and a Postgres connection ended by the server (pg_terminate_backend on the
 * app's own backends, matched by application_name) costs nothing: the app
 * lives on and the next query reconnects.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { VIEW_LOG_RECIPIENT } from '../../src/slack/ids.js';
import { POSTGRES_URL, REDIS_URL, runId, serviceGate } from '../ledger/store/backends.js';
import { AppUnderTest, commandBody, FORM } from './harness/app-under-test.js';
import { closedPort, laterProxy } from './harness/bad-stores.js';
import { sampleJson } from './harness/samples.js';

type Json = Record<string, unknown>;
const newUser = () => `U${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;

async function invite(t: AppUnderTest, user: string, text: string): Promise<string> {
  const res = await t.post(
    commandBody(text, {
      command: '/invite-log',
      user_id: user,
      response_url: t.slack.responseUrl(randomUUID()),
    }),
    FORM,
  );
  expect(res.status).toBe(200);
  return res.text;
}

async function submitSentForm(t: AppUnderTest, user: string, recipient: string) {
  const submission = sampleJson<Json & { view: Json }>('view-submission.bolt-python.json');
  const res = await t.interaction({
    ...submission,
    user: { id: user, username: 'u', name: 'u', team_id: 'T111' },
    team: { id: 'T111', domain: 'test' },
    view: {
      ...submission.view,
      id: `V${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`,
      callback_id: VIEW_LOG_RECIPIENT,
      private_metadata: JSON.stringify({ s: 'check', l: 90, t: '11' }),
      state: { values: { recipient: { value: { type: 'plain_text_input', value: recipient } } } },
    },
  });
  expect(res.status).toBe(200);
  return res.json() as { response_action?: string; errors?: { recipient?: string } };
}

const redis = await serviceGate('redis');
const postgres = await serviceGate('postgres');

describe('a Redis that was unreachable comes back', { timeout: 30_000 }, () => {
  it.skipIf(redis === 'skip')('the writes refused meanwhile never land; new ones do', async () => {
    if (redis === 'fail') throw new Error('REQUIRE_SERVICES=1 and redis is not reachable.');
    const port = await closedPort();
    const target = new URL(REDIS_URL);
    const proxy = laterProxy(port, { host: target.hostname, port: Number(target.port || 6379) });
    const t = await new AppUnderTest({
      store: {
        url: `redis://127.0.0.1:${port}`,
        namespace: `ictest${runId()}`,
        dispose: (store) => store.keyv.clear(),
      },
    }).start();
    try {
      const user = newUser();
      expect(await invite(t, user, 'sent Jane Park')).toMatch(/could not reach your ledger/);
      const form = await submitSentForm(t, user, 'Sam Lee');
      expect(form.errors?.recipient).toMatch(/could not reach your ledger; nothing was logged/);

      await proxy.open();
      await vi.waitFor(() => t.store.ping(), { timeout: 15_000, interval: 100 });
      // Time for anything queued to be sent, had it been queued.
      await new Promise((r) => setTimeout(r, 500));
      const keys = await t.storedKeys();
      expect(keys.filter((k) => k.includes(`/u/${user}/ledger/`))).toEqual([]);

      expect(await invite(t, user, 'sent Jane Park')).toMatch(/Logged/);
      expect(
        (await t.storedKeys()).filter((k) => k.includes(`/u/${user}/ledger/send:`)),
      ).toHaveLength(1);
    } finally {
      await t.stop();
      await proxy.close();
    }
  });
});

describe('Postgres ends the app’s connections', { timeout: 30_000 }, () => {
  it.skipIf(postgres === 'skip')('the app survives and the next command reconnects', async () => {
    if (postgres === 'fail') throw new Error('REQUIRE_SERVICES=1 and postgres is not reachable.');
    const id = runId();
    const application = `ictest_${id}`;
    const table = `ledger_test_${id}`;
    const url = new URL(POSTGRES_URL);
    url.searchParams.set('application_name', application);
    const t = await new AppUnderTest({
      store: {
        url: url.toString(),
        table,
        dispose: async (store) => {
          const adapter = store.keyv.store as { query(sql: string): Promise<unknown> };
          await adapter.query(`DROP TABLE IF EXISTS public.${table}`);
        },
      },
    }).start();
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    try {
      const user = newUser();
      expect(await invite(t, user, 'sent Ana Lima')).toMatch(/Logged/);
      const ended = await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()',
        [application],
      );
      expect(ended.rowCount).toBeGreaterThan(0);
      // pg tells the pool of its idle clients' end asynchronously.
      await new Promise((r) => setTimeout(r, 300));
      expect(await invite(t, user, 'sent Bo Chen')).toMatch(/Logged/);
      const sends = (await t.storedKeys()).filter((k) => k.includes(`/u/${user}/ledger/send:`));
      expect(sends).toHaveLength(2);
    } finally {
      await admin.end();
      await t.stop();
    }
  });
});
