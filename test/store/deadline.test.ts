/**
 * The one deadline every store call goes through: a call that never answers
 * ends with StoreUnavailableError('timeout'), saying whether it was a write
 * (which may still land); a refused connection with 'unreachable' (nothing
 * written); any other error passes through as it is.
 */
import { describe, expect, it } from 'vitest';
import { withDeadlines, withTimeout } from '../../src/store/deadline.js';
import { StoreUnavailableError } from '../../src/store/errors.js';

const never = () => new Promise<never>(() => {});

describe('withTimeout', () => {
  it('ends a call that never answers with a timeout', async () => {
    const error = await withTimeout(never(), 'get', 20).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error).toMatchObject({ reason: 'timeout', mayHaveWritten: false });
  });

  it('turns a refused connection into unreachable, keeping the cause', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
      code: 'ECONNREFUSED',
    });
    const error = await withTimeout(Promise.reject(refused), 'get', 1000).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'unreachable', mayHaveWritten: false, cause: refused });
  });

  it('lets other errors through unchanged, and answers when the store does', async () => {
    const bad = new SyntaxError('bad value');
    await expect(withTimeout(Promise.reject(bad), 'get', 1000)).rejects.toBe(bad);
    await expect(withTimeout(Promise.resolve(42), 'get', 1000)).resolves.toBe(42);
  });
});

describe('withDeadlines', () => {
  const hung = {
    opts: { dialect: 'test' },
    get: never,
    set: never,
    other: () => 'mine',
  };

  it('puts the deadline on store calls, says which were writes, and leaves the rest alone', async () => {
    const adapter = withDeadlines(hung, 20);
    await expect(adapter.get()).rejects.toMatchObject({ reason: 'timeout', mayHaveWritten: false });
    await expect(adapter.set()).rejects.toMatchObject({ reason: 'timeout', mayHaveWritten: true });
    expect(adapter.other()).toBe('mine');
    expect(adapter.opts).toBe(hung.opts);
  });
});
