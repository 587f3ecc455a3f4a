import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { logId } from './columns';
import { users } from './users';

/** Published policy versions; the newest `publishedAt` is current. Never edited once published. */
export const policies = sqliteTable('policies', {
  version: text('version').primaryKey(),
  publishedAt: text('published_at').notNull(),
  publishedBy: text('published_by'),
  sha256: text('sha256').notNull(),
  textRu: text('text_ru').notNull(),
  textKk: text('text_kk').notNull(),
  textEn: text('text_en').notNull(),
});
export type PolicyRow = typeof policies.$inferSelect;

/**
 * Consent records, append-only: a withdrawal is a new row, never an edit of the one it withdraws.
 * The newest row of a user decides whether they consent now.
 */
export const consents = sqliteTable(
  'consents',
  {
    id: logId(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    action: text('action').$type<'given' | 'withdrawn'>().notNull(),
    policyVersion: text('policy_version')
      .notNull()
      .references(() => policies.version),
    processing: integer('processing', { mode: 'boolean' }).notNull(),
    thirdPartyTransfer: integer('third_party_transfer', { mode: 'boolean' }).notNull(),
    at: text('at').notNull(),
    method: text('method').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('consents_user_idx').on(t.userId, t.id)],
);
export type ConsentRow = typeof consents.$inferSelect;
