import { defineConfig } from 'vitest/config';

/**
 * The browser tests in Firefox (`npm run test:firefox`): the Firefox build of the extension in
 * Debian's Firefox ESR, driven over WebDriver BiDi, against the real server. One file at a time,
 * each test with a browser of its own.
 */
export default defineConfig({
  test: {
    name: 'firefox',
    // A stalled file names itself, its test and what its processes are doing.
    reporters: ['default', './scripts/testing/stalled-test-reporter.ts'],
    include: ['e2e/firefox/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['e2e/firefox/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
