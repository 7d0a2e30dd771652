import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorMessage, errorName } from '../src/errors.js';
import { TIMED_OUT, withTimeout } from '../src/timeout.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('withTimeout', () => {
  it('gives the work’s value when it comes first, and clears its timer', async () => {
    vi.useFakeTimers();
    await expect(withTimeout(Promise.resolve('read'), 1000)).resolves.toBe('read');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('gives TIMED_OUT once the time has passed, and the work goes on for whoever holds it', async () => {
    vi.useFakeTimers();
    let finish: (v: string) => void = () => {};
    const work = new Promise<string>((resolve) => {
      finish = resolve;
    });
    const raced = withTimeout(work, 1000);
    await vi.advanceTimersByTimeAsync(999);
    let settled = false;
    void raced.then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(raced).resolves.toBe(TIMED_OUT);
    finish('late');
    await expect(work).resolves.toBe('late');
  });

  it('passes the work’s failure through', async () => {
    await expect(withTimeout(Promise.reject(new RangeError('x')), 1000)).rejects.toThrow(
      RangeError,
    );
  });
});

describe('errorName and errorMessage', () => {
  it('name an error by its class name, and anything else as Error', () => {
    expect(errorName(new TypeError('secret text'))).toBe('TypeError');
    expect(errorName(Object.assign(new Error('x'), { name: 'StoreUnavailableError' }))).toBe(
      'StoreUnavailableError',
    );
    expect(errorName('a string')).toBe('Error');
    expect(errorName(undefined)).toBe('Error');
    expect(errorMessage(new Error('cannot open x.csv'))).toBe('cannot open x.csv');
    expect(errorMessage('plain')).toBe('plain');
  });
});
