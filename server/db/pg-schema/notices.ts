import { index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type { LegalGroundChoice } from '#shared/legal-grounds';
import type {
  NoticeResponseStatus,
  NoticeStoredStatus,
  RecipientType,
} from '#shared/schemas/notices';
import { materials } from './reports';
import { users } from './users';

// The notices' tables on PostgreSQL, as ../schema/notices.ts.

/** Organisations notices go to (platforms, hosting providers, authorities), never people. */
export const noticeRecipients = pgTable('notice_recipients', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  type: text('type').$type<RecipientType>().notNull(),
  /** The organisation's official e-mail or postal address. */
  contact: text('contact').notNull(),
  /** How long the recipient has to act once a notice is sent. */
  deadlineHours: integer('deadline_hours').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});
export type NoticeRecipientRow = typeof noticeRecipients.$inferSelect;

/**
 * A notice: materials sent to one recipient under one legal ground. `status` is what was recorded;
 * whether it is overdue is computed against the clock (`deadline_at`), and `overdue_recorded_at`
 * says when that was first noticed and audited.
 */
export const notices = pgTable(
  'notices',
  {
    id: text('id').primaryKey(),
    recipientId: text('recipient_id')
      .notNull()
      .references(() => noticeRecipients.id),
    legalGround: jsonb('legal_ground').$type<LegalGroundChoice>().notNull(),
    explanation: text('explanation').notNull(),
    territorialScope: text('territorial_scope').notNull(),
    status: text('status').$type<NoticeStoredStatus>().notNull(),
    createdBy: text('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    sentAt: text('sent_at'),
    deadlineAt: text('deadline_at'),
    overdueRecordedAt: text('overdue_recorded_at'),
  },
  (t) => [
    index('notices_recipient_idx').on(t.recipientId),
    index('notices_deadline_idx').on(t.status, t.deadlineAt),
  ],
);
export type NoticeRow = typeof notices.$inferSelect;

/** The materials of a notice, in the order they were listed. */
export const noticeMaterials = pgTable(
  'notice_materials',
  {
    noticeId: text('notice_id')
      .notNull()
      .references(() => notices.id),
    materialId: text('material_id')
      .notNull()
      .references(() => materials.id),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.noticeId, t.materialId] }),
    index('notice_materials_material_idx').on(t.materialId),
  ],
);

/** What the recipient answered, and the status it moved the notice to. */
export const noticeResponses = pgTable(
  'notice_responses',
  {
    id: text('id').primaryKey(),
    noticeId: text('notice_id')
      .notNull()
      .references(() => notices.id),
    receivedOn: text('received_on').notNull(),
    text: text('text').notNull(),
    resultingStatus: text('resulting_status').$type<NoticeResponseStatus>().notNull(),
    byUserId: text('by_user_id').references(() => users.id),
    at: text('at').notNull(),
  },
  (t) => [index('notice_responses_notice_idx').on(t.noticeId, t.at)],
);
export type NoticeResponseRow = typeof noticeResponses.$inferSelect;
