import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';
import { createPgTestDatabase } from '../testing/pg-database';
import { createStorage, NOT_YET_ON_POSTGRESQL, openStores } from './create';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'webtagger-engine-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

describe('choosing the storage engine', () => {
  it('keeps the data in the SQLite file under the data folder when no database is named', async () => {
    expect(loadConfig({ WEBTAGGER_DATA_DIR: '/srv/webtagger' }).dataDir).toBe('/srv/webtagger');
    const config = loadConfig({ WEBTAGGER_DATA_DIR: tempDir(), WEBTAGGER_DATABASE_URL: '' });
    expect(config.databaseUrl).toBeUndefined();
    const stores = await openStores(config);
    cleanups.push(() => stores.close());
    expect(stores.engine).toBe('sqlite');
  });

  it('accepts only PostgreSQL URLs', () => {
    for (const url of ['postgres://db.internal/webtagger', 'postgresql://u@db:5432/w']) {
      expect(loadConfig({ WEBTAGGER_DATABASE_URL: url }).databaseUrl).toBe(url);
    }
    for (const url of ['mysql://db/webtagger', 'db.internal', 'postgres://']) {
      expect(() => loadConfig({ WEBTAGGER_DATABASE_URL: url })).toThrow(
        /WEBTAGGER_DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/,
      );
    }
  });

  it('refuses to start the server on PostgreSQL, naming what is not there yet, rather than split the data', () => {
    const config = loadConfig({ WEBTAGGER_DATABASE_URL: 'postgres://db.internal/webtagger' });
    const start = () => createStorage(config);
    expect(start).toThrow(ConfigError);
    expect(start).toThrow(
      /holds reports, review, audit, disclosures and the relations of materials, but not yet accounts/,
    );
    for (const subject of NOT_YET_ON_POSTGRESQL) expect(start).toThrow(subject);
  });

  it('opens the stores on the named PostgreSQL database, migrating it, and keeps the data there', async () => {
    const database = await createPgTestDatabase();
    cleanups.push(() => database.drop());
    const config = loadConfig({
      WEBTAGGER_DATA_DIR: tempDir(),
      WEBTAGGER_DATABASE_URL: database.url,
    });
    const stores = await openStores(config);
    cleanups.push(() => stores.close());
    expect(stores.engine).toBe('postgresql');
    await stores.audit.record({ action: 'engine.checked', at: new Date() });

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    cleanups.push(() => client.end());
    const rows = await client.query('SELECT action FROM audit_events');
    expect(rows.rows).toEqual([{ action: 'engine.checked' }]);
  });
});
