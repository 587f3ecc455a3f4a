import type { ReportInput } from '#shared/schemas/report';
import type { LocalReport, WebTaggerDb } from './db';
import { type StoreOptions, storeReports } from './reports';

/**
 * Saves many reports in one transaction, each stored as `saveReport` stores one: a batch of 50
 * links costs one commit instead of 50, and a popup closed midway leaves all of them queued or
 * none. A batch never becomes the single form's last-used values.
 */
export async function saveReports(
  db: WebTaggerDb,
  reports: readonly ReportInput[],
  options: StoreOptions,
): Promise<LocalReport[]> {
  // An async scope: Dexie follows its awaits (a plain function returning a promise it does not).
  return db.transaction('rw', db.reports, db.outbox, db.meta, async () =>
    storeReports(db, reports, { ...options, rememberForm: false }),
  );
}
