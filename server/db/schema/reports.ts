import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { LegalGroundChoice } from '#shared/legal-grounds';
import type { PersonalDataKind } from '#shared/personal-data/types';
import type { ReviewStatus } from '#shared/review-status';
import type {
  Capture,
  Evidence,
  EvidenceFile,
  EvidenceFileMime,
  Geography,
} from '#shared/schemas/report';
import type {
  Availability,
  Language,
  Openness,
  ReportSource,
  ResourceType,
  Topic,
} from '#shared/taxonomy';
import { logId } from './columns';
import { users } from './users';

/**
 * Named counters. `change` orders every change of a report (and every new material): it is only
 * advanced inside the transaction that makes the change, so a reader never sees a gap close later.
 */
export const syncCounters = sqliteTable('sync_counters', {
  name: text('name').primaryKey(),
  value: integer('value').notNull(),
});

/** One material per canonical URL key: what reviewers assess, whatever form of URL reporters had. */
export const materials = sqliteTable(
  'materials',
  {
    id: text('id').primaryKey(),
    urlKey: text('url_key').notNull().unique(),
    urlKeyHash: text('url_key_hash').notNull(),
    /** Creation order (from the change counter): known-urls pages over it. */
    seq: integer('seq').notNull().unique(),
    status: text('status').$type<ReviewStatus>().notNull().default('submitted'),
    version: integer('version').notNull().default(1),
    /** The URL and title of the first report, shown to reviewers. */
    url: text('url').notNull(),
    title: text('title').notNull(),
    /** The comment for the reporters of the decision that set the current status ('' if none). */
    reporterComment: text('reporter_comment').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /**
     * The registrable domain of the URL (Public Suffix List: `example.co.uk`), or the host when
     * it has none (an address): materials of one site are shown together.
     */
    registrableDomain: text('registrable_domain'),
    /** The original a `duplicate` decision named (no foreign key: retention may drop either). */
    duplicateOf: text('duplicate_of'),
    /** A material already sent for blocking or blocked whose content this one repeats. */
    possibleMirrorOf: text('possible_mirror_of'),
  },
  (t) => [
    index('materials_url_key_hash_idx').on(t.urlKeyHash),
    index('materials_status_idx').on(t.status),
    // The reviewers' queue sorts by these, ties broken by creation order.
    index('materials_updated_idx').on(t.updatedAt, t.seq),
    index('materials_title_idx').on(t.title, t.seq),
    index('materials_registrable_domain_idx').on(t.registrableDomain, t.seq),
    index('materials_duplicate_of_idx').on(t.duplicateOf),
    index('materials_possible_mirror_of_idx').on(t.possibleMirrorOf, t.seq),
  ],
);
export type MaterialRow = typeof materials.$inferSelect;

/** Reports as analysts pushed them; a deleted one stays as a tombstone so its owner pulls the deletion. */
export const reports = sqliteTable(
  'reports',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    materialId: text('material_id')
      .notNull()
      .references(() => materials.id),
    urlKey: text('url_key').notNull(),
    url: text('url').notNull(),
    title: text('title').notNull(),
    source: text('source').$type<ReportSource>().notNull(),
    resourceType: text('resource_type').$type<ResourceType>().notNull(),
    languages: text('languages', { mode: 'json' }).$type<Language[]>().notNull(),
    geography: text('geography', { mode: 'json' }).$type<Geography>().notNull(),
    /** Flattened from `geography` for statistics. */
    country: text('country'),
    region: text('region'),
    openness: text('openness').$type<Openness>().notNull(),
    availability: text('availability').$type<Availability>().notNull(),
    topics: text('topics', { mode: 'json' }).$type<Topic[]>().notNull(),
    note: text('note').notNull(),
    capturedAt: text('captured_at').notNull(),
    evidence: text('evidence', { mode: 'json' }).$type<Evidence>(),
    /** Every evidence file the report lists (screenshots, page copies). */
    files: text('files', { mode: 'json' }).$type<EvidenceFile[]>(),
    /** The browser's facts of the capture (URLs, title, time, browser, viewport, extension). */
    capture: text('capture', { mode: 'json' }).$type<Capture>(),
    personalDataBasis: text('personal_data_basis', { mode: 'json' }).$type<{
      kind: 'representation';
      documentId: string;
    }>(),
    /** Kinds of third-party personal data accepted under a representation basis. */
    personalDataKinds: text('personal_data_kinds', { mode: 'json' }).$type<PersonalDataKind[]>(),
    version: integer('version').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: text('deleted_at'),
    /** Advanced on every change the owner must pull (edit, deletion, review status). */
    changeSeq: integer('change_seq').notNull(),
  },
  (t) => [
    index('reports_user_change_idx').on(t.userId, t.changeSeq),
    index('reports_material_idx').on(t.materialId),
  ],
);
export type ReportRow = typeof reports.$inferSelect;

/** The review history of each material. */
export const materialStatusChanges = sqliteTable(
  'material_status_changes',
  {
    id: logId(),
    materialId: text('material_id')
      .notNull()
      .references(() => materials.id),
    fromStatus: text('from_status').$type<ReviewStatus>().notNull(),
    toStatus: text('to_status').$type<ReviewStatus>().notNull(),
    byUserId: text('by_user_id').references(() => users.id),
    at: text('at').notNull(),
    /** The internal comment, for reviewers. */
    comment: text('comment').notNull().default(''),
    /** The legal ground a decision to confirm or send for blocking cited, if any. */
    legalGround: text('legal_ground', { mode: 'json' }).$type<LegalGroundChoice>(),
    /** The comment for the material's reporters, pulled with their reports. */
    reporterComment: text('reporter_comment').notNull().default(''),
  },
  (t) => [index('material_status_changes_material_idx').on(t.materialId, t.id)],
);
export type MaterialStatusChangeRow = typeof materialStatusChanges.$inferSelect;

/** Every applied push mutation, so that a retried one answers `duplicate` and changes nothing. */
export const appliedMutations = sqliteTable('applied_mutations', {
  id: text('id').primaryKey(),
  userId: text('user_id').notNull(),
  reportId: text('report_id').notNull(),
  /** What the mutation did (`{ op, version }`), for answering a retry. */
  result: text('result', { mode: 'json' })
    .$type<{ op: 'upsert' | 'delete'; version: number }>()
    .notNull(),
  appliedAt: text('applied_at').notNull(),
});

/** Uploaded evidence files (screenshots, page copies); the bytes live in `<dataDir>/evidence/<sha256>`. */
export const evidence = sqliteTable('evidence', {
  sha256: text('sha256').primaryKey(),
  mime: text('mime').$type<EvidenceFileMime>().notNull(),
  bytes: integer('bytes').notNull(),
  uploadedBy: text('uploaded_by').references(() => users.id),
  createdAt: text('created_at').notNull(),
});
export type EvidenceRow = typeof evidence.$inferSelect;

/**
 * Which reports list which evidence file (by `evidence` or `files`), written with the report, so
 * that a file arriving after its reports finds their materials without reading every report. It
 * may outlive a report's reference to the file (a report edited, deleted): readers check the report.
 */
export const reportFiles = sqliteTable(
  'report_files',
  {
    sha256: text('sha256').notNull(),
    reportId: text('report_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sha256, t.reportId] })],
);
