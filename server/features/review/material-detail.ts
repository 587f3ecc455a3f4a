import { and, asc, eq, isNull } from 'drizzle-orm';
import type { MaterialDetail } from '#shared/schemas/review';
import type { Db } from '../../db/open';
import { materialStatusChanges, materials, reports, users } from '../../db/schema';
import { ApiError } from '../../http/errors';
import { evidenceItems } from '../evidence/evidence-view';
import { summarizeMaterials } from './material-summaries';
import { reportContent } from './report-view';

/**
 * A material with its live reports, the evidence they refer to and its review history. Reviewers
 * see who reported only as an id and an organization: enough to tell reporters apart and to
 * weigh where a report comes from, nothing to contact or profile a person with.
 */
export async function materialDetail(
  db: Db,
  materialId: string,
  options: { tsaConfigured: boolean },
): Promise<MaterialDetail> {
  const material = db.select().from(materials).where(eq(materials.id, materialId)).get();
  if (!material) throw new ApiError('not_found', 'No such material.');
  const rows = db
    .select({ report: reports, reporterStatus: users.status, organization: users.organization })
    .from(reports)
    .innerJoin(users, eq(users.id, reports.userId))
    .where(and(eq(reports.materialId, material.id), isNull(reports.deletedAt)))
    .orderBy(asc(reports.createdAt), asc(reports.id))
    .all();
  const history = db
    .select()
    .from(materialStatusChanges)
    .where(eq(materialStatusChanges.materialId, material.id))
    .orderBy(asc(materialStatusChanges.id))
    .all();
  return {
    material: summarizeMaterials(db, [material])[0]!,
    reports: rows.map(({ report, reporterStatus, organization }) => ({
      ...reportContent(report),
      reporter: {
        id: report.userId,
        // A reporter who closed their account asked to be forgotten: the queue forgets first.
        organization: reporterStatus === 'closed' ? null : organization,
      },
    })),
    evidence: await evidenceItems(
      db,
      rows.map((r) => r.report),
      options.tsaConfigured,
    ),
    history: history.map((change) => ({
      fromStatus: change.fromStatus,
      toStatus: change.toStatus,
      at: change.at,
      byUserId: change.byUserId,
      comment: change.comment,
      ...(change.legalGround && { legalGround: change.legalGround }),
    })),
  };
}
