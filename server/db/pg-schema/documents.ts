import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import type { DocumentKind, DocumentMime, DocumentStatus } from '#shared/schemas/documents';
import { users } from './users';

/**
 * Uploaded documents: authorization papers sent with a registration, and confirmations that a
 * user represents a person. The file lives at `<dataDir>/documents/<id>`; the name the user gave
 * is metadata only and never touches the filesystem.
 */
export const documents = pgTable(
  'documents',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').$type<DocumentKind>().notNull(),
    status: text('status').$type<DocumentStatus>().notNull().default('pending'),
    mime: text('mime').$type<DocumentMime>().notNull(),
    bytes: integer('bytes').notNull(),
    sha256: text('sha256').notNull(),
    originalName: text('original_name').notNull(),
    createdAt: text('created_at').notNull(),
    decidedAt: text('decided_at'),
    decidedBy: text('decided_by').references(() => users.id),
  },
  (t) => [index('documents_user_idx').on(t.userId)],
);
export type DocumentRow = typeof documents.$inferSelect;
