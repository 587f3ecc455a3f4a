import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * Failed attempts counted by the abuse limits, shared by every process on the database (as
 * ../schema/limits.ts).
 */
export const limitFailures = pgTable(
  'limit_failures',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** Which limit counts it: `login-account`, `login-address`, `login-pair`, `registration`. */
    log: text('log').notNull(),
    key: text('key').notNull(),
    at: text('at').notNull(),
  },
  (t) => [
    index('limit_failures_key_idx').on(t.log, t.key, t.at),
    index('limit_failures_at_idx').on(t.at),
  ],
);

/** Which process took a scheduled job's run for a period (as ../schema/limits.ts). */
export const jobRuns = pgTable(
  'job_runs',
  {
    job: text('job').notNull(),
    period: text('period').notNull(),
    owner: text('owner').notNull(),
    claimedAt: text('claimed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.job, t.period] })],
);
