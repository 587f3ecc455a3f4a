import type { Storage } from '../index';
import { sqliteAuditStore } from './audit-store';
import { sqliteDisclosureStore } from './disclosures-store';
import { sqliteFollowThroughStore } from './follow-through-store';
import type { SqliteHandles } from './handles';
import { sqliteNoticeStore } from './notices-store';
import { sqliteReportStore } from './reports-store';
import { sqliteReviewStore } from './review-store';

/** The stores of the SQLite engine, on one connection. */
export function sqliteStores(handles: SqliteHandles, dataDir: string): Storage {
  return {
    reports: sqliteReportStore(handles),
    review: sqliteReviewStore(handles),
    audit: sqliteAuditStore(handles.db),
    disclosures: sqliteDisclosureStore(handles.db),
    notices: sqliteNoticeStore(handles.db),
    followThrough: sqliteFollowThroughStore(handles.db),
    dataDir,
  };
}

export type { SqliteHandles };
