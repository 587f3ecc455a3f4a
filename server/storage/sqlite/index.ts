import type { Storage } from '../index';
import { sqliteAccountStore } from './accounts-store';
import { sqliteAuditStore } from './audit-store';
import { sqliteConsentStore } from './consent-store';
import { sqliteDisclosureStore } from './disclosures-store';
import { sqliteDocumentStore } from './documents-store';
import { sqliteEvidenceStore } from './evidence-store';
import { sqliteFollowThroughStore } from './follow-through-store';
import type { SqliteHandles } from './handles';
import { sqliteLimitStore } from './limits-store';
import { sqliteNoticeStore } from './notices-store';
import { sqliteRecheckStore } from './rechecks-store';
import { sqliteRelationsStore } from './relations-store';
import { sqliteReportStore } from './reports-store';
import { sqliteRetentionStore } from './retention-store';
import { sqliteReviewStore } from './review-store';
import { sqliteSessionStore } from './sessions-store';
import { sqliteSubjectStore } from './subject-store';

/** The stores of the SQLite engine, on one connection. */
export function sqliteStores(handles: SqliteHandles, dataDir: string): Storage {
  return {
    reports: sqliteReportStore(handles),
    review: sqliteReviewStore(handles),
    audit: sqliteAuditStore(handles.db),
    disclosures: sqliteDisclosureStore(handles.db),
    accounts: sqliteAccountStore(handles.db),
    sessions: sqliteSessionStore(handles.db),
    consent: sqliteConsentStore(handles.db),
    documents: sqliteDocumentStore(handles.db),
    subject: sqliteSubjectStore(handles.db),
    retention: sqliteRetentionStore(handles.db, handles.sqlite),
    rechecks: sqliteRecheckStore(handles.db),
    limits: sqliteLimitStore(handles.db),
    evidence: sqliteEvidenceStore(handles),
    notices: sqliteNoticeStore(handles.db),
    followThrough: sqliteFollowThroughStore(handles.db),
    relations: sqliteRelationsStore(handles),
    dataDir,
  };
}

export type { SqliteHandles };
