/**
 * Exactly once, through the real Bolt HTTP receiver on each store: a retried
 * `/invite-log sent` logs one invitation, and two outcomes pressed at once on
 * one invitation record one (the other click hears "already recorded as …"
 * with a button to change it).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { storeLedger } from '../../src/ledger/index.js';
import { OUTCOME_ACTION_ID } from '../../src/slack/ids.js';
import { outcomeValue } from '../../src/slack/payload.js';
import type { Store } from '../../src/store/store.js';
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
  describe.skipIf(gate === 'skip')(`exactly once on ${backend}`, { timeout: 30_000 }, () => {
    async function app() {
      if (gate === 'fail') throw new Error(`REQUIRE_SERVICES=1 and ${backend} is not reachable.`);
      const store = storeFor(backend);
      return new AppUnderTest(store ? { store } : {}).start();
    }

    it('a retried /invite-log sent (same request) logs one invitation', async () => {
      const t = await app();
      try {
        const user = newUser();
        const body = commandBody('sent Jane Park', {
          command: '/invite-log',
          user_id: user,
          trigger_id: `13345224609.738474920.${randomUUID()}`,
          response_url: t.slack.responseUrl(randomUUID()),
        });
        const first = await t.post(body, FORM);
        const retry = await t.post(body, FORM);
        expect(first.text).toMatch(/Logged/);
        expect(retry.text).toMatch(/Logged/);
        const repo = storeLedger(t.store);
        expect(await repo.list({ teamId: 'T111', userId: user })).toHaveLength(1);
        // A new command (its own trigger) to the same person is a new request: warned first.
        const again = await t.post(
          commandBody('sent Jane Park', {
            command: '/invite-log',
            user_id: user,
            trigger_id: `13345224609.738474920.${randomUUID()}`,
          }),
          FORM,
        );
        expect(again.text).toMatch(/Log it anyway/);
        expect(await repo.list({ teamId: 'T111', userId: user })).toHaveLength(1);
      } finally {
        await t.stop();
      }
    });

    it('"accepted" and "ignored" pressed at once record one; the other can change it', async () => {
      const t = await app();
      try {
        const user = newUser();
        const scope = { teamId: 'T111', userId: user };
        const repo = storeLedger(t.store);
        const entry = await repo.logSend(scope, {
          recipient: { name: 'Sam Lee' },
          noteLength: 0,
          source: 'manual',
        });
        const click = (value: string, hook: string) => {
          const sample = sampleJson<Json>('block-actions.json');
          return t.interaction({
            ...sample,
            user: { id: user, username: 'u', name: 'u', team_id: 'T111' },
            team: { id: 'T111', domain: 'test' },
            container: { type: 'message', message_ts: '1700000000.000100', is_ephemeral: true },
            response_url: t.slack.responseUrl(hook),
            actions: [
              {
                type: 'button',
                block_id: 'pick_1',
                action_id: OUTCOME_ACTION_ID,
                value,
                action_ts: '1',
              },
            ],
          });
        };
        const hooks = [`race-a-${user}`, `race-b-${user}`];
        await Promise.all([
          click(outcomeValue('accepted', entry.id), hooks[0] as string),
          click(outcomeValue('ignored', entry.id), hooks[1] as string),
        ]);
        const answers = async () => {
          await vi.waitFor(
            () => {
              for (const h of hooks)
                expect(t.slack.callsTo(`response_url:${h}`).length).toBeGreaterThan(0);
            },
            { timeout: 8000, interval: 20 },
          );
          return hooks.map((h) =>
            JSON.stringify(t.slack.callsTo(`response_url:${h}`).at(-1)?.body),
          );
        };
        const [a, b] = await answers();
        const recorded = [a, b].filter((x) => x?.includes('Recorded:'));
        const refused = [a, b].filter((x) => x?.includes('is already recorded as'));
        expect(recorded).toHaveLength(1);
        expect(refused).toHaveLength(1);
        const stored = await repo.get(scope, entry.id);
        expect(stored?.history.map((h) => h.status)).toHaveLength(2);
        const won = stored?.history.at(-1)?.status;
        const lost = won === 'accepted' ? 'ignored' : 'accepted';
        expect(refused[0]).toContain(`Change to ${lost}`);

        // The change button records the other outcome.
        const change = JSON.parse(refused[0] as string) as {
          blocks: { elements?: { value?: string }[] }[];
        };
        const value = change.blocks.flatMap((bl) => bl.elements ?? []).find((e) => e.value)?.value;
        expect(value).toBe(outcomeValue(lost, entry.id, true));
        await click(value as string, `change-${user}`);
        await vi.waitFor(() =>
          expect(
            JSON.stringify(t.slack.callsTo(`response_url:change-${user}`).at(-1)?.body),
          ).toContain('Recorded:'),
        );
        expect((await repo.get(scope, entry.id))?.history.at(-1)?.status).toBe(lost);
      } finally {
        await t.stop();
      }
    });
  });
}
