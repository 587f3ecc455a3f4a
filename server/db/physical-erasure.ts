import type Database from 'better-sqlite3';

/**
 * Makes what was deleted or overwritten unreadable in the files themselves, not only to queries.
 * `secure_delete` (set when the database is opened) zeroes space as rows are removed, but older
 * copies of the pages stay in the WAL until it is copied back and truncated; `rebuild` also
 * rewrites the whole file (VACUUM), for space freed before `secure_delete` was on. VACUUM holds
 * the database for as long as it takes, so it runs only after retention destroyed something.
 */
export function eraseFreedSpace(sqlite: Database.Database, options: { rebuild: boolean }): void {
  const truncateWal = () => {
    const [result] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (result?.busy) throw new Error('the WAL could not be truncated: a reader holds it');
  };
  truncateWal();
  if (!options.rebuild) return;
  sqlite.exec('VACUUM');
  truncateWal();
}
