import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { EvidenceFileMime } from '#shared/schemas/report';
import {
  custodyEvents,
  type EvidenceRow,
  type EvidenceTimestampRow,
  evidence,
  evidenceTimestamps,
  type MaterialRow,
  materials,
  reportFiles,
  reports,
} from '../../db/schema';
import { materialFilesOf } from '../evidence-facts';
import type { EvidenceStore, MaterialFile, TimestampClaim } from '../evidence-store';
import { catchUpCustody, materialsOfReports } from './custody-catch-up';
import { recordReceipt } from './custody-receipt';
import type { Db, SqliteHandles } from './handles';

// Every database access of evidence, time-stamps and custody; `sqliteEvidenceStore` binds them to the handle.

/** Records a stored evidence file; `existing` if it was recorded before. */
async function insertEvidence(
  db: Db,
  item: { sha256: string; mime: EvidenceFileMime; bytes: number; uploadedBy: string; at: Date },
): Promise<'created' | 'existing'> {
  const inserted = db
    .insert(evidence)
    .values({
      sha256: item.sha256,
      mime: item.mime,
      bytes: item.bytes,
      uploadedBy: item.uploadedBy,
      createdAt: item.at.toISOString(),
    })
    .onConflictDoNothing()
    .run();
  return inserted.changes > 0 ? 'created' : 'existing';
}

async function evidenceRow(db: Db, sha256: string): Promise<EvidenceRow | undefined> {
  return db.select().from(evidence).where(eq(evidence.sha256, sha256)).get();
}

async function evidenceRows(db: Db, shas: string[]): Promise<EvidenceRow[]> {
  if (shas.length === 0) return [];
  return db.select().from(evidence).where(inArray(evidence.sha256, shas)).all();
}

async function allEvidence(db: Db): Promise<EvidenceRow[]> {
  return db.select().from(evidence).orderBy(asc(evidence.createdAt), asc(evidence.sha256)).all();
}

async function timestampRows(db: Db, shas: string[]): Promise<EvidenceTimestampRow[]> {
  if (shas.length === 0) return [];
  return db.select().from(evidenceTimestamps).where(inArray(evidenceTimestamps.sha256, shas)).all();
}

async function stampedTimestamps(db: Db): Promise<EvidenceTimestampRow[]> {
  return db
    .select()
    .from(evidenceTimestamps)
    .where(sql`${evidenceTimestamps.tokenSha256} IS NOT NULL`)
    .orderBy(asc(evidenceTimestamps.sha256))
    .all();
}

/** Claims due evidence files: leases them by moving their next attempt to the lease's end. */
async function claimDueForTimestamp(
  db: Db,
  claim: TimestampClaim,
): Promise<{ sha256: string; attempts: number }[]> {
  const t = evidenceTimestamps;
  return db.transaction(
    (tx) => {
      const due = tx
        .select({ sha256: evidence.sha256, attempts: sql<number>`coalesce(${t.attempts}, 0)` })
        .from(evidence)
        .leftJoin(t, eq(t.sha256, evidence.sha256))
        .where(
          or(
            isNull(t.sha256),
            and(isNull(t.tokenSha256), lte(t.nextAttemptAt, claim.now.toISOString())),
          ),
        )
        .orderBy(asc(evidence.createdAt))
        .limit(claim.limit)
        .all();
      const lease = claim.leaseUntil.toISOString();
      for (const file of due) {
        tx.insert(t)
          .values({ sha256: file.sha256, attempts: 0, nextAttemptAt: lease })
          .onConflictDoUpdate({ target: t.sha256, set: { nextAttemptAt: lease } })
          .run();
      }
      return due;
    },
    { behavior: 'immediate' },
  );
}

/** Records a verified token for a file (its bytes are already in place). */
async function recordTimestamp(
  db: Db,
  stamp: { sha256: string; genTime: string; tokenSha256: string; tsaUrl: string; at: Date },
): Promise<void> {
  const values = {
    genTime: stamp.genTime,
    tokenSha256: stamp.tokenSha256,
    tsaUrl: stamp.tsaUrl,
    lastError: null,
    stampedAt: stamp.at.toISOString(),
    nextAttemptAt: stamp.at.toISOString(),
  };
  db.insert(evidenceTimestamps)
    .values({ sha256: stamp.sha256, attempts: 1, ...values })
    .onConflictDoUpdate({
      target: evidenceTimestamps.sha256,
      set: { ...values, attempts: sql`${evidenceTimestamps.attempts} + 1` },
      // A token once kept is never replaced.
      setWhere: isNull(evidenceTimestamps.tokenSha256),
    })
    .run();
}

