import { pgTable, text } from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * Accounts whose owners asked for erasure, and when retention destroyed their personal data.
 * The account row itself stays (reports point at it) with its personal fields replaced.
 */
export const erasures = pgTable('erasures', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id),
  requestedAt: text('requested_at'),
  destroyedAt: text('destroyed_at'),
});
export type ErasureRow = typeof erasures.$inferSelect;
