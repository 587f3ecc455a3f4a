import { basename, join } from 'node:path';
import { openPgStorage } from '../../server/db/pg-open';
import { benchToken } from '../../server/testing/seed';
import { bigDatabase } from '../lib/big-database';
import type { BenchContext, Measure } from '../lib/measure';
import { type BenchCluster, withPgCluster } from '../lib/pg-bench';
import { copySqliteToPg } from '../lib/pg-copy';
import { cursorsIn, type PullTarget, pullScaling } from '../lib/pull-scaling';
import { spawnCompiledServer } from '../lib/server-bundle';

/** A server on PostgreSQL holding the rows of P2's database of `reports`, and cursors into it. */
async function pullTarget(
  ctx: BenchContext,
  bench: BenchCluster,
  reports: number,
  samples: number,
): Promise<PullTarget> {
  const source = await bigDatabase(ctx.cacheDir, reports, ctx.progress);
  const { url, seconds, saved } = await bench.loaded(
    `pull_${reports}`,
    basename(source.dir),
    (to) => copySqliteToPg(join(source.dir, 'webtagger.sqlite'), to, ctx.progress),
  );
  ctx.progress(
    `${saved ? 'found in the saved cluster: ' : ''}${reports} reports copied into PostgreSQL in ${seconds.toFixed(0)} s`,
  );
  const dir = join(ctx.workDir, `pull-${reports}`);
  const storage = await openPgStorage(url, dir);
  try {
    const { token } = await benchToken(storage, source.heaviestAnalyst);
    const { rows } = await storage.pool.query<{ change_seq: number }>(
      'SELECT change_seq FROM reports WHERE user_id = $1 ORDER BY change_seq',
      [source.heaviestAnalyst],
    );
    const seqs = rows.map((row) => row.change_seq);
    return {
      server: await spawnCompiledServer({ dataDir: dir, env: { WEBTAGGER_DATABASE_URL: url } }),
      token,
      cursors: cursorsIn(seqs, reports, samples),
      analystReports: seqs.length,
    };
  } finally {
    await storage.close();
  }
}

/** P2-pg: P2 with the servers on PostgreSQL, on the same generated data. */
export const measure: Measure = {
  id: 'P2-pg',
  run: (ctx) =>
    withPgCluster(
      (bench) =>
        pullScaling(
          ctx,
          (reports, samples) => pullTarget(ctx, bench, reports, samples),
          'generated as for P2 (the same cached SQLite databases), then copied into two databases of a throwaway PostgreSQL cluster the measure starts (COPY through psql, indexes built after; initdb, durability off as in the tests, stopped after) and analyzed; the loaded cluster is kept with the cache and later runs start a copy of it.',
        ),
      { cacheDir: ctx.cacheDir, name: `P2-pg-${ctx.quick ? 'quick' : 'full'}` },
    ),
};
