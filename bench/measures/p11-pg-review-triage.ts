import { basename, join } from 'node:path';
import { openStorage } from '../../server/db/open';
import { openPgStorage } from '../../server/db/pg-open';
import { bigDatabase, copyDatabase, QUICK_REPORTS } from '../lib/big-database';
import { contentHash } from '../lib/content-hash';
import type { Measure } from '../lib/measure';
import { withPgCluster } from '../lib/pg-bench';
import { copySqliteToPg } from '../lib/pg-copy';
import { measureTriage } from '../lib/review-triage';
import { round } from '../lib/stats';

const READ_MODEL_CODE = [
  'server/storage/review-projection.ts',
  'server/storage/sqlite/projection.ts',
  'server/storage/sqlite/projection-store.ts',
];

/**
 * P11 on PostgreSQL: the same measure as P11, on a throwaway cluster loaded with the very rows of
 * the SQLite database P11 uses (1 M reports, 50 k when quick), read model included.
 */
export const measure: Measure = {
  id: 'P11-pg',
  async run(ctx) {
    const reports = ctx.quick ? QUICK_REPORTS : 1_000_000;
    const source = await bigDatabase(ctx.cacheDir, reports, ctx.progress);
    return withPgCluster(
      async (cluster) => {
        // The read model is caught up on a copy of the file (what P11 measures), then copied with
        // the rest: both engines' projections hold the same rows (storage/review-projection.ts).
        const loaded = await cluster.loaded('triage', triageSource(source.dir), async (url) => {
          const dir = join(ctx.workDir, 'triage');
          copyDatabase(source.dir, dir);
          const sqliteStorage = openStorage(dir);
          await sqliteStorage.review.refresh();
          sqliteStorage.close();
          await copySqliteToPg(join(dir, 'webtagger.sqlite'), url, ctx.progress);
        });
        const loadSeconds = loaded.seconds;
        ctx.progress(
          `${loaded.saved ? 'found in the saved cluster: ' : ''}${reports} reports loaded into PostgreSQL in ${round(loadSeconds)} s`,
        );
        const url = loaded.url;
        const storage = await openPgStorage(url, join(ctx.workDir, 'files'));
        try {
          const result = await measureTriage(storage, ctx, {
            reports,
            reviewer: source.analysts[0]!,
            engine: 'PostgreSQL',
            loaded: `loaded in ${round(loadSeconds)} s: the read model caught up on a copy of the SQLite file, copied through psql's COPY, indexes built after; the loaded cluster is kept with the cache and later runs start a copy of it`,
          });
          return { ...result, figures: { ...result.figures, loadSeconds } };
        } finally {
          await storage.close();
        }
      },
      { cacheDir: ctx.cacheDir, name: `P11-pg-${ctx.quick ? 'quick' : 'full'}` },
    );
  },
};

/** What the loaded database follows: the SQLite file, and the code that catches its read model up. */
function triageSource(sqliteDir: string): string {
  return `${basename(sqliteDir)}-${contentHash(READ_MODEL_CODE)}`;
}
