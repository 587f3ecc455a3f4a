import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Suites about SQLite itself (its file, migrations, backup, what an erasure leaves on disk): they
// run in the `server` project only. Every other server suite runs on both engines.
const SQLITE_ONLY = [
  // Compares the two engines' schemas by itself, with no app on either: once is enough.
  'server/db/**',
  // Backs up and restores the SQLite file (pg-backup.test.ts covers PostgreSQL's pg_dump).
  'server/features/backup/backup.test.ts',
  // SQLite's full-text index of the materials and its query syntax.
  'server/features/materials/material-search.sqlite.test.ts',
  // What an erasure leaves in the bytes of the SQLite file and its WAL.
  'server/features/retention/retention.sqlite.test.ts',
];
// Suites that open both engines themselves (describe.each(STORAGE_ENGINES)), or PostgreSQL only
// (its backup command): once is enough.
const ENGINE_SUITES = [
  'server/storage/**',
  'server/testing/**',
  // Each engine's search migration on a database made before it.
  'server/features/materials/search-migration.test.ts',
  'server/features/backup/pg-backup.test.ts',
];

export default defineConfig({
  test: {
    // A stalled file names itself, its test and what its processes are doing.
    reporters: ['default', './scripts/testing/stalled-test-reporter.ts'],
    projects: [
      {
        test: {
          name: 'shared',
          include: ['shared/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          // The test runs' own tools.
          name: 'scripts',
          include: ['scripts/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'server',
          include: ['server/**/*.test.ts'],
          environment: 'node',
          // One throwaway PostgreSQL cluster for the run: the storage suites run on both engines.
          globalSetup: ['server/testing/pg-global-setup.ts'],
          testTimeout: 20_000,
          // Suites that spawn the server wait for it as long as spawnServer does (30 s).
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          // The server's suites again, every app on a PostgreSQL copy of the template database.
          name: 'server-pg',
          include: ['server/**/*.test.ts'],
          exclude: [...SQLITE_ONLY, ...ENGINE_SUITES],
          environment: 'node',
          env: { WEBTAGGER_TEST_ENGINE: 'postgresql' },
          globalSetup: ['server/testing/pg-global-setup.ts'],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        plugins: [WxtVitest(), preact()],
        test: {
          name: 'extension',
          include: ['extension/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['fake-indexeddb/auto', 'extension/lib/testing/node-blob.ts'],
        },
      },
    ],
  },
});
