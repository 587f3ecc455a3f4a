/**
 * The extension database's tables as version 5 declared them (db.ts), for tests that make such a
 * database and upgrade it: the unit tests and the browser check (e2e/support/db-upgrade.ts).
 */
export const VERSION_5_STORES = {
  reports: 'id, updatedAt, urlKeyHash, [state+updatedAt]',
  outbox: '++seq, reportId, evidenceSha256, *fileShas, awaitingCapture',
  knownUrls: 'hash',
  meta: 'key',
  evidence: 'sha256, storedAt, dueAt',
};
