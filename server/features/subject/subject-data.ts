import { and, asc, eq, getTableColumns, inArray, or } from 'drizzle-orm';
import type { SubjectData } from '#shared/schemas/subject';
import type { Db } from '../../db/open';
import {
  auditEvents,
  consents,
  disclosureSubjects,
  disclosures,
  documents as documentRows,
  materials,
  reports,
  tokens,
  users,
} from '../../db/schema';
import { ApiError } from '../../http/errors';
import { documentMetadata } from '../accounts/documents-service';
import { recordAudit } from '../audit/audit-service';
import { reportContent } from '../review/report-view';

/**
 * Everything the server holds about a user, for the user: profile, consent records (with where
 * they were given from), documents' metadata, sessions, every report (deleted ones are kept as
 * tombstones, so they are included), audit events about them, and the disclosures that included
 * their reports. The export is itself audited.
 */
export function exportSubjectData(
  db: Db,
  request: { userId: string; at: Date; ip: string },
): SubjectData {
  const data = subjectData(db, request.userId, request.at);
  recordAudit(db, {
    action: 'subject.data_exported',
    at: request.at,
    actorUserId: request.userId,
    subjectType: 'user',
    subjectId: request.userId,
    ip: request.ip,
    details: { reports: data.reports.length, auditEvents: data.auditEvents.length },
  });
  return data;
}

/** The data of `exportSubjectData`, without auditing the read. */
export function subjectData(db: Db, userId: string, at: Date): SubjectData {
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) throw new ApiError('not_found', 'No such account.');
  const documents = db
    .select()
    .from(documentRows)
    .where(eq(documentRows.userId, userId))
    .orderBy(asc(documentRows.createdAt), asc(documentRows.id))
    .all();
  return {
    exportedAt: at.toISOString(),
    profile: {
      id: user.id,
      email: user.email,
      fullName: user.fullName,
      organization: user.organization,
      position: user.position,
      phone: user.phone,
      role: user.role,
      status: user.status,
      createdAt: user.createdAt,
      updatedAt: user.updatedAt,
      closedAt: user.closedAt,
    },
    consents: db
      .select()
      .from(consents)
      .where(eq(consents.userId, userId))
      .orderBy(asc(consents.id))
      .all()
      .map((row) => ({
        action: row.action,
        policyVersion: row.policyVersion,
        scopes: { processing: row.processing, thirdPartyTransfer: row.thirdPartyTransfer },
        at: row.at,
        method: row.method,
        ip: row.ip,
        userAgent: row.userAgent,
      })),
    documents: documents.map(documentMetadata),
    sessions: db
      .select({
        deviceName: tokens.deviceName,
        createdAt: tokens.createdAt,
        expiresAt: tokens.expiresAt,
        revokedAt: tokens.revokedAt,
        lastUsedAt: tokens.lastUsedAt,
      })
      .from(tokens)
      .where(eq(tokens.userId, userId))
      .orderBy(asc(tokens.createdAt))
      .all(),
    reports: reportsOf(db, userId),
    auditEvents: auditEventsAbout(
      db,
      userId,
      documents.map((d) => d.id),
    ),
    disclosures: db
      .select({
        id: disclosures.id,
        recipient: disclosures.recipient,
        recipientType: disclosures.recipientType,
        basis: disclosures.basis,
        requestNumber: disclosures.requestNumber,
        requestDate: disclosures.requestDate,
        createdAt: disclosures.createdAt,
        identified: disclosureSubjects.identified,
        reports: disclosureSubjects.reportCount,
      })
      .from(disclosureSubjects)
      .innerJoin(disclosures, eq(disclosures.id, disclosureSubjects.disclosureId))
      .where(eq(disclosureSubjects.userId, userId))
      .orderBy(asc(disclosures.createdAt))
      .all(),
  };
}

function reportsOf(db: Db, userId: string): SubjectData['reports'] {
  return db
    .select({ ...getTableColumns(reports), status: materials.status })
    .from(reports)
    .innerJoin(materials, eq(materials.id, reports.materialId))
    .where(eq(reports.userId, userId))
    .orderBy(asc(reports.createdAt), asc(reports.id))
    .all()
    .map((row) => ({
      ...reportContent(row),
      materialId: row.materialId,
      status: row.status,
      deletedAt: row.deletedAt,
    }));
}

function auditEventsAbout(db: Db, userId: string, documentIds: string[]) {
  return db
    .select()
    .from(auditEvents)
    .where(
      or(
        eq(auditEvents.actorUserId, userId),
        and(eq(auditEvents.subjectType, 'user'), eq(auditEvents.subjectId, userId)),
        documentIds.length > 0
          ? and(
              eq(auditEvents.subjectType, 'document'),
              inArray(auditEvents.subjectId, documentIds),
            )
          : undefined,
      ),
    )
    .orderBy(asc(auditEvents.id))
    .all()
    .map((row) => ({ ...row, details: row.details ?? null }));
}
