import type { NoticeStoredStatus } from '#shared/schemas/notices';
import type { NoticeRecipientRow, NoticeResponseRow, NoticeRow } from '../db/schema';
import type { AuditEvent } from './audit-store';

export type RecipientRecord = NoticeRecipientRow;
export type NoticeRecord = NoticeRow;
export type NoticeResponseRecord = NoticeResponseRow;

/** A material as a notice lists it, with its live reports' evidence hashes. */
export type NoticeMaterialRecord = {
  id: string;
  url: string;
  title: string;
  status: string;
  evidenceSha256: string[];
};

/** A notice with everything its pages, letter and statement show. */
export type NoticeFile = {
  notice: NoticeRecord;
  recipient: RecipientRecord;
  materials: NoticeMaterialRecord[];
  /** Oldest first. */
  responses: NoticeResponseRecord[];
};

/** A notice in a list. */
export type NoticeListRow = {
  notice: NoticeRecord;
  recipient: Pick<RecipientRecord, 'id' | 'name' | 'type'>;
  materialCount: number;
};

export type NoticeCreateOutcome =
  | { kind: 'created' }
  | { kind: 'unknown_recipient' }
  | { kind: 'unknown_materials'; ids: string[] };

/** A status change of a notice, allowed only from the statuses in `from`. */
export type NoticeUpdate = {
  id: string;
  from: readonly NoticeStoredStatus[];
  set: Partial<Pick<NoticeRecord, 'status' | 'sentAt' | 'deadlineAt'>> & { updatedAt: string };
  response?: NoticeResponseRecord;
  audit: AuditEvent;
};

export type NoticeUpdateOutcome =
  | { kind: 'updated' }
  | { kind: 'not_found' }
  | { kind: 'not_allowed'; from: NoticeStoredStatus };

/** Recipients and the notices sent to them. */
export interface NoticeStore {
  /** Every recipient, by name. */
  recipients(): Promise<RecipientRecord[]>;
  recipient(id: string): Promise<RecipientRecord | undefined>;
  /** Inserts or replaces a recipient (by id) and records the audit event, in one transaction. */
  saveRecipient(row: RecipientRecord, audit: AuditEvent): Promise<void>;
  /** Records a notice with its materials (in order) and its audit event, in one transaction. */
  create(
    notice: NoticeRecord,
    materialIds: string[],
    audit: AuditEvent,
  ): Promise<NoticeCreateOutcome>;
  find(id: string): Promise<NoticeFile | undefined>;
  /** Notices, newest first; with `materialId`, only those listing the material. */
  list(filter: { materialId?: string }): Promise<NoticeListRow[]>;
  /** Changes a notice's status (and records a response) if it is still in an allowed status. */
  update(update: NoticeUpdate): Promise<NoticeUpdateOutcome>;
  /**
   * Marks notices as found overdue, each with its audit event, in one transaction; a notice
   * already marked is left alone and its event not recorded.
   */
  markOverdue(found: { id: string; audit: AuditEvent }[], at: string): Promise<void>;
}
