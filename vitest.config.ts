import { defineConfig } from 'vitest/config';

// Kept apart from vite.config.ts so that the deck's own Vite plugins stay out of the test runner.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The browser tests poll what a person would see; on a busy 2-core machine that can take seconds. Each look is
    // a round trip through the browser, which competes for the same cores: every 100 ms, not vitest's 50.
    expect: { poll: { timeout: 10_000, interval: 100 } },
    // Two files at a time, whatever the machine: vitest's default leaves one core idle, and most of a browser
    // test's time is spent waiting on Chromium or a child process.
    maxWorkers: 2,
    // Each of the two processes runs file after file with the modules it has loaded (playwright, pdf.js, jieba,
    // Vite, sharp …): the files restore what they change, and those that need modules fresh reset them themselves.
    isolate: false,
    projects: [
      {
        extends: true,
        test: {
          // `npm run test:unit`: everything that needs no browser.
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.browser.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          // Every file that starts Chromium, itself or through the command line, is named *.browser.test.ts.
          name: 'browser',
          include: ['test/**/*.browser.test.ts'],
          globalSetup: ['test/helpers/global-setup.ts'],
        },
      },
    ],
  },
});
