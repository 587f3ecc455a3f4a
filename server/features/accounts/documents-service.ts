import { randomUUID } from 'node:crypto';
import type { DocumentKind, DocumentMetadata } from '#shared/schemas/documents';
import { ApiError } from '../../http/errors';
import type { Storage } from '../../storage';
import type { DocumentRow, NewDocument as NewDocumentRow } from '../../storage/documents-store';
import type { CheckedDocument } from './document-content';
import type { DocumentFiles } from './document-files';

/** A checked document with the id its row and its file will have. */
export type NewDocument = CheckedDocument & { id: string };

/** Gives checked documents their generated ids. */
export function withNewIds(checked: CheckedDocument[]): NewDocument[] {
  return checked.map((doc) => ({ ...doc, id: randomUUID() }));
}

/** The rows of documents whose files are written, awaiting an admin's decision. */
export function documentRows(
  userId: string,
  kind: DocumentKind,
  docs: NewDocument[],
  at: Date,
): NewDocumentRow[] {
  return docs.map((doc) => ({
    id: doc.id,
    userId,
    kind,
    status: 'pending' as const,
    mime: doc.mime,
    bytes: doc.bytes,
    sha256: doc.sha256,
    originalName: doc.originalName,
    createdAt: at.toISOString(),
  }));
}

/** Stores a representation document (power of attorney) the user uploaded; it awaits an admin. */
export async function uploadRepresentation(
  storage: Pick<Storage, 'documents'>,
  files: DocumentFiles,
  upload: { userId: string; document: CheckedDocument; at: Date; ip: string },
): Promise<DocumentRow> {
  const [doc] = withNewIds([upload.document]);
  if (!doc) throw new Error('one document expected');
  const [row] = await files.writeThenCommit([doc], () =>
    storage.documents.add(documentRows(upload.userId, 'representation', [doc], upload.at), {
      action: 'document.uploaded',
      at: upload.at,
      actorUserId: upload.userId,
      subjectType: 'document',
      subjectId: doc.id,
      ip: upload.ip,
      details: { kind: 'representation', mime: doc.mime },
    }),
  );
  if (!row) throw new Error('the document was not stored');
  return row;
}

/**
 * The user's approved representation document with this id, or undefined: the basis on which a
 * report may carry personal data of the person represented (personal-data.md).
 */
export async function findApprovedRepresentation(
  storage: Pick<Storage, 'documents'>,
  userId: string,
  documentId: string,
): Promise<DocumentRow | undefined> {
  const row = await storage.documents.find(documentId);
  const approved =
    row?.userId === userId && row.kind === 'representation' && row.status === 'approved';
  return approved ? row : undefined;
}

/** Approves or rejects a document (admins, not their own); deciding again changes the decision. */
export async function decideDocument(
  storage: Pick<Storage, 'documents'>,
  decision: {
    documentId: string;
    status: 'approved' | 'rejected';
    adminId: string;
    at: Date;
    ip: string;
  },
): Promise<DocumentRow> {
  const decided = await storage.documents.decide(decision.documentId, (row) => {
    if (!row) throw new ApiError('not_found', 'No such document.');
    // A power of attorney lets its owner enter others' personal data: another admin must judge it.
    if (row.userId === decision.adminId) {
      throw new ApiError('forbidden', 'Another admin must decide on your own document.');
    }
    if (row.status === decision.status) return {};
    return {
      set: {
        status: decision.status,
        decidedAt: decision.at.toISOString(),
        decidedBy: decision.adminId,
      },
      audit: {
        action: `document.${decision.status}`,
        at: decision.at,
        actorUserId: decision.adminId,
        subjectType: 'document',
        subjectId: row.id,
        ip: decision.ip,
        details: { kind: row.kind, ownerUserId: row.userId, previousStatus: row.status },
      },
    };
  });
  if (!decided) throw new ApiError('not_found', 'No such document.');
  return decided;
}

/** The documents of these users, oldest first, by user id. */
export async function documentsOfUsers(
  storage: Pick<Storage, 'documents'>,
  userIds: string[],
): Promise<Map<string, DocumentRow[]>> {
  const byUser = new Map<string, DocumentRow[]>();
  for (const row of await storage.documents.ofUsers(userIds)) {
    byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
  }
  return byUser;
}

const EXTENSION = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' } as const;

/**
 * A document's file for download (admins), with the headers the API and the console both send:
 * an attachment named by its id, never sniffed, cached or run. not_found when the row or the file
 * is missing.
 */
export async function documentForDownload(
  storage: Pick<Storage, 'documents'>,
  files: DocumentFiles,
  documentId: string,
): Promise<{ data: Uint8Array<ArrayBuffer>; headers: Record<string, string> }> {
  const row = await storage.documents.find(documentId);
  if (!row) throw new ApiError('not_found', 'No such document.');
  const data = await files.read(row.id).catch(() => {
    throw new ApiError('not_found', 'The document file is missing.');
  });
  return {
    data: new Uint8Array(data),
    headers: {
      'Content-Type': row.mime,
      'Content-Disposition': `attachment; filename="${row.id}.${EXTENSION[row.mime]}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  };
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
