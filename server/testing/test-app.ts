import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { openStorage } from '../db/open';
import { recheckEngineFromConfig } from '../features/rechecks/engine-from-config';
import { silentLogger } from '../logger';
import { prepareData } from '../startup';
import type { Storage } from '../storage';

/**
 * The real app on a real SQLite file in a fresh temporary folder, with a clock tests can move.
 * Call `dispose()` in afterEach.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  /** DNS and exempt targets for the re-check client (features/rechecks). */
  recheckExtra: Parameters<typeof recheckEngineFromConfig>[1] = {},
  /** Stores of another engine to use instead of SQLite's (see pg-test-app.ts). */
  stores?: Pick<Storage, 'reports' | 'review' | 'audit' | 'disclosures' | 'relations'>,
) {
  const dataDir = mkdtempSync(join(tmpdir(), 'webtagger-test-'));
  const config = loadConfig({ WEBTAGGER_DATA_DIR: dataDir, ...env });
  const sqlite = openStorage(dataDir);
  const storage = stores
    ? {
        ...sqlite,
        reports: stores.reports,
        review: stores.review,
        audit: stores.audit,
        disclosures: stores.disclosures,
        relations: stores.relations,
      }
    : sqlite;
  let clock = new Date('2026-11-24T10:00:00.000Z');
  const deps = {
    storage,
    config,
    logger: silentLogger,
    now: () => new Date(clock),
    recheck: recheckEngineFromConfig(config.recheck, recheckExtra),
  };
  await prepareData(storage, config, silentLogger, deps.now());
  const app = createApp(deps);
  return {
    app,
    deps,
    dataDir,
    storage,
    /** Moves the clock forward. */
    advance(ms: number) {
      clock = new Date(clock.getTime() + ms);
    },
    dispose() {
      void deps.recheck.close();
      storage.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
export type TestApp = ReturnType<typeof createTestApp>;
