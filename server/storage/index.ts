import type { AuditStore } from './audit-store';
import type { DisclosureStore } from './disclosures-store';
import type { FollowThroughStore } from './follow-through-store';
import type { NoticeStore } from './notices-store';
import type { ReportStore } from './reports-store';
import type { ReviewStore } from './review-store';

/**
 * Everything the server keeps, behind one async interface whatever the engine: one method per
 * query or transaction a use case needs, grouped by subject. Services take the stores they need.
 */
export type Storage = {
  reports: ReportStore;
  review: ReviewStore;
  audit: AuditStore;
  disclosures: DisclosureStore;
  notices: NoticeStore;
  followThrough: FollowThroughStore;
  /** The folder of files kept beside the database (evidence, documents). */
  dataDir: string;
};

export type {
  AuditStore,
  DisclosureStore,
  FollowThroughStore,
  NoticeStore,
  ReportStore,
  ReviewStore,
};
