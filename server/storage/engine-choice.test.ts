import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';

describe('choosing the storage engine', () => {
  it('keeps the data in the SQLite file under the data folder when no database is named', () => {
    expect(loadConfig({ WEBTAGGER_DATA_DIR: '/srv/webtagger' }).dataDir).toBe('/srv/webtagger');
    expect(() => loadConfig({ WEBTAGGER_DATABASE_URL: '' })).not.toThrow();
  });

  it('refuses to start on a PostgreSQL URL rather than keep the data elsewhere than asked', () => {
    const start = () => loadConfig({ WEBTAGGER_DATABASE_URL: 'postgres://db.internal/webtagger' });
    expect(start).toThrow(ConfigError);
    expect(start).toThrow(/WEBTAGGER_DATABASE_URL: PostgreSQL is not available/);
  });
});
