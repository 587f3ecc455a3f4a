import { index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { materials } from './reports';
import { users } from './users';

/**
 * Who works on a material: one row per material ever claimed. `userId` is null once released;
 * `version` grows with every claim, assignment and release, so that two reviewers claiming at
 * once cannot both win and an assignment cannot override a claim its author has not seen.
 */
export const materialClaims = pgTable(
  'material_claims',
  {
    materialId: text('material_id')
      .primaryKey()
      .references(() => materials.id),
    userId: text('user_id').references(() => users.id),
    /** Who assigned it, when someone other than the holder did. */
    assignedBy: text('assigned_by').references(() => users.id),
    since: text('since'),
    version: integer('version').notNull(),
  },
  (t) => [index('material_claims_user_idx').on(t.userId)],
);
export type MaterialClaimRow = typeof materialClaims.$inferSelect;

/** A reviewer's named queue filters and sort, kept as the queue's query string. */
export const reviewSavedFilters = pgTable(
  'review_saved_filters',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    query: text('query').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('review_saved_filters_user_name_idx').on(t.userId, t.name)],
);
export type SavedFilterRow = typeof reviewSavedFilters.$inferSelect;
