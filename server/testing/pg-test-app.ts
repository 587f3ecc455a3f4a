import { createTestApp } from './test-app';

/** Both engines, for the suites that must hold on each whichever project runs them. */
export const TEST_APP_ENGINES = [
  {
    engine: 'SQLite',
    create: (env: Record<string, string> = {}) => createTestApp(env, {}, 'SQLite'),
  },
  {
    engine: 'PostgreSQL',
    create: (env: Record<string, string> = {}) => createTestApp(env, {}, 'PostgreSQL'),
  },
] as const;
