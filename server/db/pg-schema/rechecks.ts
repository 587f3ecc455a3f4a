import { boolean, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import type { RecheckOutcome } from '#shared/schemas/rechecks';
import { materials } from './reports';
import { users } from './users';

/** Every reachability re-check of a material: what was found, when, and why. */
export const materialRechecks = pgTable(
  'material_rechecks',
  {
    id: text('id').primaryKey(),
    materialId: text('material_id')
      .notNull()
      .references(() => materials.id),
    at: text('at').notNull(),
    outcome: text('outcome').$type<RecheckOutcome>().notNull(),
    httpStatus: integer('http_status'),
    finalUrl: text('final_url'),
    contentSha256: text('content_sha256'),
    contentChanged: boolean('content_changed'),
    detail: text('detail'),
    trigger: text('trigger').$type<'scheduled' | 'on_demand'>().notNull(),
    /** Who asked for an on-demand check; null for scheduled ones. */
    byUserId: text('by_user_id').references(() => users.id),
    /** `restored` when a blocked material was found live again: reviewers are shown it. */
    suggestion: text('suggestion').$type<'restored'>(),
  },
  (t) => [index('material_rechecks_material_idx').on(t.materialId, t.at)],
);
export type MaterialRecheckRow = typeof materialRechecks.$inferSelect;

/**
 * When each followed-through material is due for its next scheduled check, and who holds it: a
 * scheduler claims a due row by writing its lease in the same transaction that found it due, so
 * that two schedulers on one database never run the same check.
 */
export const materialRecheckSchedule = pgTable(
  'material_recheck_schedule',
  {
    materialId: text('material_id')
      .primaryKey()
      .references(() => materials.id),
    nextDueAt: text('next_due_at').notNull(),
    leaseOwner: text('lease_owner'),
    leaseUntil: text('lease_until'),
  },
  (t) => [index('material_recheck_schedule_due_idx').on(t.nextDueAt)],
);
