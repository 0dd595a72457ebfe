import { defineConfig } from 'vitest/config';

// Kept apart from vite.config.ts so that the deck's own Vite plugins stay out of the test runner.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The browser tests poll what a person would see; on a busy 2-core machine that can take seconds.
    expect: { poll: { timeout: 10_000 } },
  },
});
