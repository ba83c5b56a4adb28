import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 30_000,
    // Property tests print their seed on failure; CI pins it through FC_SEED (see test/setup.ts).
    setupFiles: ['test/setup.ts'],
    pool: 'forks',
    // A spawned bin runs the sources, never a dist/ build that may be older than them.
    env: { CONTRACT_FUZZ_FROM_SOURCE: '1' },
  },
});
