import type { Storage } from '../index';
import { pgAccountStore } from './accounts-store';
import { pgAuditStore } from './audit-store';
import { pgConsentStore } from './consent-store';
import { pgDisclosureStore } from './disclosures-store';
import { pgDocumentStore } from './documents-store';
import type { PgDb, PgHandles } from './handles';
import { pgLimitStore } from './limits-store';
import { pgReportStore } from './reports-store';
import { pgRetentionStore } from './retention-store';
import { pgReviewStore } from './review-store';
import { pgSessionStore } from './sessions-store';
import { pgSubjectStore } from './subject-store';

/**
 * The stores the PostgreSQL engine holds so far; the others are still SQLite's only
 * (`NOT_YET_ON_POSTGRESQL` in storage/create.ts).
 */
export type PgStores = Pick<
  Storage,
  | 'reports'
  | 'review'
  | 'audit'
  | 'disclosures'
  | 'accounts'
  | 'sessions'
  | 'consent'
  | 'limits'
  | 'documents'
  | 'subject'
  | 'retention'
  | 'dataDir'
>;

/** The stores of the PostgreSQL engine, on one connection pool. */
export function pgStores(db: PgDb, dataDir: string): PgStores {
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
    dataDir,
  };
}

export type { PgHandles };
