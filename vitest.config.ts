import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Suites about SQLite itself (its file, migrations, backup, what an erasure leaves on disk), and
// suites that still read or write the SQLite file directly for their assertions: they run in the
// `server` project only.
const SQLITE_ONLY = [
  'server/db/**',
  'server/features/backup/backup.test.ts',
  'server/features/materials/search-migration.test.ts',
  'server/features/relations/domain-backfill.test.ts',
  'server/features/accounts/documents.test.ts',
  'server/features/accounts/registration-abuse.test.ts',
  'server/features/accounts/registration.test.ts',
  'server/features/admin/authorization-matrix.test.ts',
  'server/features/auth/stored-limits.test.ts',
  'server/features/disclosures/disclosures.test.ts',
  'server/features/evidence/verify.test.ts',
  'server/features/materials/material-search.test.ts',
  'server/features/materials/material-status.test.ts',
  'server/features/rechecks/recheck-schedule.test.ts',
  'server/features/retention/retention.test.ts',
  'server/features/review/projection.test.ts',
  'server/features/sync/push-transaction.test.ts',
  'server/features/sync/push.test.ts',
  'server/site/consent/consent.test.ts',
];
// Suites that open both engines themselves (describe.each(STORAGE_ENGINES)), or PostgreSQL only
// (its backup command): once is enough.
const ENGINE_SUITES = [
  'server/storage/**',
  'server/testing/**',
  'server/features/backup/pg-backup.test.ts',
];

export default defineConfig({
  test: {
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
          setupFiles: ['fake-indexeddb/auto'],
        },
      },
    ],
  },
});
