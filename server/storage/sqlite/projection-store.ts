import type Database from 'better-sqlite3';
import type { ReviewStatus } from '#shared/review-status';
import {
  type ChangedReport,
  type ChangedReportRow,
  changedReportOf,
  type MaterialFacets,
  type ProjectionTarget,
  type ReportFacets,
} from '../review-projection';

const FACET_COLUMNS = 'topics, languages, regions, resource_types AS resourceTypes';

/** The prepared statements of the read model, on one connection. */
function prepare(sqlite: Database.Database) {
  const state = sqlite.prepare('SELECT value FROM review_projection_state WHERE name = ?').pluck();
  return {
    counter: sqlite.prepare("SELECT value FROM sync_counters WHERE name = 'change'").pluck(),
    state,
    setState: sqlite.prepare(
      `INSERT INTO review_projection_state (name, value) VALUES (?, ?)
       ON CONFLICT (name) DO UPDATE SET value = excluded.value`,
    ),
    // Reports are indexed by (user_id, change_seq) only: one index range per user finds the
    // changes after a position without an index of its own on the push path.
    changedReports: sqlite.prepare(
      `SELECT r.id, r.created_at AS createdAt, r.deleted_at AS deletedAt, r.topics, r.languages,
              r.region, r.resource_type AS resourceType, m.seq AS materialSeq,
              f.material_seq AS beforeSeq, f.topics AS beforeTopics,
              f.languages AS beforeLanguages, f.regions AS beforeRegions,
              f.resource_types AS beforeResourceTypes
       FROM users u CROSS JOIN reports r ON r.user_id = u.id AND r.change_seq > ? AND r.change_seq <= ?
       JOIN materials m ON m.id = r.material_id
       LEFT JOIN review_report_facets f ON f.created_at = r.created_at AND f.report_id = r.id`,
    ),
    reportFacetsOfMaterial: sqlite.prepare(
      `SELECT material_seq AS materialSeq, created_at AS createdAt, ${FACET_COLUMNS}
       FROM review_report_facets WHERE material_seq = ?`,
    ),
    putReportFacets: sqlite.prepare(
      `INSERT INTO review_report_facets
         (created_at, report_id, material_seq, topics, languages, regions, resource_types)
       VALUES (@createdAt, @id, @materialSeq, @topics, @languages, @regions, @resourceTypes)
       ON CONFLICT (created_at, report_id) DO UPDATE SET material_seq = excluded.material_seq,
         topics = excluded.topics, languages = excluded.languages,
         regions = excluded.regions, resource_types = excluded.resource_types`,
    ),
    deleteReportFacets: sqlite.prepare(
      'DELETE FROM review_report_facets WHERE created_at = ? AND report_id = ?',
    ),
    material: sqlite.prepare('SELECT status, created_at AS createdAt FROM materials WHERE seq = ?'),
    materialFacets: sqlite.prepare(
      `SELECT status, first_reported_day AS firstReportedDay, live_reports AS liveReports,
              ${FACET_COLUMNS}
       FROM review_material_facets WHERE material_seq = ?`,
    ),
    putMaterialFacets: sqlite.prepare(
      `INSERT INTO review_material_facets (material_seq, status, first_reported_day, live_reports,
         topics, languages, regions, resource_types)
       VALUES (@seq, @status, @firstReportedDay, @liveReports, @topics, @languages, @regions,
         @resourceTypes)
       ON CONFLICT (material_seq) DO UPDATE SET status = excluded.status,
         first_reported_day = excluded.first_reported_day, live_reports = excluded.live_reports,
         topics = excluded.topics, languages = excluded.languages, regions = excluded.regions,
         resource_types = excluded.resource_types`,
    ),
    deleteMaterialFacets: sqlite.prepare(
      'DELETE FROM review_material_facets WHERE material_seq = ?',
    ),
    addCount: sqlite.prepare(
      `INSERT INTO review_daily_counts (facet, day, value, count) VALUES (?, ?, ?, ?)
       ON CONFLICT (facet, day, value) DO UPDATE SET count = count + excluded.count`,
    ),
    dropZeroCount: sqlite.prepare(
      'DELETE FROM review_daily_counts WHERE facet = ? AND day = ? AND value = ? AND count = 0',
    ),
    clear: [
      sqlite.prepare('DELETE FROM review_report_facets'),
      sqlite.prepare('DELETE FROM review_material_facets'),
      sqlite.prepare('DELETE FROM review_daily_counts'),
    ],
  };
}
type Statements = ReturnType<typeof prepare>;

const cache = new WeakMap<Database.Database, ProjectionStore>();

/** The read model's storage operations on one connection (prepared once per connection). */
export function projectionStore(sqlite: Database.Database): ProjectionStore {
  let store = cache.get(sqlite);
  if (!store) {
    store = new ProjectionStore(prepare(sqlite));
    cache.set(sqlite, store);
  }
  return store;
}

export class ProjectionStore implements ProjectionTarget {
  constructor(private readonly sql: Statements) {}

  changeCounter(): number {
    return (this.sql.counter.get() as number | undefined) ?? 0;
  }

  stateOf(name: string): string | undefined {
    return this.sql.state.get(name) as string | undefined;
  }

  setState(name: string, value: string | number): void {
    this.sql.setState.run(name, String(value));
  }

  changedReports(afterSeq: number, uptoSeq: number): ChangedReport[] {
    const rows = this.sql.changedReports.all(afterSeq, uptoSeq) as ChangedReportRow[];
    return rows.map(changedReportOf);
  }

  reportFacetsOfMaterial(materialSeq: number): ReportFacets[] {
    return this.sql.reportFacetsOfMaterial.all(materialSeq) as ReportFacets[];
  }

  putReportFacets(reportId: string, facets: ReportFacets): void {
    this.sql.putReportFacets.run({ id: reportId, ...facets });
  }

  deleteReportFacets(createdAt: string, reportId: string): void {
    this.sql.deleteReportFacets.run(createdAt, reportId);
  }

  material(seq: number): { status: ReviewStatus; createdAt: string } | undefined {
    return this.sql.material.get(seq) as { status: ReviewStatus; createdAt: string } | undefined;
  }

  materialFacets(seq: number): MaterialFacets | undefined {
    return this.sql.materialFacets.get(seq) as MaterialFacets | undefined;
  }

  putMaterialFacets(seq: number, facets: MaterialFacets): void {
    this.sql.putMaterialFacets.run({ seq, ...facets });
  }

  deleteMaterialFacets(seq: number): void {
    this.sql.deleteMaterialFacets.run(seq);
  }

  /** Adds to a daily count; a count back at zero is removed. */
  addCount(facet: string, day: string, value: string, delta: number): void {
    this.sql.addCount.run(facet, day, value, delta);
    if (delta < 0) this.sql.dropZeroCount.run(facet, day, value);
  }

  clear(): void {
    for (const statement of this.sql.clear) statement.run();
  }
}
