import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // A page re-renders after a mutation's refetch; on a loaded 2-core machine that can take several seconds, so
    // polled expectations wait up to 15 s (vitest's default is 1 s) instead of failing on a slow render.
    expect: { poll: { timeout: 15_000 } },
  },
});
