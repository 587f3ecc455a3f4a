import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { AccountStatus, Role } from '#shared/schemas/account';
import { logId } from './columns';

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull().unique(),
    fullName: text('full_name').notNull(),
    organization: text('organization').notNull(),
    position: text('position').notNull(),
    phone: text('phone'),
    passwordHash: text('password_hash').notNull(),
    role: text('role').$type<Role>().notNull().default('analyst'),
    status: text('status').$type<AccountStatus>().notNull().default('pending'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    closedAt: text('closed_at'),
  },
  (t) => [index('users_status_idx').on(t.status)],
);
export type UserRow = typeof users.$inferSelect;

/** Bearer tokens: only their SHA-256 is stored; each belongs to one device of one user. */
export const tokens = sqliteTable(
  'tokens',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    tokenHash: text('token_hash').notNull().unique(),
    deviceName: text('device_name'),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    revokedAt: text('revoked_at'),
    lastUsedAt: text('last_used_at'),
  },
  (t) => [index('tokens_user_idx').on(t.userId)],
);
export type TokenRow = typeof tokens.$inferSelect;

/** Append-only log of security- and privacy-relevant events: ids and codes, never personal values. */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: logId(),
    at: text('at').notNull(),
    action: text('action').notNull(),
    actorUserId: text('actor_user_id'),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    ip: text('ip'),
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_action_idx').on(t.action), index('audit_actor_idx').on(t.actorUserId)],
);
