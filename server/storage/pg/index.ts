import type { Storage } from '../index';
import { pgAccountStore } from './accounts-store';
import { pgAuditStore } from './audit-store';
import { pgConsentStore } from './consent-store';
import { pgDisclosureStore } from './disclosures-store';
import { pgDocumentStore } from './documents-store';
import { pgEvidenceStore } from './evidence-store';
import { pgFollowThroughStore } from './follow-through-store';
import type { PgDb, PgHandles } from './handles';
import { pgLimitStore } from './limits-store';
import { pgNoticeStore } from './notices-store';
import { pgRecheckStore } from './rechecks-store';
import { pgRelationsStore } from './relations-store';
import { pgReportStore } from './reports-store';
import { pgRetentionStore } from './retention-store';
import { pgReviewStore } from './review-store';
import { pgSessionStore } from './sessions-store';
import { pgSubjectStore } from './subject-store';

/** The stores of the PostgreSQL engine, on one connection pool. */
export function pgStores(db: PgDb, dataDir: string): Storage {
  return {
    reports: pgReportStore(db),
    review: pgReviewStore(db),
    audit: pgAuditStore(db),
    disclosures: pgDisclosureStore(db),
    accounts: pgAccountStore(db),
    sessions: pgSessionStore(db),
    consent: pgConsentStore(db),
    limits: pgLimitStore(db),
    documents: pgDocumentStore(db),
    subject: pgSubjectStore(db),
    retention: pgRetentionStore(db),
    evidence: pgEvidenceStore(db),
    rechecks: pgRecheckStore(db),
    notices: pgNoticeStore(db),
    followThrough: pgFollowThroughStore(db),
    relations: pgRelationsStore(db),
    dataDir,
  };
}

export type { PgHandles };
