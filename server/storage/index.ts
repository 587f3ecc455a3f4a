import type { AccountStore } from './accounts-store';
import type { AuditStore } from './audit-store';
import type { ConsentStore } from './consent-store';
import type { DisclosureStore } from './disclosures-store';
import type { DocumentStore } from './documents-store';
import type { EvidenceStore } from './evidence-store';
import type { FollowThroughStore } from './follow-through-store';
import type { LimitStore } from './limits-store';
import type { NoticeStore } from './notices-store';
import type { RecheckStore } from './rechecks-store';
import type { RelationsStore } from './relations-store';
import type { ReportStore } from './reports-store';
import type { RetentionStore } from './retention-store';
import type { ReviewStore } from './review-store';
import type { SessionStore } from './sessions-store';
import type { SubjectStore } from './subject-store';

/**
 * Everything the server keeps, behind one async interface whatever the engine: one method per
 * query or transaction a use case needs, grouped by subject. Services take the stores they need.
 */
export type Storage = {
  reports: ReportStore;
  review: ReviewStore;
  audit: AuditStore;
  disclosures: DisclosureStore;
  accounts: AccountStore;
  sessions: SessionStore;
  consent: ConsentStore;
  documents: DocumentStore;
  subject: SubjectStore;
  retention: RetentionStore;
  rechecks: RecheckStore;
  limits: LimitStore;
  evidence: EvidenceStore;
  notices: NoticeStore;
  followThrough: FollowThroughStore;
  relations: RelationsStore;
  /** The folder of files kept beside the database (evidence, documents). */
  dataDir: string;
};

export type {
  AccountStore,
  AuditStore,
  ConsentStore,
  DisclosureStore,
  DocumentStore,
  EvidenceStore,
  FollowThroughStore,
  LimitStore,
  NoticeStore,
  RecheckStore,
  RelationsStore,
  ReportStore,
  RetentionStore,
  ReviewStore,
  SessionStore,
  SubjectStore,
};
