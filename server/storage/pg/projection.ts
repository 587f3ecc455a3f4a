import { inArray, sql } from 'drizzle-orm';
import type { ReviewStatus } from '#shared/review-status';
import {
  materials,
  reviewDailyCounts,
  reviewMaterialFacets,
  reviewProjectionState,
  reviewReportFacets,
} from '../../db/pg-schema';
import { vocabularyFingerprint } from '../../features/review/facet-masks';
import {
  applyChanges,
  CATCH_UP_STEP,
  type ChangedReport,
  type ChangedReportRow,
  changedReportOf,
  type MaterialFacets,
  type ProjectionTarget,
  type ReportFacets,
} from '../review-projection';
import type { PgDb, PgTx } from './handles';

const POSITION = 'change';
const VOCABULARY = 'vocabulary';
// Replicas catching up at once would count the same changes twice: one step at a time.
const PROJECTION_LOCK = 0x77747072;

/**
 * Brings the read model up to date in bounded steps, each one transaction. A step reads the
 * reports changed past the model's position up to the counter's committed value: every change
 * numbered up to it is committed (see change-sequence.ts), so none is missed.
 */
export async function refreshPgProjection(db: PgDb, step = CATCH_UP_STEP): Promise<void> {
  while (!(await db.transaction((tx) => catchUpStep(tx, step)))) {
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function catchUpStep(tx: PgTx, step: number): Promise<boolean> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${PROJECTION_LOCK})`);
  const state = new Map(
    (await tx.select().from(reviewProjectionState)).map((row) => [row.name, row.value]),
  );
  const counter = await tx.execute<{ value: number }>(
    sql`SELECT value FROM sync_counters WHERE name = 'change'`,
  );
  const target = Number(counter.rows[0]?.value ?? 0);
  let from = Number(state.get(POSITION) ?? 0);
  const fingerprint = vocabularyFingerprint();
  if (state.get(VOCABULARY) !== fingerprint) {
    // Masks made with other vocabularies mean nothing: start again from the first change.
    await tx.delete(reviewReportFacets);
    await tx.delete(reviewMaterialFacets);
    await tx.delete(reviewDailyCounts);
    await setState(tx, VOCABULARY, fingerprint);
    from = 0;
  } else if (from >= target) {
    return true;
  }
  const upto = Math.min(target, from + step);
  const changed = await changedReports(tx, from, upto);
  const buffer = await BufferedProjection.load(tx, changed);
  applyChanges(buffer, changed);
  await buffer.flush(tx);
  await setState(tx, POSITION, String(upto));
  return upto >= target;
}

async function setState(tx: PgTx, name: string, value: string) {
  await tx
    .insert(reviewProjectionState)
    .values({ name, value })
    .onConflictDoUpdate({ target: reviewProjectionState.name, set: { value } });
}

async function changedReports(tx: PgTx, after: number, upto: number): Promise<ChangedReport[]> {
  const rows =
    await tx.execute<ChangedReportRow>(sql`SELECT r.id, r.created_at AS "createdAt", r.deleted_at AS "deletedAt",
        r.topics::text AS topics, r.languages::text AS languages, r.region,
        r.resource_type AS "resourceType", m.seq AS "materialSeq",
        f.material_seq AS "beforeSeq", f.topics AS "beforeTopics",
        f.languages AS "beforeLanguages", f.regions AS "beforeRegions",
        f.resource_types AS "beforeResourceTypes"
      FROM reports r JOIN materials m ON m.id = r.material_id
      LEFT JOIN review_report_facets f ON f.created_at = r.created_at AND f.report_id = r.id
      WHERE r.change_seq > ${after} AND r.change_seq <= ${upto}`);
  return rows.rows.map(changedReportOf);
}

const reportKey = (createdAt: string, reportId: string) => `${createdAt}\u0000${reportId}`;

/**
 * The read model's rows of the materials a step touches, read at once; the step works on them in
 * memory and its writes are then sent in a few statements.
 */
class BufferedProjection implements ProjectionTarget {
  private readonly reportFacets = new Map<string, ReportFacets & { reportId: string }>();
  private readonly materialRows = new Map<number, { status: ReviewStatus; createdAt: string }>();
  private readonly materialFacetRows = new Map<number, MaterialFacets>();
  private readonly putReports = new Set<string>();
  private readonly deletedReports = new Map<string, { createdAt: string; reportId: string }>();
  private readonly touchedMaterials = new Set<number>();
  private readonly counts: { facet: string; day: string; value: string; count: number }[] = [];

  static async load(tx: PgTx, changed: ChangedReport[]): Promise<BufferedProjection> {
    const buffer = new BufferedProjection();
    const seqs = [
      ...new Set(
        changed.flatMap((r) => [r.materialSeq, ...(r.before ? [r.before.materialSeq] : [])]),
      ),
    ];
    if (seqs.length === 0) return buffer;
    for (const row of await tx
      .select()
      .from(reviewReportFacets)
      .where(inArray(reviewReportFacets.materialSeq, seqs))) {
      buffer.reportFacets.set(reportKey(row.createdAt, row.reportId), row);
    }
    for (const row of await tx
      .select({ seq: materials.seq, status: materials.status, createdAt: materials.createdAt })
      .from(materials)
      .where(inArray(materials.seq, seqs))) {
      buffer.materialRows.set(row.seq, row);
    }
    for (const { materialSeq, ...row } of await tx
      .select()
      .from(reviewMaterialFacets)
      .where(inArray(reviewMaterialFacets.materialSeq, seqs))) {
      buffer.materialFacetRows.set(materialSeq, row);
    }
    return buffer;
  }

  reportFacetsOfMaterial(materialSeq: number): ReportFacets[] {
    return [...this.reportFacets.values()].filter((f) => f.materialSeq === materialSeq);
  }
  putReportFacets(reportId: string, facets: ReportFacets): void {
    const key = reportKey(facets.createdAt, reportId);
    this.reportFacets.set(key, { ...facets, reportId });
    this.deletedReports.delete(key);
    this.putReports.add(key);
  }
  deleteReportFacets(createdAt: string, reportId: string): void {
    const key = reportKey(createdAt, reportId);
    this.reportFacets.delete(key);
    this.putReports.delete(key);
    this.deletedReports.set(key, { createdAt, reportId });
  }
  material(seq: number) {
    return this.materialRows.get(seq);
  }
  materialFacets(seq: number) {
    return this.materialFacetRows.get(seq);
  }
  putMaterialFacets(seq: number, facets: MaterialFacets): void {
    this.materialFacetRows.set(seq, facets);
    this.touchedMaterials.add(seq);
  }
  deleteMaterialFacets(seq: number): void {
    this.materialFacetRows.delete(seq);
    this.touchedMaterials.add(seq);
  }
  addCount(facet: string, day: string, value: string, delta: number): void {
    this.counts.push({ facet, day, value, count: delta });
  }

  async flush(tx: PgTx): Promise<void> {
    for (const { createdAt, reportId } of this.deletedReports.values()) {
      await tx.execute(sql`DELETE FROM review_report_facets
        WHERE created_at = ${createdAt} AND report_id = ${reportId}`);
    }
    const reports = [...this.putReports].map((key) => this.reportFacets.get(key)!);
    if (reports.length > 0) {
      await tx
        .insert(reviewReportFacets)
        .values(reports)
        .onConflictDoUpdate({
          target: [reviewReportFacets.createdAt, reviewReportFacets.reportId],
          set: excluded(['material_seq', 'topics', 'languages', 'regions', 'resource_types']),
        });
    }
    const touched = [...this.touchedMaterials];
    const kept = touched.filter((seq) => this.materialFacetRows.has(seq));
    const gone = touched.filter((seq) => !this.materialFacetRows.has(seq));
    if (gone.length > 0) {
      await tx.delete(reviewMaterialFacets).where(inArray(reviewMaterialFacets.materialSeq, gone));
    }
    if (kept.length > 0) {
      await tx
        .insert(reviewMaterialFacets)
        .values(kept.map((seq) => ({ materialSeq: seq, ...this.materialFacetRows.get(seq)! })))
        .onConflictDoUpdate({
          target: reviewMaterialFacets.materialSeq,
          set: excluded([
            'status',
            'first_reported_day',
            'live_reports',
            'topics',
            'languages',
            'regions',
            'resource_types',
          ]),
        });
    }
    if (this.counts.length > 0) {
      await tx
        .insert(reviewDailyCounts)
        .values(this.counts)
        .onConflictDoUpdate({
          target: [reviewDailyCounts.facet, reviewDailyCounts.day, reviewDailyCounts.value],
          set: { count: sql`${reviewDailyCounts.count} + excluded.count` },
        });
      // A count back at zero is removed.
      const lowered = JSON.stringify(this.counts.filter((c) => c.count < 0));
      await tx.execute(sql`DELETE FROM review_daily_counts c
        USING jsonb_to_recordset(${lowered}::jsonb) AS d(facet text, day text, value text)
        WHERE c.facet = d.facet AND c.day = d.day AND c.value = d.value AND c.count = 0`);
    }
  }
}

function excluded(columns: string[]) {
  return Object.fromEntries(columns.map((c) => [toKey(c), sql.raw(`excluded.${c}`)]));
}

const toKey = (column: string) => column.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
