import type { EvidenceItem, MaterialDetail } from '#shared/schemas/review';
import { ApiError } from '../../http/errors';
import type { Storage } from '../../storage';
import type { ReportRecord } from '../../storage/review-store';
import { summarizeMaterials } from './material-summaries';
import { reportContent } from './report-view';

/**
 * A material with its live reports, the reports withdrawn from it, the evidence the live ones
 * refer to and its review history (with the reviewers' names). Reviewers
 * see who reported only as an id and an organization: enough to tell reporters apart and to
 * weigh where a report comes from, nothing to contact or profile a person with.
 */
export async function materialDetail(
  storage: Pick<Storage, 'review'>,
  materialId: string,
  options: {
    /** The evidence of the live reports: stored or not, time-stamped or not. */
    evidenceOf: (live: ReportRecord[]) => Promise<EvidenceItem[]>;
  },
): Promise<MaterialDetail> {
  const file = await storage.review.materialFile(materialId);
  if (!file) throw new ApiError('not_found', 'No such material.');
  return {
    material: (await summarizeMaterials(storage, [file.material]))[0]!,
    reports: file.reports.map(({ report, reporterStatus, organization }) => ({
      ...reportContent(report),
      reporter: {
        id: report.userId,
        // A reporter who closed their account asked to be forgotten: the queue forgets first.
        organization: reporterStatus === 'closed' ? null : organization,
      },
    })),
    withdrawnReports: file.withdrawn.map((row) => ({
      id: row.id,
      reporter: {
        id: row.userId,
        organization: row.reporterStatus === 'closed' ? null : row.organization,
      },
      createdAt: row.createdAt,
      withdrawnAt: row.deletedAt!,
    })),
    evidence: await options.evidenceOf(file.reports.map((r) => r.report)),
    history: file.history.map(({ change, byName, byStatus }) => ({
      fromStatus: change.fromStatus,
      toStatus: change.toStatus,
      at: change.at,
      byUserId: change.byUserId,
      // Colleagues see who decided; a closed account's name is being forgotten.
      byName: byName && byStatus !== 'closed' ? byName : null,
      comment: change.comment,
      ...(change.legalGround && { legalGround: change.legalGround }),
      reporterComment: change.reporterComment,
    })),
  };
}
