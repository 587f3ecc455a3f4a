import type { DocumentRow } from '../db/schema';
import type { AuditEvent } from './audit-store';

export type { DocumentRow };

/** A document row to store: its file is already written under its id. */
export type NewDocument = Omit<DocumentRow, 'decidedAt' | 'decidedBy'>;

/** What deciding on a document changes: its status (absent when it stays), and its audit event. */
export type DocumentDecision = {
  set?: Pick<DocumentRow, 'status' | 'decidedAt' | 'decidedBy'>;
  audit?: AuditEvent;
};

/** Uploaded documents' rows (authorization papers, representation documents). */
export interface DocumentStore {
  /** Stores documents whose files are written, with their audit event, in one transaction. */
  add(documents: NewDocument[], audit: AuditEvent): Promise<DocumentRow[]>;
  /** One document. */
  find(id: string): Promise<DocumentRow | undefined>;
  /** The documents of these users, oldest first. */
  ofUsers(userIds: string[]): Promise<DocumentRow[]>;
  /**
   * Applies what `decide` (pure; it may throw to change nothing) makes of the document as it is
   * now, in one transaction; answers the document afterwards, or undefined when there is none.
   */
  decide(
    id: string,
    decide: (row: DocumentRow | undefined) => DocumentDecision,
  ): Promise<DocumentRow | undefined>;
}
