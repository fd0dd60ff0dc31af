import { defineConfig } from 'vitest/config';

/** The layout test alone (test/layout): a headless Chromium run of the example PRs' summary comments. */
export default defineConfig({
  test: {
    include: ['test/layout/**/*.test.ts'],
    testTimeout: 30_000,
    globalSetup: ['./test/helpers/global-setup.ts'],
    reporters: ['default', './test/helpers/summary-reporter.ts'],
  },
});
