import { vi } from 'vitest';

/** A Bolt Logger whose calls tests can inspect (for example, that no note text was logged). */
export function fakeLogger() {
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
