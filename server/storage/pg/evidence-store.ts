import { and, asc, eq, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import {
  custodyEvents,
  evidence,
  evidenceTimestamps,
  materials,
  reportFiles,
  reports,
} from '../../db/pg-schema';
import { materialFilesOf } from '../evidence-facts';
import type { EvidenceStore } from '../evidence-store';
import { anyOf } from './any-of';
import { catchUpCustody } from './custody-catch-up';
import { recordReceipt } from './custody-receipt';
import type { PgDb } from './handles';

// A live report refers to a file through its single `evidence` or through its `files`.
const refersTo = (sha256: string) =>
  sql`(${reports.evidence}->>'sha256' = ${sha256} OR EXISTS (
    SELECT 1 FROM jsonb_array_elements(${reports.files}) f WHERE f->>'sha256' = ${sha256}))`;

/**
 * `column` (the report's id or its material's) of the live reports that refer to the file, each
 * once: the reports listed it once (report_files), and still do.
 */
async function referencing(
  db: PgDb,
  sha256: string,
  column: typeof reports.id | typeof reports.materialId,
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: column })
    .from(reportFiles)
    .innerJoin(reports, eq(reports.id, reportFiles.reportId))
    .where(and(eq(reportFiles.sha256, sha256), isNull(reports.deletedAt), refersTo(sha256)));
  return rows.map((row) => row.id);
}

const logColumns = { seq: custodyEvents.seq, hash: custodyEvents.hash, event: custodyEvents.event };

/** Evidence, time-stamps and custody logs on PostgreSQL. */
export function pgEvidenceStore(db: PgDb): EvidenceStore {
  return {
    // Content-addressed: the same bytes uploaded twice, on any replica, make one row.
    async insertEvidence(item) {
      const inserted = await db
        .insert(evidence)
        .values({
          sha256: item.sha256,
          mime: item.mime,
          bytes: item.bytes,
          uploadedBy: item.uploadedBy,
          createdAt: item.at.toISOString(),
        })
        .onConflictDoNothing()
        .returning({ sha256: evidence.sha256 });
      return inserted.length > 0 ? 'created' : 'existing';
    },

    async evidenceRow(sha256) {
      const [row] = await db.select().from(evidence).where(eq(evidence.sha256, sha256));
      return row;
    },

    async evidenceRows(shas) {
      if (shas.length === 0) return [];
      return db.select().from(evidence).where(inArray(evidence.sha256, shas));
    },

    async allEvidence() {
      return db.select().from(evidence).orderBy(asc(evidence.createdAt), asc(evidence.sha256));
    },

    async timestampRows(shas) {
      if (shas.length === 0) return [];
      return db.select().from(evidenceTimestamps).where(inArray(evidenceTimestamps.sha256, shas));
    },

    async stampedTimestamps() {
      return db
        .select()
        .from(evidenceTimestamps)
        .where(isNotNull(evidenceTimestamps.tokenSha256))
        .orderBy(asc(evidenceTimestamps.sha256));
    },

    async claimDueForTimestamp(claim) {
      const t = evidenceTimestamps;
      const now = claim.now.toISOString();
      const lease = claim.leaseUntil.toISOString();
      return db.transaction(async (tx) => {
        // Files another run holds locked are passed over, not waited for.
        const due = await tx
          .select({ sha256: evidence.sha256 })
          .from(evidence)
          .leftJoin(t, eq(t.sha256, evidence.sha256))
          .where(or(isNull(t.sha256), and(isNull(t.tokenSha256), lte(t.nextAttemptAt, now))))
          .orderBy(asc(evidence.createdAt), asc(evidence.sha256))
          .limit(claim.limit)
          .for('update', { of: evidence, skipLocked: true });
        const claimed: { sha256: string; attempts: number }[] = [];
        for (const { sha256 } of due) {
          // Decided on the row as last committed: a run that claimed or stamped the file after
          // this one's read made it not due, and the file is left to it.
          const [row] = await tx
            .insert(t)
            .values({ sha256, attempts: 0, nextAttemptAt: lease })
            .onConflictDoUpdate({
              target: t.sha256,
              set: { nextAttemptAt: lease },
              setWhere: and(isNull(t.tokenSha256), lte(t.nextAttemptAt, now)),
            })
            .returning({ sha256: t.sha256, attempts: t.attempts });
          if (row) claimed.push(row);
        }
        return claimed;
      });
    },

    async recordTimestamp(stamp) {
      const values = {
        genTime: stamp.genTime,
        tokenSha256: stamp.tokenSha256,
        tsaUrl: stamp.tsaUrl,
        lastError: null,
        stampedAt: stamp.at.toISOString(),
        nextAttemptAt: stamp.at.toISOString(),
      };
      await db
        .insert(evidenceTimestamps)
        .values({ sha256: stamp.sha256, attempts: 1, ...values })
        .onConflictDoUpdate({
          target: evidenceTimestamps.sha256,
          set: { ...values, attempts: sql`${evidenceTimestamps.attempts} + 1` },
          // A token once kept is never replaced.
          setWhere: isNull(evidenceTimestamps.tokenSha256),
        });
    },

    async recordTimestampFailure(failure) {
      const values = {
        lastError: failure.error,
        nextAttemptAt: failure.nextAttemptAt.toISOString(),
      };
      await db
        .insert(evidenceTimestamps)
        .values({ sha256: failure.sha256, attempts: 1, ...values })
        .onConflictDoUpdate({
          target: evidenceTimestamps.sha256,
          set: { ...values, attempts: sql`${evidenceTimestamps.attempts} + 1` },
          setWhere: isNull(evidenceTimestamps.tokenSha256),
        });
    },

    materialsReferencing: (sha256) => referencing(db, sha256, reports.materialId),
    reportsReferencing: (sha256) => referencing(db, sha256, reports.id),

    async materialsOfReports(reportIds) {
      if (reportIds.length === 0) return [];
      const rows = await db
        .selectDistinct({ id: reports.materialId })
        .from(reports)
        .where(anyOf(reports.id, reportIds));
      return rows.map((row) => row.id);
    },

    async materialById(id) {
      const [row] = await db.select().from(materials).where(eq(materials.id, id));
      return row;
    },

    async filesOfMaterial(materialId) {
      const live = await db
        .select({ id: reports.id, evidence: reports.evidence, files: reports.files })
        .from(reports)
        .where(and(eq(reports.materialId, materialId), isNull(reports.deletedAt)))
        .orderBy(asc(reports.createdAt), asc(reports.id));
      return materialFilesOf(live);
    },

    async custodyLog(materialId) {
      return db
        .select(logColumns)
        .from(custodyEvents)
        .where(eq(custodyEvents.materialId, materialId))
        .orderBy(asc(custodyEvents.seq));
    },

    async materialsWithCustody() {
      const rows = await db
        .selectDistinct({ id: custodyEvents.materialId })
        .from(custodyEvents)
        .orderBy(asc(custodyEvents.materialId));
      return rows.map((row) => row.id);
    },

    catchUpCustody: (materialIds, seal) => catchUpCustody(db, materialIds, seal),
    recordReceipt: (received, seal) => recordReceipt(db, received, seal),
  };
}
