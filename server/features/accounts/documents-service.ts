import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DocumentKind, DocumentMetadata } from '#shared/schemas/documents';
import type { Db } from '../../db/open';
import { type DocumentRow, documents } from '../../db/schema';
import { ApiError } from '../../http/errors';
import { recordAudit } from '../audit/audit-service';
import type { CheckedDocument } from './document-content';
import type { DocumentFiles } from './document-files';

/** A checked document with the id its row and its file will have. */
export type NewDocument = CheckedDocument & { id: string };

/** Gives checked documents their generated ids. */
export function withNewIds(checked: CheckedDocument[]): NewDocument[] {
  return checked.map((doc) => ({ ...doc, id: randomUUID() }));
}

/** Inserts the rows of documents whose files are written (inside the caller's transaction). */
export function insertDocumentRows(
  db: Pick<Db, 'insert'>,
  userId: string,
  kind: DocumentKind,
  docs: NewDocument[],
  at: Date,
): void {
  if (docs.length === 0) return;
  db.insert(documents)
    .values(
      docs.map((doc) => ({
        id: doc.id,
        userId,
        kind,
        status: 'pending' as const,
        mime: doc.mime,
        bytes: doc.bytes,
        sha256: doc.sha256,
        originalName: doc.originalName,
        createdAt: at.toISOString(),
      })),
    )
    .run();
}

/** Stores a representation document (power of attorney) the user uploaded; it awaits an admin. */
export async function uploadRepresentation(
  db: Db,
  files: DocumentFiles,
  upload: { userId: string; document: CheckedDocument; at: Date; ip: string },
): Promise<DocumentRow> {
  const [doc] = withNewIds([upload.document]);
  if (!doc) throw new Error('one document expected');
  return files.writeThenCommit([doc], () =>
    db.transaction(() => {
      insertDocumentRows(db, upload.userId, 'representation', [doc], upload.at);
      recordAudit(db, {
        action: 'document.uploaded',
        at: upload.at,
        actorUserId: upload.userId,
        subjectType: 'document',
        subjectId: doc.id,
        ip: upload.ip,
        details: { kind: 'representation', mime: doc.mime },
      });
      return db.select().from(documents).where(eq(documents.id, doc.id)).get()!;
    }),
  );
}

/**
 * The user's approved representation document with this id, or undefined: the basis on which a
 * report may carry personal data of the person represented (personal-data.md).
 */
export function findApprovedRepresentation(
  db: Db,
  userId: string,
  documentId: string,
): DocumentRow | undefined {
  return db
    .select()
    .from(documents)
    .where(
      and(
        eq(documents.id, documentId),
        eq(documents.userId, userId),
        eq(documents.kind, 'representation'),
        eq(documents.status, 'approved'),
      ),
    )
    .get();
}

/** Approves or rejects a document (admins, not their own); deciding again changes the decision. */
export function decideDocument(
  db: Db,
  decision: {
    documentId: string;
    status: 'approved' | 'rejected';
    adminId: string;
    at: Date;
    ip: string;
  },
): DocumentRow {
  return db.transaction(() => {
    const row = db.select().from(documents).where(eq(documents.id, decision.documentId)).get();
    if (!row) throw new ApiError('not_found', 'No such document.');
    // A power of attorney lets its owner enter others' personal data: another admin must judge it.
    if (row.userId === decision.adminId) {
      throw new ApiError('forbidden', 'Another admin must decide on your own document.');
    }
    if (row.status === decision.status) return row;
    const updated = db
      .update(documents)
      .set({
        status: decision.status,
        decidedAt: decision.at.toISOString(),
        decidedBy: decision.adminId,
      })
      .where(eq(documents.id, row.id))
      .returning()
      .get();
    recordAudit(db, {
      action: `document.${decision.status}`,
      at: decision.at,
      actorUserId: decision.adminId,
      subjectType: 'document',
      subjectId: row.id,
      ip: decision.ip,
      details: { kind: row.kind, ownerUserId: row.userId, previousStatus: row.status },
    });
    return updated;
  });
}

/** The documents of these users, oldest first, by user id. */
export function documentsOfUsers(db: Db, userIds: string[]): Map<string, DocumentRow[]> {
  const byUser = new Map<string, DocumentRow[]>();
  if (userIds.length === 0) return byUser;
  const rows = db
    .select()
    .from(documents)
    .where(inArray(documents.userId, userIds))
    .orderBy(asc(documents.createdAt), asc(documents.id))
    .all();
  for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
  return byUser;
}

/** A document's file for download (admins): not_found when the row or the file is missing. */
export async function documentForDownload(
  db: Db,
  files: DocumentFiles,
  documentId: string,
): Promise<{ row: DocumentRow; data: Buffer }> {
  const row = db.select().from(documents).where(eq(documents.id, documentId)).get();
  if (!row) throw new ApiError('not_found', 'No such document.');
  const data = await files.read(row.id).catch(() => {
    throw new ApiError('not_found', 'The document file is missing.');
  });
  return { row, data };
}

/** What the API shows of a document. */
export function documentMetadata(row: DocumentRow): DocumentMetadata {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    mime: row.mime,
    bytes: row.bytes,
    sha256: row.sha256,
    originalName: row.originalName,
    createdAt: row.createdAt,
    decidedAt: row.decidedAt,
  };
}
