import type { ReportInput } from '#shared/schemas/report';
import type { LocalReport, WebTaggerDb } from './db';
import { type SaveOptions, storeReport } from './reports';

export type BatchSaveOptions = SaveOptions & {
  /** Which reports wait for a capture of their page (tabs); the others are queued as they are. */
  awaitCaptureOf?: ReadonlySet<string>;
  /** Called after each report is stored, with how many are (the analyst sees "n of m saved"). */
  onProgress?: (saved: number) => void;
};

/**
 * Saves many reports, each with its own upsert, in one transaction: a batch of 50 links costs one
 * commit instead of 50, and a popup closed midway leaves all of them queued or none. Each report
 * is stored as `saveReport` stores one; a batch never becomes the single form's last-used values.
 */
export async function saveReports(
  db: WebTaggerDb,
  reports: readonly ReportInput[],
  options: BatchSaveOptions,
): Promise<LocalReport[]> {
  const { awaitCaptureOf, onProgress, ...save } = options;
  const saved: LocalReport[] = [];
  await db.transaction('rw', db.reports, db.outbox, db.meta, async () => {
    for (const report of reports) {
      const awaitCapture = awaitCaptureOf?.has(report.id) ?? save.awaitCapture;
      saved.push(
        await storeReport(db, report, {
          ...save,
          rememberForm: false,
          awaitCapture: !!awaitCapture,
        }),
      );
      onProgress?.(saved.length);
    }
  });
  return saved;
}
