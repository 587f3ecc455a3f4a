import type { PersonalDataKind } from '#shared/personal-data/types';
import type { Db } from '../../db/open';
import { findApprovedRepresentation } from '../accounts/documents-service';
import { recordAudit } from '../audit/audit-service';

/** Whether the user has an approved representation document with this id. */
export function isApprovedRepresentation(db: Db, userId: string, documentId: string): boolean {
  return findApprovedRepresentation(db, userId, documentId) !== undefined;
}

/** Records that a report carries third-party personal data on a representation basis. */
export function recordRepresentationBasis(
  db: Db,
  event: {
    userId: string;
    reportId: string;
    documentId: string;
    kinds: PersonalDataKind[];
    at: Date;
  },
): void {
  recordAudit(db, {
    action: 'report.personal_data_by_representation',
    at: event.at,
    actorUserId: event.userId,
    subjectType: 'report',
    subjectId: event.reportId,
    details: { documentId: event.documentId, kinds: event.kinds },
  });
}

/** Records that a report was refused for third-party personal data (the kinds, never the values). */
export function recordPersonalDataRejection(
  db: Db,
  event: { userId: string; reportId: string; kinds: PersonalDataKind[]; at: Date },
): void {
  recordAudit(db, {
    action: 'report.personal_data_rejected',
    at: event.at,
    actorUserId: event.userId,
    subjectType: 'report',
    subjectId: event.reportId,
    details: { kinds: event.kinds },
  });
}
