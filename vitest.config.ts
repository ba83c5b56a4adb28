import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 30_000,
    // Property tests print their seed on failure; CI pins it through FC_SEED (see test/setup.ts).
    setupFiles: ['test/setup.ts'],
    pool: 'forks',
    // Many tests wait on loopback servers and child processes: two files at a time keep two cores busy (the default
    // of cores − 1 ran one file at a time, 540 s on 2 cores).
    maxWorkers: 2,
    minWorkers: 1,
    // A spawned bin runs the sources, never a dist/ build that may be older than them.
    env: { CONTRACT_FUZZ_FROM_SOURCE: '1' },
  },
});
