import type { Storage } from '../index';
import { pgAuditStore } from './audit-store';
import { pgDisclosureStore } from './disclosures-store';
import type { PgDb, PgHandles } from './handles';
import { pgRelationsStore } from './relations-store';
import { pgReportStore } from './reports-store';
import { pgReviewStore } from './review-store';

/**
 * The stores the PostgreSQL engine holds so far; the others are still SQLite's only
 * (`NOT_YET_ON_POSTGRESQL` in storage/create.ts).
 */
export type PgStores = Pick<
  Storage,
  'reports' | 'review' | 'audit' | 'disclosures' | 'relations' | 'dataDir'
>;

/** The stores of the PostgreSQL engine, on one connection pool. */
export function pgStores(db: PgDb, dataDir: string): PgStores {
  return {
    reports: pgReportStore(db),
    review: pgReviewStore(db),
    audit: pgAuditStore(db),
    disclosures: pgDisclosureStore(db),
    relations: pgRelationsStore(db),
    dataDir,
  };
}

export type { PgHandles };
