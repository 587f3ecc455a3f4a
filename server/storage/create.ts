import { type Config, ConfigError } from '../config';
import { openStorage, type Storage as SqliteStorage } from '../db/open';
import { openPgStorage } from '../db/pg-open';
import type { PgStores } from './pg';

/**
 * The stores of the interface that the PostgreSQL engine does not have yet: they exist on SQLite
 * only, so the server cannot run these on PostgreSQL.
 */
export const NOT_YET_ON_POSTGRESQL = [
  'accounts and registration',
  'sign-in, tokens and sign-in limits',
  'consent and policies',
  'documents',
  'evidence files, time-stamps and custody',
  're-checks',
  'retention',
  'subject requests',
  'notices and follow-through statistics',
  'backup',
] as const;

/**
 * The storage of the whole server, chosen by the configuration: SQLite under the data folder by
 * default. With `WEBTAGGER_DATABASE_URL` it refuses to start rather than keep part of the data
 * in PostgreSQL and the rest in a local SQLite file, until every subject is behind the interface.
 */
export function createStorage(config: Pick<Config, 'dataDir' | 'databaseUrl'>): SqliteStorage {
  if (config.databaseUrl === undefined) return openStorage(config.dataDir);
  throw new ConfigError(
    'WEBTAGGER_DATABASE_URL: the PostgreSQL engine holds reports, review, audit, disclosures ' +
      'and the relations of materials, ' +
      `but not yet ${NOT_YET_ON_POSTGRESQL.join(', ')}; the server does not start on it rather ` +
      'than split the data. Unset it to keep the data in the SQLite file under WEBTAGGER_DATA_DIR.',
  );
}

/**
 * The storage interface alone on the configured engine, for what needs nothing outside it (the
 * engines' suites, benchmarks): PostgreSQL when `WEBTAGGER_DATABASE_URL` names it.
 */
export async function openStores(
  config: Pick<Config, 'dataDir' | 'databaseUrl'>,
): Promise<PgStores & { engine: 'sqlite' | 'postgresql'; close(): Promise<void> }> {
  if (config.databaseUrl !== undefined) {
    const storage = await openPgStorage(config.databaseUrl, config.dataDir);
    return { ...storage, engine: 'postgresql' };
  }
  const storage = openStorage(config.dataDir);
  return { ...storage, engine: 'sqlite', close: async () => storage.close() };
}
