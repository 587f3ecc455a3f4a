import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { MaterialDetail } from '#shared/schemas/review';
import type { Db } from '../../db/open';
import { materialStatusChanges, materials, reports, users } from '../../db/schema';
import { ApiError } from '../../http/errors';
import { evidenceItems } from '../evidence/evidence-view';
import { summarizeMaterials } from './material-summaries';
import { reportContent } from './report-view';

/**
 * A material with its live reports, the reports withdrawn from it, the evidence the live ones
 * refer to and its review history (with the reviewers' names). Reviewers
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
  const withdrawn = db
    .select({
      id: reports.id,
      userId: reports.userId,
      createdAt: reports.createdAt,
      deletedAt: reports.deletedAt,
      reporterStatus: users.status,
      organization: users.organization,
    })
    .from(reports)
    .innerJoin(users, eq(users.id, reports.userId))
    .where(and(eq(reports.materialId, material.id), isNotNull(reports.deletedAt)))
    .orderBy(asc(reports.deletedAt), asc(reports.id))
    .all();
  const history = db
    .select({ change: materialStatusChanges, byName: users.fullName, byStatus: users.status })
    .from(materialStatusChanges)
    .leftJoin(users, eq(users.id, materialStatusChanges.byUserId))
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
    withdrawnReports: withdrawn.map((row) => ({
      id: row.id,
      reporter: {
        id: row.userId,
        organization: row.reporterStatus === 'closed' ? null : row.organization,
      },
      createdAt: row.createdAt,
      withdrawnAt: row.deletedAt!,
    })),
    evidence: await evidenceItems(
      db,
      rows.map((r) => r.report),
      options.tsaConfigured,
    ),
    history: history.map(({ change, byName, byStatus }) => ({
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
