/**
 * The budget line under check replies, with the store misbehaving: the check
 * answer never depends on the ledger, and a user costs no ledger read once
 * read, with a ledger or without, until a write to it. And /invite-log with a failing or
 * slow store: an apology, or the answer through response_url.
 */
import type { Logger } from '@slack/bolt';
import { describe, expect, it, vi } from 'vitest';
import { createDrafter } from '../../src/draft/index.js';
import { createDeps } from '../../src/slack/context.js';
import { inviteCheckCommand } from '../../src/slack/listeners/commands/invite-check.js';
import { ackOrRespond, inviteLogCommand } from '../../src/slack/listeners/commands/invite-log.js';
import { accountAndBudget } from '../../src/slack/services/budget.js';
import { ledgerWritten } from '../../src/slack/services/ledger.js';
import { setAccount } from '../../src/store/settings.js';
import { memoryStore } from '../../src/store/store.js';
import { fakeLogger } from './harness/fake-logger.js';

const scope = { teamId: 'T1', userId: 'U1' };
const NOTE = 'Hi Sam, we met at the Lisbon meetup. Could I send you the article I mentioned?';

function memoryDeps() {
  return createDeps(memoryStore(), createDrafter());
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

  it('reads a ledger once for repeated checks, and shows a send logged in between at once', async () => {
    const deps = memoryDeps();
    const send = { recipient: { name: 'Ana' }, noteLength: 0, source: 'manual' } as const;
    await deps.ledger.logSend(scope, send);
    const summary = vi.spyOn(deps.ledger, 'summary');
    expect(await check(deps)).toContain('This week 1/100 · 1 pending');
    expect(await check(deps)).toContain('This week 1/100 · 1 pending');
    expect(summary).toHaveBeenCalledTimes(1);

    await deps.ledger.logSend(scope, { ...send, recipient: { name: 'Ben' } });
    expect(await check(deps)).toContain('This week 2/100 · 2 pending');
    expect(summary).toHaveBeenCalledTimes(2);
  });
});

describe('/invite-log when the store misbehaves', () => {
  async function log(deps: ReturnType<typeof memoryDeps>, text: string, logger = fakeLogger()) {
    const ack = vi.fn(async (_reply?: unknown) => {});
    const respond = vi.fn(async (_reply?: unknown) => {});
    await inviteLogCommand(deps)({
      ack,
      respond,
      command: { text, user_id: 'U1', team_id: 'T1' },
      context: {},
      logger: logger as unknown as Logger,
    } as never);
    return { ack, respond, logger };
  }

  it('apologises when the ledger cannot be read, changes nothing and logs no name', async () => {
    const deps = memoryDeps();
    vi.spyOn(deps.ledger, 'snapshot').mockRejectedValue(new Error('down'));
    const logSend = vi.spyOn(deps.ledger, 'logSend');
    const { ack, logger } = await log(deps, 'sent Jane Park');
    expect(JSON.stringify(ack.mock.calls[0]?.[0])).toContain('could not reach your ledger');
    expect(logSend).not.toHaveBeenCalled();
    expect(JSON.stringify(logger.error.mock.calls)).not.toContain('Jane');
  });

  it('acks "Working on it…" when the answer is late, then answers through response_url', async () => {
    const ack = vi.fn(async (_reply?: unknown) => {});
    const respond = vi.fn(async (_reply?: unknown) => {});
    let finish: (m: { text: string; blocks: [] }) => void = () => {};
    const work = new Promise<{ text: string; blocks: [] }>((resolve) => {
      finish = resolve;
    });
    const done = ackOrRespond(ack, respond as never, work, fakeLogger() as never, 'U1', 10);
    await vi.waitFor(() => expect(ack).toHaveBeenCalledTimes(1));
    expect(ack.mock.calls[0]?.[0]).toMatchObject({ text: 'Working on it…' });
    expect(respond).not.toHaveBeenCalled();
    finish({ text: 'Logged.', blocks: [] });
    await done;
    expect(respond).toHaveBeenCalledWith(
      expect.objectContaining({ text: 'Logged.', replace_original: true }),
    );
  });
});
