import type { Logger } from '@slack/bolt';
import { describe, expect, it, vi } from 'vitest';
import { createDrafter } from '../../src/draft/index.js';
import { memoryLedgerKv } from '../../src/ledger/index.js';
import { createDeps } from '../../src/slack/context.js';
import { inviteCheckCommand } from '../../src/slack/listeners/commands/invite-check.js';
import { isPersonDm } from '../../src/slack/listeners/events/direct-message.js';
import { memoryClaims } from '../../src/store/claims.js';
import type { Store } from '../../src/store/store.js';
import { fakeLogger } from './harness/fake-logger.js';
import { sampleJson } from './harness/samples.js';

// Handlers called directly with fake Bolt arguments, for the paths e2e cannot reach.
describe('inviteCheckCommand', () => {
  const failingStore = {
    get: () => Promise.reject(new Error('down')),
    kv: memoryLedgerKv(),
    claims: () => memoryClaims(),
  } as unknown as Store;
  const args = (ack: () => Promise<void>, logger: ReturnType<typeof fakeLogger>) =>
    ({
      ack,
      command: { text: 'Hi Sam, we met at the meetup.', user_id: 'U1', team_id: 'T1' },
      context: {},
      logger: logger as unknown as Logger,
    }) as never;

  it('still answers (on Basic) when the store fails, and logs no note text', async () => {
    const ack = vi.fn(async (_reply?: unknown) => {});
    const logger = fakeLogger();
    await inviteCheckCommand(createDeps(failingStore, createDrafter()))(args(ack, logger));
    expect(JSON.stringify(ack.mock.calls[0]?.[0])).toContain('/200 characters · Basic account');
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining('settings read failed for user U1'),
    );
    expect(JSON.stringify([logger.error.mock.calls, logger.info.mock.calls])).not.toContain(
      'meetup',
    );
  });

  it('logs and does not throw when ack throws', async () => {
    const logger = fakeLogger();
    const ack = vi.fn(async () => {
      throw new Error('socket closed');
    });
    await expect(
      inviteCheckCommand(createDeps(failingStore, createDrafter()))(args(ack, logger)),
    ).resolves.toBeUndefined();
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('could not ack'));
  });
});

describe('isPersonDm', () => {
  type Envelope = { event: Parameters<typeof isPersonDm>[0] };
  it.each([
    ['event-message-im.json', true],
    ['event-message-user.bolt-python.json', false], // a channel, not a DM
    ['event-message-changed.json', false],
    ['event-message-bot_message-subtype.json', false],
  ])('%s → %s', (file, expected) => {
    expect(isPersonDm(sampleJson<Envelope>(file).event)).toBe(expected);
  });

  it('ignores a bot post without subtype (our own replies come back like this)', () => {
    const { event } = sampleJson<Envelope>('event-message-bot.bolt-python.json');
    expect(isPersonDm({ ...event, channel_type: 'im' } as typeof event)).toBe(false);
  });
});