/** Records a failed attempt and when to try again. */
async function recordTimestampFailure(
  db: Db,
  failure: { sha256: string; error: string; nextAttemptAt: Date },
): Promise<void> {
  const values = { lastError: failure.error, nextAttemptAt: failure.nextAttemptAt.toISOString() };
  db.insert(evidenceTimestamps)
    .values({ sha256: failure.sha256, attempts: 1, ...values })
    .onConflictDoUpdate({
      target: evidenceTimestamps.sha256,
      set: { ...values, attempts: sql`${evidenceTimestamps.attempts} + 1` },
      setWhere: isNull(evidenceTimestamps.tokenSha256),
    })
    .run();
}

// A live report refers to a file through its single `evidence` or through its `files`.
const refersTo = (sha256: string) =>
  sql`(json_extract(${reports.evidence}, '$.sha256') = ${sha256} OR EXISTS (
    SELECT 1 FROM json_each(${reports.files}) f WHERE json_extract(f.value, '$.sha256') = ${sha256}))`;

/**
 * `column` (the report's id or its material's) of the live reports that refer to the file, each
 * once: the reports listed it once, and still do.
 */
async function referencing(
  db: Db,
  sha256: string,
  column: typeof reports.id | typeof reports.materialId,
): Promise<string[]> {
  return db
    .selectDistinct({ id: column })
    .from(reportFiles)
    .innerJoin(reports, eq(reports.id, reportFiles.reportId))
    .where(and(eq(reportFiles.sha256, sha256), isNull(reports.deletedAt), refersTo(sha256)))
    .all()
    .map((row) => row.id);
}

async function materialById(db: Db, id: string): Promise<MaterialRow | undefined> {
  return db.select().from(materials).where(eq(materials.id, id)).get();
}

/** The files the material's live reports refer to, with the kind each report gave them. */
async function filesOfMaterial(db: Db, materialId: string): Promise<MaterialFile[]> {
  const live = db
    .select({ id: reports.id, evidence: reports.evidence, files: reports.files })
    .from(reports)
    .where(and(eq(reports.materialId, materialId), isNull(reports.deletedAt)))
    .orderBy(asc(reports.createdAt), asc(reports.id))
    .all();
  return materialFilesOf(live);
}

/** A material's custody log, oldest first. */
async function custodyLog(
  db: Db,
  materialId: string,
): Promise<{ seq: number; hash: string; event: string }[]> {
  return db
    .select({ seq: custodyEvents.seq, hash: custodyEvents.hash, event: custodyEvents.event })
    .from(custodyEvents)
    .where(eq(custodyEvents.materialId, materialId))
    .orderBy(asc(custodyEvents.seq))
    .all();
}

/** Every material that has a custody log. */
async function materialsWithCustody(db: Db): Promise<string[]> {
  return db
    .selectDistinct({ id: custodyEvents.materialId })
    .from(custodyEvents)
    .orderBy(asc(custodyEvents.materialId))
    .all()
    .map((row) => row.id);
}

/** Evidence, time-stamps and custody logs on SQLite. */
export function sqliteEvidenceStore({ db, sqlite }: SqliteHandles): EvidenceStore {
  return {
    insertEvidence: (...args) => insertEvidence(db, ...args),
    evidenceRow: (...args) => evidenceRow(db, ...args),
    evidenceRows: (...args) => evidenceRows(db, ...args),
    allEvidence: (...args) => allEvidence(db, ...args),
    timestampRows: (...args) => timestampRows(db, ...args),
    stampedTimestamps: (...args) => stampedTimestamps(db, ...args),
    claimDueForTimestamp: (...args) => claimDueForTimestamp(db, ...args),
    recordTimestamp: (...args) => recordTimestamp(db, ...args),
    recordTimestampFailure: (...args) => recordTimestampFailure(db, ...args),
    materialsReferencing: (sha256) => referencing(db, sha256, reports.materialId),
    reportsReferencing: (sha256) => referencing(db, sha256, reports.id),
    materialsOfReports: async (reportIds) => materialsOfReports(sqlite, reportIds),
    materialById: (...args) => materialById(db, ...args),
    filesOfMaterial: (...args) => filesOfMaterial(db, ...args),
    custodyLog: (...args) => custodyLog(db, ...args),
    materialsWithCustody: (...args) => materialsWithCustody(db, ...args),
    catchUpCustody: async (...args) => catchUpCustody(sqlite, ...args),
    recordReceipt: async (...args) => recordReceipt(sqlite, ...args),
  };
}
