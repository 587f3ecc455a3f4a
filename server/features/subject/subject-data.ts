import type { SubjectData } from '#shared/schemas/subject';
import { ApiError } from '../../http/errors';
import type { Storage } from '../../storage';
import { documentMetadata } from '../accounts/documents-service';
import { accountProfile } from '../accounts/profile';
import { reportContent } from '../review/report-view';

type SubjectStorage = Pick<Storage, 'subject' | 'audit'>;

/**
 * Everything the server holds about a user, for the user: profile, consent records (with where
 * they were given from), documents' metadata, sessions, every report (deleted ones are kept as
 * tombstones, so they are included), audit events about them, and the disclosures that included
 * their reports. The export is itself audited.
 */
export async function exportSubjectData(
  storage: SubjectStorage,
  request: { userId: string; at: Date; ip: string },
): Promise<SubjectData> {
  const data = await subjectData(storage, request.userId, request.at);
  await storage.audit.record({
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
export async function subjectData(
  storage: Pick<Storage, 'subject'>,
  userId: string,
  at: Date,
): Promise<SubjectData> {
  const records = await storage.subject.collect(userId);
  if (!records) throw new ApiError('not_found', 'No such account.');
  const { user } = records;
  return {
    exportedAt: at.toISOString(),
    profile: { ...accountProfile(user), closedAt: user.closedAt },
    consents: records.consents.map((row) => ({
      action: row.action,
      policyVersion: row.policyVersion,
      scopes: { processing: row.processing, thirdPartyTransfer: row.thirdPartyTransfer },
      at: row.at,
      method: row.method,
      ip: row.ip,
      userAgent: row.userAgent,
    })),
    documents: records.documents.map(documentMetadata),
    sessions: records.sessions,
    reports: records.reports.map((row) => ({
      ...reportContent(row),
      materialId: row.materialId,
      status: row.status,
      deletedAt: row.deletedAt,
    })),
    auditEvents: records.auditEvents,
    disclosures: records.disclosures,
  };
}
