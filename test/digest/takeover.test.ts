/**
 * A sender that died after posting a digest and before marking it: the one
 * that takes over its claim looks in the DM first, paging back through a DM
 * that is busy with checked notes since, so the user gets one digest.
 */
import { webApi } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { claimKey, runDigests } from '../../src/digest/pass.js';
import { enrollDigest } from '../../src/digest/roster.js';
import { type DigestClient, sendDigest } from '../../src/digest/send.js';
import { LedgerRepository, memoryLedgerKv } from '../../src/ledger/index.js';
import { digestMessage } from '../../src/slack/blocks/digest-message.js';
import { memoryClaims } from '../../src/store/claims.js';
import { DigestFakeApi } from './fake-api.js';

const silent = { info() {}, warn() {}, error() {} };
const apis: DigestFakeApi[] = [];
afterEach(async () => {
  await Promise.all(apis.splice(0).map((a) => a.stop()));
});

describe('taking over a dead sender’s digest claim', () => {
  it.each([0, 20, 450])(
    'finds the digest already posted with %i messages after it, and sends none',
    async (chatter) => {
      const now = { t: new Date('2026-11-23T10:00:00Z') };
      const clock = () => now.t;
      const kv = memoryLedgerKv();
      const ledger = new LedgerRepository(kv, { clock });
      const api = new DigestFakeApi();
      apis.push(api);
      const client = new webApi.WebClient('xoxb-test', {
        slackApiUrl: await api.start(),
        logLevel: webApi.LogLevel.ERROR,
      }) as unknown as DigestClient;
      const scope = { teamId: 'T1', userId: 'U1' };
      await enrollDigest(kv, scope, { timeZone: 'UTC' });
      const claims = memoryClaims(() => now.t.getTime());
      const leaseMs = 10 * 60_000;

      // The dead sender: claimed, posted, never finished.
      expect(await claims.claim(claimKey(scope, '2026-W48'), leaseMs)).toBe('new');
      await sendDigest({ render: digestMessage, ledger, client, clock }, scope, '2026-W48');
      // The user checks notes in the DM meanwhile: each check is a message there.
      api.chatter.set('U1', chatter);

      now.t = new Date(now.t.getTime() + leaseMs + 60_000);
      const result = await runDigests({
        render: digestMessage,
        kv,
        ledger,
        client,
        clock,
        claims,
        logger: silent,
        leaseMs,
      });
      expect(result.sent).toBe(0);
      expect(api.posts.get('U1')).toBe(1);
    },
  );
});
