import { join } from 'node:path';
import { openStorage } from '../../server/db/open';
import { openPgStorage } from '../../server/db/pg-open';
import { bigDatabase, copyDatabase, QUICK_REPORTS } from '../lib/big-database';
import type { Measure } from '../lib/measure';
import { withPgCluster } from '../lib/pg-bench';
import { copySqliteToPg } from '../lib/pg-copy';
import { measureTriage } from '../lib/review-triage';
import { round } from '../lib/stats';

/**
 * P11 on PostgreSQL: the same measure as P11, on a throwaway cluster loaded with the very rows of
 * the SQLite database P11 uses (1 M reports, 50 k when quick), read model included.
 */
export const measure: Measure = {
  id: 'P11-pg',
  async run(ctx) {
    const reports = ctx.quick ? QUICK_REPORTS : 1_000_000;
    const source = await bigDatabase(ctx.cacheDir, reports, ctx.progress);
    // The read model is caught up on a copy of the file (what P11 measures), then copied with the
    // rest: both engines' projections hold the same rows (storage/review-projection.ts).
    const dir = join(ctx.workDir, 'triage');
    copyDatabase(source.dir, dir);
    const sqliteStorage = openStorage(dir);
    await sqliteStorage.review.refresh();
    sqliteStorage.close();
    return withPgCluster(async (cluster) => {
      const began = performance.now();
      const url = await cluster.database('triage');
      await copySqliteToPg(join(dir, 'webtagger.sqlite'), url, ctx.progress);
      const loadSeconds = (performance.now() - began) / 1000;
      ctx.progress(`loaded ${reports} reports into PostgreSQL in ${round(loadSeconds)} s`);
      const storage = await openPgStorage(url, join(ctx.workDir, 'files'));
      try {
        const result = await measureTriage(storage, ctx, {
          reports,
          reviewer: source.analysts[0]!,
          engine: 'PostgreSQL',
          loaded: `copied from the SQLite file, read model caught up there, in ${round(loadSeconds)} s (COPY through psql, indexes built after)`,
        });
        return { ...result, figures: { ...result.figures, loadSeconds } };
      } finally {
        await storage.close();
      }
    });
  },
};
