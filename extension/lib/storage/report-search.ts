import Dexie, { type Collection, type InsertType } from 'dexie';
import type { ReviewStatus } from '#shared/review-status';
import type { Topic } from '#shared/taxonomy';
import type { LocalReport, LocalState, WebTaggerDb } from './db';
import { showSending } from './sending';

/** What the analyst filters their own reports by; every part optional. */
export type ReportFilter = {
  /** Words in the title, the address or the note (any case). */
  text?: string;
  topic?: Topic;
  /** `waiting` or `refused` on the way to the server, else the reviewers' status. */
  status?: 'waiting' | 'refused' | ReviewStatus;
  /** The tagging time (capturedAt), ms since epoch, inclusive. */
  from?: number;
  to?: number;
};

const STATES_OF: Record<'waiting' | 'refused', LocalState[]> = {
  waiting: ['pending', 'syncing'],
  refused: ['rejected'],
};

/** Whether a filter asks for anything. */
export const isFiltering = (filter: ReportFilter) =>
  !!(filter.text?.trim() || filter.topic || filter.status || filter.from || filter.to);

/**
 * The newest `limit` of the analyst's reports that match, through the `updatedAt` and
 * `[state+updatedAt]` indexes, newest first. A report is saved after it was captured, so
 * `updatedAt ≥ from` bounds the index range; the rest is checked on each record, and the scan
 * stops once `limit` match (one page of the list, targets.md P4).
 */
export async function searchReports(
  db: WebTaggerDb,
  filter: ReportFilter,
  limit: number,
): Promise<LocalReport[]> {
  const matches = matcher(filter);
  const lower = filter.from ?? Dexie.minKey;
  const page = (collection: Collection<LocalReport, string, InsertType<LocalReport, 'id'>>) =>
    collection.reverse().filter(matches).limit(limit).toArray();
  const status = filter.status;
  if (!status) {
    const all = db.reports.where('updatedAt').between(lower, Dexie.maxKey, true, true);
    return showSending(db, await page(all));
  }
  const states = status === 'waiting' || status === 'refused' ? STATES_OF[status] : ['synced'];
  const perState = await Promise.all(
    states.map((state) =>
      page(
        db.reports
          .where('[state+updatedAt]')
          .between([state, lower], [state, Dexie.maxKey], true, true),
      ),
    ),
  );
  const newest = perState
    .flat()
    .sort((a, b) => b.updatedAt - a.updatedAt)
    .slice(0, limit);
  return showSending(db, newest);
}

function matcher(filter: ReportFilter): (report: LocalReport) => boolean {
  const needle = filter.text?.trim().toLocaleLowerCase() ?? '';
  const review = filter.status === 'waiting' || filter.status === 'refused' ? '' : filter.status;
  return (report) => {
    if (filter.topic && !report.topics.includes(filter.topic)) return false;
    if (review && report.reviewStatus !== review) return false;
    const captured = Date.parse(report.capturedAt);
    if (filter.from !== undefined && captured < filter.from) return false;
    if (filter.to !== undefined && captured > filter.to) return false;
    if (!needle) return true;
    return [report.title, report.url, report.note].some((text) =>
      text.toLocaleLowerCase().includes(needle),
    );
  };
}
