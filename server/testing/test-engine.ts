export type TestEngine = 'SQLite' | 'PostgreSQL';

/**
 * The engine the suites' servers run on: SQLite, or PostgreSQL in the run of the `server-pg`
 * project (vitest.config.ts), which runs the server's suites again with
 * `WEBTAGGER_TEST_ENGINE=postgresql`.
 */
export const TEST_ENGINE: TestEngine =
  process.env.WEBTAGGER_TEST_ENGINE === 'postgresql' ? 'PostgreSQL' : 'SQLite';
