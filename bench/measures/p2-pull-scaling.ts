import { join } from 'node:path';
import { openStorage } from '../../server/db/open';
import { benchToken } from '../../server/testing/seed';
import { bigDatabase, copyDatabase } from '../lib/big-database';
import type { BenchContext, Measure } from '../lib/measure';
import { cursorsIn, type PullTarget, pullScaling } from '../lib/pull-scaling';
import { spawnCompiledServer } from '../lib/server-bundle';

/** A server on a copy of the database of `reports`, and cursors deep in its heaviest analyst's sequence. */
async function pullTarget(
  ctx: BenchContext,
  reports: number,
  samples: number,
): Promise<PullTarget> {
  const source = await bigDatabase(ctx.cacheDir, reports, ctx.progress);
  const dir = join(ctx.workDir, `pull-${reports}`);
  copyDatabase(source.dir, dir);
  const storage = openStorage(dir);
  const { token } = await benchToken(storage, source.heaviestAnalyst);
  const seqs = storage.sqlite
    .prepare('SELECT change_seq FROM reports WHERE user_id = ? ORDER BY change_seq')
    .pluck()
    .all(source.heaviestAnalyst) as number[];
  storage.close();
  return {
    server: await spawnCompiledServer({ dataDir: dir }),
    token,
    cursors: cursorsIn(seqs, reports, samples),
    analystReports: seqs.length,
  };
}

/** P2: a 500-change pull page at 1 M reports against the same at 10 k, timed alternately. */
export const measure: Measure = {
  id: 'P2',
  run: (ctx) =>
    pullScaling(
      ctx,
      (reports, samples) => pullTarget(ctx, reports, samples),
      'written through the schema with bulk inserts and cached between runs (the server opens a copy).',
    ),
};
