import type { ReviewStatus } from '#shared/review-status';
import type { DisclosureRow, ErasureRow, TokenRow } from '../db/schema';
import type { UserRow } from './accounts-store';
import type { AuditRecord } from './audit-store';
import type { ConsentRow } from './consent-store';
import type { DocumentRow } from './documents-store';
import type { ReportRecord } from './review-store';

export type { ErasureRow };

/** A disclosure that included the person's reports, as they may see it. */
export type DisclosureOfSubject = Pick<
  DisclosureRow,
  'id' | 'recipient' | 'recipientType' | 'basis' | 'requestNumber' | 'requestDate' | 'createdAt'
> & { identified: boolean; reports: number };

/** Everything the storage holds about one person, oldest first within each part. */
export type SubjectRecords = {
  user: UserRow;
  consents: ConsentRow[];
  documents: DocumentRow[];
  sessions: Pick<TokenRow, 'deviceName' | 'createdAt' | 'expiresAt' | 'revokedAt' | 'lastUsedAt'>[];
  /** Their reports, deleted ones included, with their material's status. */
  reports: (ReportRecord & { status: ReviewStatus })[];
  /** Events they did, about their account, or about their documents. */
  auditEvents: AuditRecord[];
  disclosures: DisclosureOfSubject[];
};

/** What a data subject may ask for: their data, and the erasure requests admins follow. */
export interface SubjectStore {
  /** Everything about the person, read in one transaction; undefined when no such account. */
  collect(userId: string): Promise<SubjectRecords | undefined>;
  /** The newest erasure requests, up to `limit`. */
  erasureRequests(limit: number): Promise<ErasureRow[]>;
}
