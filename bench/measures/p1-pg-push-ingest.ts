import { join } from 'node:path';
import { openPgStorage } from '../../server/db/pg-open';
import { seedAccounts } from '../../server/testing/seed';
import { profiledPushes } from '../lib/ingest-profile';
import {
  ANALYSTS,
  alternateBatches,
  type IngestRound,
  ingestNotes,
  ingestRounds,
  processCpuSeconds,
  WARM_UP,
} from '../lib/ingest-rounds';
import type { BenchContext, Measure } from '../lib/measure';
import { type BenchCluster, withPgCluster } from '../lib/pg-bench';
import type { PushBatch } from '../lib/push-batches';
import { rawRows } from '../lib/raw-ingest';
import { rawPgBatch, rawPgIngest } from '../lib/raw-pg-ingest';
import { spawnCompiledServer } from '../lib/server-bundle';
import { round } from '../lib/stats';

/** One round on fresh databases of one cluster: raw node-postgres writes against the real server. */
async function round_(
  ctx: BenchContext,
  bench: BenchCluster,
  r: number,
  batches: PushBatch[][],
): Promise<IngestRound> {
  const folder = join(ctx.workDir, `round-${r}`);
  const raw = await openPgStorage(await bench.database(`raw_${r}`), join(folder, 'raw'));
  const serverUrl = await bench.database(`server_${r}`);
  try {
    const rawAnalysts = await seedAccounts(raw, ANALYSTS);
    // Rows and statements are prepared (keys, JSON, SQL text) before any clock starts.
    const materialIds = new Map<string, string>();
    const rows = batches.map((mine) =>
      mine.map((batch) => rawPgBatch(rawRows(batch, materialIds))),
    );

    const serverDir = join(folder, 'server');
    const storage = await openPgStorage(serverUrl, serverDir);
    const analysts = await seedAccounts(storage, ANALYSTS);
    await storage.close();
    const server = await spawnCompiledServer({
      dataDir: serverDir,
      env: { WEBTAGGER_DATABASE_URL: serverUrl },
    });
    try {
      return await alternateBatches(
        {
          analysts,
          server,
          // All analysts at once, as they push to the server (their batches queue on the counter).
          writeRaw: async (b) => {
            await Promise.all(
              rawAnalysts.map((analyst, i) => rawPgIngest(raw.pool, analyst.id, rows[i]![b]!)),
            );
          },
          rawClocks: { node: processCpuSeconds, postgresql: bench.cpuSeconds },
          serverClocks: { node: () => server.cpuSeconds(), postgresql: bench.cpuSeconds },
        },
        batches,
      );
    } finally {
      await server.stop();
    }
  } finally {
    await raw.close();
  }
}

/** P1-pg: P1 with the server on PostgreSQL, against raw node-postgres upserts, same run. */
export const measure: Measure = {
  id: 'P1-pg',
  run: (ctx) =>
    withPgCluster(
      async (bench) => {
        const run = await ingestRounds(ctx, (r, batches) => round_(ctx, bench, r, batches));
        const profile = await profiledPushes(ctx, run.batches, async (nodeArgs) => {
          const url = await bench.database('profiled');
          const dataDir = join(ctx.workDir, 'profiled');
          const storage = await openPgStorage(url, dataDir);
          const analysts = await seedAccounts(storage, ANALYSTS);
          await storage.close();
          const env = { WEBTAGGER_DATABASE_URL: url };
          return { server: await spawnCompiledServer({ dataDir, env, nodeArgs }), analysts };
        });
        const total = (side: 'rawCpu' | 'serverCpu', clock: string) =>
          run.results.reduce((sum, r) => sum + r[side][clock]!, 0);
        const perThousand = (seconds: number) =>
          round((seconds / (run.measured * run.rounds)) * 1000 * 1000);
        const split = (side: 'rawCpu' | 'serverCpu') =>
          `Node ${perThousand(total(side, 'node'))} ms, PostgreSQL ${perThousand(total(side, 'postgresql'))} ms`;
        ctx.progress(
          `CPU per 1 000 reports — server: ${split('serverCpu')}; raw: ${split('rawCpu')}`,
        );
        return {
          value: run.serverRate,
          unit: 'reports/s',
          baseline: { value: run.rawRate, unit: 'reports/s', what: 'raw pg batched upserts' },
          ratio: run.ratio,
          figures: { cpuRatio: run.cpuRatio },
          notes: [
            ...ingestNotes(run.measured),
            'The server runs on PostgreSQL (WEBTAGGER_DATABASE_URL) in a throwaway cluster the measure starts (made by initdb and migrated once, kept with the bench’s cache and started from a copy; durability off as in the tests, stopped after), a fresh database per round.',
            'Baseline: the same rows (material, report, applied mutation per report, the change counter per batch) written by node-postgres, the server’s driver, as batched upserts — one multi-row statement per table, one transaction per batch, the analysts’ batches at once —',
            'into the same schema in another database of the same cluster, keys, JSON and SQL text prepared beforehand.',
            `The two alternate batch by batch after ${WARM_UP} warm-up batch each, so that other load on the machine falls on both; median of ${run.rounds} round(s), ratios ${run.ratios.map((r) => round(r, 2)).join(', ')}.`,
            `CPU time instead of wall time (Node processes and the cluster's processes, from /proc and process.cpuUsage): ratio ${round(run.cpuRatio, 2)}; per 1 000 reports, server side ${split('serverCpu')}, raw side ${split('rawCpu')}.`,
            ...profile,
          ],
        };
      },
      { cacheDir: ctx.cacheDir, name: 'P1-pg' },
    ),
};
