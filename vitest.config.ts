import { defineConfig } from 'vitest/config';

// Kept apart from vite.config.ts so that the deck's own Vite plugins stay out of the test runner.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
