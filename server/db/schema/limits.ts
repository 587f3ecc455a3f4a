import { index, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { logId } from './columns';

/**
 * Failed attempts counted by the abuse limits (wrong passwords per account, per address, per
 * account at an address; registrations per address), shared by every process on the database.
 * Rows older than their limit's window are deleted as new ones arrive.
 */
export const limitFailures = sqliteTable(
  'limit_failures',
  {
    id: logId(),
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

/**
 * Which process took a scheduled job's run for a period (retention: one run a day), so that of
 * several server processes on one database only one runs it.
 */
export const jobRuns = sqliteTable(
  'job_runs',
  {
    job: text('job').notNull(),
    period: text('period').notNull(),
    owner: text('owner').notNull(),
    claimedAt: text('claimed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.job, t.period] })],
);
