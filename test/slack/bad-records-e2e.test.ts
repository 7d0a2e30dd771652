/**
 * One bad record never stops anyone, on each store the app runs on: a torn
 * (undecodable) value and a record from a newer version sit in a user's
 * ledger, and a torn value sits under the digest roster. Status, export,
 * pending and new sends work and say what was left out; forget deletes it
 * all; the digest pass goes on for everyone else.
 */
import { randomUUID } from 'node:crypto';
import { webApi } from '@slack/bolt';
import Keyv from 'keyv';
import { describe, expect, it, vi } from 'vitest';
import { backfillRoster } from '../../src/digest/backfill.js';
import { runDigests } from '../../src/digest/pass.js';
import { enrollDigest, rosterKey } from '../../src/digest/roster.js';
import type { DigestClient } from '../../src/digest/send.js';
import { LedgerRepository, scopePrefix, storeLedger } from '../../src/ledger/index.js';
import { digestMessage } from '../../src/slack/blocks/digest-message.js';
import { ACTION_FORGET_CONFIRM } from '../../src/slack/ids.js';
import { memoryClaims } from '../../src/store/claims.js';
import type { Store } from '../../src/store/store.js';
import { DigestFakeApi } from '../digest/fake-api.js';
import {
  type BackendName,
  POSTGRES_URL,
  REDIS_URL,
  runId,
  serviceGate,
} from '../ledger/store/backends.js';
import { AppUnderTest, commandBody, FORM } from './harness/app-under-test.js';
import { sampleJson } from './harness/samples.js';

