import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Two cores on every machine this runs on: keep the pool small so that
    // suites that spawn processes do not starve each other.
    maxWorkers: 2,
  },
});
