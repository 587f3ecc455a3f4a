import { join } from 'node:path';
import { openStorage } from '../../server/db/open';
import { bigDatabase, copyDatabase, QUICK_REPORTS } from '../lib/big-database';
import type { Measure } from '../lib/measure';
import { measureTriage } from '../lib/review-triage';

/**
 * P11 on SQLite: the reviewers' queue at scale — the first page of 50 under filters and sorting,
 * at 1 M reports (50 k when quick), and one decision on 500 selected materials, each in its own
 * transaction with its own claim and version check. P11-pg measures the same on PostgreSQL.
 */
export const measure: Measure = {
  id: 'P11',
  async run(ctx) {
    const reports = ctx.quick ? QUICK_REPORTS : 1_000_000;
    const source = await bigDatabase(ctx.cacheDir, reports, ctx.progress);
    const dir = join(ctx.workDir, 'triage');
    copyDatabase(source.dir, dir);
    const storage = openStorage(dir);
    try {
      return await measureTriage(storage, ctx, {
        reports,
        reviewer: source.analysts[0]!,
        engine: 'SQLite',
        loaded: 'a copy of the cached file',
      });
    } finally {
      storage.close();
    }
  },
};
