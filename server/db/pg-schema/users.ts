import { index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import type { AccountStatus, Role } from '#shared/schemas/account';

export const users = pgTable(
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
export const tokens = pgTable(
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
export const auditEvents = pgTable(
  'audit_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    at: text('at').notNull(),
    action: text('action').notNull(),
    actorUserId: text('actor_user_id'),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    ip: text('ip'),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_action_idx').on(t.action), index('audit_actor_idx').on(t.actorUserId)],
);
