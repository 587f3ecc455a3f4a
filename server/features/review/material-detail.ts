import type { MaterialDetail } from '#shared/schemas/review';
import { ApiError } from '../../http/errors';
import type { Storage } from '../../storage';
import type { ReportOfMaterial } from '../../storage/review-store';
import { summarizeMaterials } from './material-summaries';
import { reportContent } from './report-view';

/**
 * A material with its live reports, the evidence they refer to and its review history. Reviewers
 * see who reported only as an id and an organization: enough to tell reporters apart and to
 * weigh where a report comes from, nothing to contact or profile a person with.
 */
export async function materialDetail(
  storage: Pick<Storage, 'review'>,
  materialId: string,
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
    evidence: evidenceOf(file.reports, new Set(file.uploadedEvidence)),
    history: file.history.map((change) => ({
      fromStatus: change.fromStatus,
      toStatus: change.toStatus,
      at: change.at,
      byUserId: change.byUserId,
      comment: change.comment,
    })),
  };
}

function evidenceOf(live: ReportOfMaterial[], uploaded: Set<string>): MaterialDetail['evidence'] {
  const byHash = new Map<string, MaterialDetail['evidence'][number]>();
  for (const { report } of live) {
    if (!report.evidence) continue;
    const item = byHash.get(report.evidence.sha256) ?? {
      ...report.evidence,
      uploaded: uploaded.has(report.evidence.sha256),
      reportIds: [],
    };
    item.reportIds.push(report.id);
    byHash.set(item.sha256, item);
  }
  return [...byHash.values()];
}
