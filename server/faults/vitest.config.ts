import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// `npm run test:faults`: the fault and hostile-input suites (targets.md R1, R3, R5, R7, R8, R9). They
// start real servers and kill them, so they run one file at a time, apart from `npm run test:unit`.
export default defineConfig({
  root: resolve(import.meta.dirname, '../..'),
  test: {
    name: 'faults',
    // A stalled file names itself, its test and what its processes are doing.
    reporters: ['default', './scripts/testing/stalled-test-reporter.ts'],
    include: ['server/faults/**/*.fault.ts'],
    environment: 'node',
    fileParallelism: false,
    // R9 runs replicas on a throwaway PostgreSQL cluster, started once for the run.
    globalSetup: ['server/testing/pg-global-setup.ts'],
    testTimeout: 240_000,
    hookTimeout: 60_000,
  },
});
