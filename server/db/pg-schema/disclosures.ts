import { boolean, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type { DisclosureScope, RecipientType } from '#shared/schemas/disclosures';
import { users } from './users';

/**
 * Disclosures of data to state bodies and third parties: who asked, on what basis, for what, when
 * and by whom. The disclosed data itself is not kept, only its SHA-256.
 */
export const disclosures = pgTable(
  'disclosures',
  {
    id: text('id').primaryKey(),
    recipient: text('recipient').notNull(),
    recipientType: text('recipient_type').$type<RecipientType>().notNull(),
    basis: text('basis').notNull(),
    requestNumber: text('request_number').notNull(),
    requestDate: text('request_date').notNull(),
    scope: jsonb('scope').$type<DisclosureScope>().notNull(),
    includeReporterIdentity: boolean('include_reporter_identity').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    materialCount: integer('material_count').notNull(),
    reportCount: integer('report_count').notNull(),
    reporterCount: integer('reporter_count').notNull(),
    identifiedReporterCount: integer('identified_reporter_count').notNull(),
    dataSha256: text('data_sha256').notNull(),
  },
  (t) => [index('disclosures_created_idx').on(t.createdAt, t.id)],
);
export type DisclosureRow = typeof disclosures.$inferSelect;

/** Whose reports each disclosure included, and whether their identity went with them. */
export const disclosureSubjects = pgTable(
  'disclosure_subjects',
  {
    disclosureId: text('disclosure_id')
      .notNull()
      .references(() => disclosures.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    identified: boolean('identified').notNull(),
    reportCount: integer('report_count').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.disclosureId, t.userId] }),
    index('disclosure_subjects_user_idx').on(t.userId),
  ],
);
