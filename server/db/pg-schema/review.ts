import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type { ReviewStatus } from '#shared/review-status';

// A read model of the reports for the reviewers' queue and the statistics, kept up to date from
// the change numbers of reports (features/review/projection.ts). Taxonomy codes are stored as bit
// masks (bit i = the i-th code of the vocabulary), so a filter is one integer test per row.

/**
 * What each live report contributes, kept so that its contribution can be taken back. Keyed by
 * when the report was first received (which never changes) so that new rows go to the end of
 * the index instead of to a random page.
 */
export const reviewReportFacets = pgTable(
  'review_report_facets',
  {
    createdAt: text('created_at').notNull(),
    reportId: text('report_id').notNull(),
    materialSeq: integer('material_seq').notNull(),
    topics: integer('topics').notNull(),
    languages: integer('languages').notNull(),
    regions: integer('regions').notNull(),
    resourceTypes: integer('resource_types').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.createdAt, t.reportId] }),
    index('review_report_facets_material_idx').on(t.materialSeq),
  ],
);

/** One row per material that has live reports: its status and what its reports say, combined. */
export const reviewMaterialFacets = pgTable(
  'review_material_facets',
  {
    materialSeq: integer('material_seq').primaryKey(),
    status: text('status').$type<ReviewStatus>().notNull(),
    firstReportedDay: text('first_reported_day').notNull(),
    liveReports: integer('live_reports').notNull(),
    topics: integer('topics').notNull(),
    languages: integer('languages').notNull(),
    regions: integer('regions').notNull(),
    resourceTypes: integer('resource_types').notNull(),
  },
  (t) => [
    index('review_material_facets_status_idx').on(t.status, t.materialSeq),
    // The queue sorted by how many live reports a material has.
    index('review_material_facets_reports_idx').on(t.liveReports, t.materialSeq),
  ],
);

/**
 * Counts per UTC day: of live reports by `total`, `topic`, `language`, `region`, `resourceType`
 * (value: the code), and of materials with live reports by `status`, on their first reported day.
 */
export const reviewDailyCounts = pgTable(
  'review_daily_counts',
  {
    facet: text('facet').notNull(),
    day: text('day').notNull(),
    value: text('value').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.facet, t.day, t.value] })],
);

/** How far the read model has caught up (`change`), and the vocabularies its masks were made of. */
export const reviewProjectionState = pgTable('review_projection_state', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
});
