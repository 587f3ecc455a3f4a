import { canonicalUrl, urlKeyHash } from '#shared/url-key';
import type { LocalReport, WebTaggerDb } from '../storage/db';
import { reportInputOf, saveReport } from '../storage/reports';

/**
 * Whether a report is "reported, not captured": tagged from the link menu without the page being
 * open, so it has no evidence yet (and none is being captured).
 */
export function isNotCaptured(report: LocalReport): boolean {
  return (
    report.source === 'link' &&
    !report.files?.length &&
    !report.evidence &&
    report.evidenceState !== 'capturing'
  );
}

/** The analyst's own report of a URL (by its URL key) that still lacks its capture, if any. */
export async function findNotCaptured(
  db: WebTaggerDb,
  url: string,
): Promise<LocalReport | undefined> {
  let hash: string;
  try {
    hash = urlKeyHash(canonicalUrl(url));
  } catch {
    return undefined; // not a page that can be reported
  }
  const reports = await db.reports.where('urlKeyHash').equals(hash).toArray();
  return reports.find(isNotCaptured);
}

/**
 * Queues the report again, waiting for the capture the background is about to run: the capture
 * then joins the same report as a new upsert with `files` and `capture`.
 */
export async function awaitRecapture(
  db: WebTaggerDb,
  report: LocalReport,
  at: number,
): Promise<LocalReport> {
  return saveReport(db, reportInputOf(report), { at, awaitCapture: true, rememberForm: false });
}
