import type { Config } from '../config';
import { openStorage } from '../db/open';
import { openPgStorage } from '../db/pg-open';
import type { Storage } from './index';

/** The storage of a server process on its configured engine, and how to let it go. */
export type ServerStorage = Storage & {
  engine: 'sqlite' | 'postgresql';
  close(): Promise<void>;
};

/**
 * The storage of the whole server, chosen by the configuration: SQLite under the data folder by
 * default, or the PostgreSQL database `WEBTAGGER_DATABASE_URL` names (brought up to date first).
 * Files (evidence, documents) stay under the data folder either way: replicas on one database
 * share it (docs/deploy.md).
 */
export async function createStorage(
  config: Pick<Config, 'dataDir' | 'databaseUrl'>,
): Promise<ServerStorage> {
  if (config.databaseUrl !== undefined) {
    const storage = await openPgStorage(config.databaseUrl, config.dataDir);
    return { ...storage, engine: 'postgresql' };
  }
  const storage = openStorage(config.dataDir);
  return { ...storage, engine: 'sqlite', close: async () => storage.close() };
}
