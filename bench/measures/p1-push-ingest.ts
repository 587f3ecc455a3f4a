import { join } from 'node:path';
import { openStorage } from '../../server/db/open';
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
import type { Measure } from '../lib/measure';
import type { PushBatch } from '../lib/push-batches';
import { rawIngester, rawRows } from '../lib/raw-ingest';
import { spawnCompiledServer } from '../lib/server-bundle';
import { round } from '../lib/stats';

/** One round on fresh data folders: raw better-sqlite3 in this process against the real server. */
async function round_(folder: string, batches: PushBatch[][]): Promise<IngestRound> {
  const rawStorage = openStorage(join(folder, 'raw'));
  const rawAnalysts = await seedAccounts(rawStorage, ANALYSTS);
  const ingest = rawIngester(rawStorage.sqlite);
  // Rows are prepared (keys, JSON) before any clock starts: the baseline is the writing alone.
  const materialIds = new Map<string, string>();
  const rows = batches.map((mine) => mine.map((batch) => rawRows(batch, materialIds)));

  const serverDir = join(folder, 'server');
  const storage = openStorage(serverDir);
  const analysts = await seedAccounts(storage, ANALYSTS);
  storage.close();
  const server = await spawnCompiledServer({ dataDir: serverDir });
  try {
    return await alternateBatches(
      {
        analysts,
        server,
        writeRaw: (b) => {
          for (let i = 0; i < ANALYSTS; i++) ingest(rawAnalysts[i]!.id, rows[i]![b]!);
        },
        rawClocks: { baseline: processCpuSeconds },
        serverClocks: { server: () => server.cpuSeconds() },
      },
      batches,
    );
  } finally {
    rawStorage.close();
    await server.stop();
  }
}

/** P1: push ingest through the real HTTP server against raw better-sqlite3, same rows, same run. */
export const measure: Measure = {
  id: 'P1',
  async run(ctx) {
    const run = await ingestRounds(ctx, (r, batches) =>
      round_(join(ctx.workDir, `round-${r}`), batches),
    );
    const profile = await profiledPushes(ctx, run.batches, async (nodeArgs) => {
      const dataDir = join(ctx.workDir, 'profiled');
      const storage = openStorage(dataDir);
      const analysts = await seedAccounts(storage, ANALYSTS);
      storage.close();
      return { server: await spawnCompiledServer({ dataDir, nodeArgs }), analysts };
    });
    return {
      value: run.serverRate,
      unit: 'reports/s',
      baseline: { value: run.rawRate, unit: 'reports/s', what: 'raw better-sqlite3' },
      ratio: run.ratio,
      figures: { cpuRatio: run.cpuRatio },
      notes: [
        ...ingestNotes(run.measured),
        'Baseline: the same rows (material, report, applied mutation per report, the change counter per batch) written by plain better-sqlite3 batched upserts, one transaction per batch,',
        'into the same schema (openStorage: WAL, synchronous=NORMAL, foreign keys) in a fresh data folder, keys and JSON prepared beforehand.',
        `The two alternate batch by batch after ${WARM_UP} warm-up batch each, so that other load on the machine falls on both; median of ${run.rounds} round(s), ratios ${run.ratios.map((r) => round(r, 2)).join(', ')}.`,
        `CPU time instead of wall time (server process from /proc, baseline from process.cpuUsage): ratio ${round(run.cpuRatio, 2)}.`,
        ...profile,
      ],
    };
  },
};
