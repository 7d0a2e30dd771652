/**
 * The budget line under check replies, with the store misbehaving: the check
 * answer never depends on the ledger, and a user without a ledger costs no
 * ledger read once known to have none.
 */
import type { Logger } from '@slack/bolt';
import Keyv from 'keyv';
import { describe, expect, it, vi } from 'vitest';
import { createDrafter } from '../../src/draft/index.js';
import { accountAndBudget, createDeps, ledgerWritten } from '../../src/slack/context.js';
import { inviteCheckCommand } from '../../src/slack/listeners/commands/invite-check.js';
import { setAccount } from '../../src/store/settings.js';
import { Store } from '../../src/store/store.js';

function fakeLogger() {
  return {
    debug: vi.fn(),
    info: vi.fn(),
    warn: vi.fn(),
    error: vi.fn(),
    setLevel: vi.fn(),
    getLevel: vi.fn(),
    setName: vi.fn(),
  };
}

const scope = { teamId: 'T1', userId: 'U1' };
const NOTE = 'Hi Sam, we met at the Lisbon meetup. Could I send you the article I mentioned?';

function memoryDeps() {
  return createDeps(new Store(new Keyv({ throwOnErrors: true })), createDrafter());
}

async function check(deps: ReturnType<typeof memoryDeps>, logger = fakeLogger()) {
  const ack = vi.fn(async (_reply?: unknown) => {});
  await inviteCheckCommand(deps)({
    ack,
    command: { text: NOTE, user_id: 'U1', team_id: 'T1' },
    context: {},
    logger: logger as unknown as Logger,
  } as never);
  return JSON.stringify(ack.mock.calls[0]?.[0]);
}

describe('the budget line under a check', () => {
  it('shows the line for a user with a ledger, with the account type from the Slack settings', async () => {
    const deps = memoryDeps();
    await deps.ledger.logSend(scope, {
      recipient: { name: 'Ana' },
      noteLength: 0,
      source: 'manual',
    });
    expect(await check(deps)).toContain('This week 1/100 · 1 pending · 3 personalised notes left');
    await setAccount(deps.store, scope, 'premium');
    deps.accounts.clear();
    const premium = await check(deps);
    expect(premium).toContain('This week 1/100 · 1 pending');
    expect(premium).not.toContain('personalised notes left');
  });

  it('still answers, without the line, when the ledger read fails; logs ids only', async () => {
    const deps = memoryDeps();
    vi.spyOn(deps.ledger, 'snapshot').mockRejectedValue(new Error(`down ${NOTE}`));
    const logger = fakeLogger();
    const reply = await check(deps, logger);
    expect(reply).toContain('/200 characters · Basic account');
    expect(reply).toContain('I sent it');
    expect(reply).not.toContain('This week');
    expect(logger.error).toHaveBeenCalledWith('ledger read failed for user U1: Error');
    expect(JSON.stringify(logger.error.mock.calls)).not.toContain('Lisbon');
  });

  it('gives up on a ledger read that does not answer, keeping the account type', async () => {
    const deps = memoryDeps();
    await setAccount(deps.store, scope, 'premium');
    vi.spyOn(deps.ledger, 'snapshot').mockReturnValue(new Promise(() => {}));
    const logger = fakeLogger();
    const result = await accountAndBudget(deps, scope, logger as unknown as Logger, 20);
    expect(result).toEqual({ account: 'premium', budget: undefined });
    expect(logger.warn).toHaveBeenCalledWith('ledger read timed out for user U1; no budget line');
  });

  it('reads an empty ledger once, then not again until this process logs a send', async () => {
    const deps = memoryDeps();
    const snapshot = vi.spyOn(deps.ledger, 'snapshot');
    expect(await check(deps)).not.toContain('This week');
    expect(await check(deps)).not.toContain('This week');
    expect(snapshot).toHaveBeenCalledTimes(1);

    await deps.ledger.logSend(scope, {
      recipient: { name: 'Ana' },
      noteLength: 0,
      source: 'manual',
    });
    ledgerWritten(deps, scope);
    expect(await check(deps)).toContain('This week 1/100');
    expect(snapshot).toHaveBeenCalledTimes(2);
  });
});