type Json = Record<string, unknown>;
const newUser = () => `U${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;

/** Writes bytes that are not JSON under `key`, as a torn write or a hand edit would leave them. */
async function writeTorn(store: Store, key: string): Promise<void> {
  const torn = new Keyv({
    store: store.keyv.store,
    namespace: store.keyv.namespace,
    serialize: () => '{"value":{"schemaVersion":1,"id":"to',
    throwOnErrors: true,
  });
  await torn.set(key, 'ignored');
}

function storeFor(backend: BackendName) {
  const id = runId();
  if (backend === 'sqlite') return undefined;
  if (backend === 'redis')
    return { url: REDIS_URL, namespace: `ictest${id}`, dispose: (s: Store) => s.keyv.clear() };
  const table = `ledger_test_${id}`;
  return {
    url: POSTGRES_URL,
    table,
    dispose: async (s: Store) => {
      await (s.keyv.store as { query(sql: string): Promise<unknown> }).query(
        `DROP TABLE IF EXISTS public.${table}`,
      );
    },
  };
}

for (const backend of ['sqlite', 'redis', 'postgres'] as const) {
  const gate = await serviceGate(backend);
  describe.skipIf(gate === 'skip')(`bad records on ${backend}`, { timeout: 30_000 }, () => {
    async function app() {
      if (gate === 'fail') throw new Error(`REQUIRE_SERVICES=1 and ${backend} is not reachable.`);
      const store = storeFor(backend);
      const t = await new AppUnderTest(store ? { store } : {}).start();
      t.slack.answers.set('files.getUploadURLExternal', {
        ok: true,
        upload_url: t.slack.uploadUrl('F1'),
        file_id: 'F1',
      });
      t.slack.answers.set('files.completeUploadExternal', { ok: true, files: [{ id: 'F1' }] });
      return t;
    }

    it('a torn and a newer record leave the rest of the ledger usable, and forget deletes them', async () => {
      const t = await app();
      try {
        const user = newUser();
        const scope = { teamId: 'T111', userId: user };
        const prefix = scopePrefix(scope);
        const repo = storeLedger(t.store);
        await repo.logSend(scope, {
          recipient: { name: 'Ana Lima' },
          noteLength: 0,
          source: 'manual',
        });
        await writeTorn(t.store, `${prefix}send:torn1`);
        await t.store.kv.set(`${prefix}send:newer1`, {
          schemaVersion: 2,
          id: 'newer1',
          recipient: { name: 'From The Future' },
        });
        let hooks = 0;
        const ask = async (command: string, text: string): Promise<string> => {
          const hook = `bad-${backend}-${++hooks}`;
          const res = await t.post(
            commandBody(text, { command, user_id: user, response_url: t.slack.responseUrl(hook) }),
            FORM,
          );
          expect(res.status).toBe(200);
          if (res.text !== '' && !res.text.includes('Working on it')) return res.text;
          await vi.waitFor(
            () => expect(t.slack.callsTo(`response_url:${hook}`).length).toBeGreaterThan(0),
            { timeout: 8000, interval: 20 },
          );
          return JSON.stringify(t.slack.callsTo(`response_url:${hook}`)[0]?.body);
        };
        const leftOut =
          '2 records of your ledger could not be read and were left out (1 from a newer version of the app)';

        const status = await ask('/invite-coach', 'status');
        expect(status).toContain('Ana Lima');
        expect(status).toContain(leftOut);
        const pending = await ask('/invite-log', 'pending');
        expect(pending).toContain('Ana Lima');
        expect(pending).toContain(leftOut);
        const exported = await ask('/invite-coach', 'export');
        expect(exported).toContain('Your ledger (1 invitation) is in our direct messages');
        expect(exported).toContain(leftOut);
        const csv = t.slack.callsTo('/upload/F1').at(-1)?.raw ?? '';
        expect(csv).toContain('Ana Lima');
        expect(csv).not.toContain('From The Future');
        expect(await ask('/invite-log', 'sent Bo Chen')).toMatch(/Logged/);
        expect(await ask('/invite-coach', 'digest now')).toContain('Your digest is in your DM');
        const digest = t.slack.callsTo('chat.postMessage').find((c) => c.body.channel === user);
        expect(JSON.stringify(digest?.body)).toContain('pending');
        expect(
          t.logs.some((l) => l.includes(`left out an unreadable record at ${prefix}send:torn1`)),
        ).toBe(true);
        expect(
          t.logs.some((l) => l.includes(`left out a newer record at ${prefix}send:newer1`)),
        ).toBe(true);

        const sample = sampleJson<Json>('block-actions.json');
        const res = await t.interaction({
          ...sample,
          user: { id: user, username: 'u', name: 'u', team_id: 'T111' },
          team: { id: 'T111', domain: 'test' },
          response_url: t.slack.responseUrl('forget'),
          actions: [
            {
              type: 'button',
              block_id: 'f',
              action_id: ACTION_FORGET_CONFIRM,
              value: 'forget',
              action_ts: '1',
            },
          ],
        });
        expect(res.status).toBe(200);
        await vi.waitFor(() => expect(t.slack.callsTo('response_url:forget').length).toBe(1));
        expect((await t.storedKeys()).filter((k) => k.includes(`/u/${user}/`))).toEqual([]);
      } finally {
        await t.stop();
      }
    });

    it('a torn roster or ledger value is skipped by the digest pass and the backfill, not fatal to all', async () => {
      const t = await app();
      const api = new DigestFakeApi();
      try {
        const client = new webApi.WebClient('xoxb-test', {
          slackApiUrl: await api.start(),
          logLevel: webApi.LogLevel.ERROR,
        }) as unknown as DigestClient;
        const [a, b, torn] = [newUser(), newUser(), newUser()];
        for (const userId of [a, b])
          await enrollDigest(t.store.kv, { teamId: 'T1', userId }, { timeZone: 'UTC' });
        await writeTorn(t.store, rosterKey({ teamId: 'T1', userId: torn }));
        const kv = t.store.kv;
        const ledger = new LedgerRepository(kv, {
          clock: () => new Date('2026-11-23T10:00:00Z'),
          onSkipped: () => {},
        });
        await ledger.logSend(
          { teamId: 'T1', userId: a },
          { recipient: { name: 'Ada' }, noteLength: 0, source: 'manual' },
        );
        await writeTorn(t.store, `${scopePrefix({ teamId: 'T1', userId: a })}send:torn2`);
        const warnings: string[] = [];
        const result = await runDigests({
          render: digestMessage,
          kv,
          ledger,
          client,
          clock: () => new Date('2026-11-23T10:00:00Z'),
          claims: memoryClaims(),
          logger: { info() {}, warn: (l) => warnings.push(l), error: (l) => warnings.push(l) },
        });
        expect(result.sent).toBe(2);
        expect(warnings.some((w) => w.includes(rosterKey({ teamId: 'T1', userId: torn })))).toBe(
          true,
        );
        // The backfill lists keys only: a torn value does not stop it.
        await expect(backfillRoster({ kv, claims: memoryClaims() })).resolves.toBeTypeOf('number');
      } finally {
        await api.stop();
        await t.stop();
      }
    });
  });
}
