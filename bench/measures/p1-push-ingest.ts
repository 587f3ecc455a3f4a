import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStorage } from '../../server/db/open';
import { seedAccounts } from '../../server/testing/seed';
import type { BenchContext, Measure } from '../lib/measure';
import { outcomeOf, type PushBatch, pushBatches, sendPush } from '../lib/push-batches';
import { seededRandom } from '../lib/random';
import { rawIngester, rawRows } from '../lib/raw-ingest';
import { spawnCompiledServer } from '../lib/server-bundle';
import { median, round } from '../lib/stats';

const ANALYSTS = 4;
const BATCH = 500;
const WARM_UP = 1;

type Round = { serverRate: number; rawRate: number; cpuRatio: number };

/**
 * One round on fresh data folders: step by step, the analysts' next batches are written raw
 * (in this process), then pushed to the real server (all analysts at once). Alternating in small
 * steps puts the machine's other load on both sides alike.
 */
async function round_(ctx: BenchContext, folder: string, batches: PushBatch[][]): Promise<Round> {
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
  const profileDir = join(tmpdir(), 'webtagger-bench-profiles');
  const profiling = ctx.options.has('--profile');
  if (profiling) mkdirSync(profileDir, { recursive: true });
  const server = await spawnCompiledServer({
    dataDir: serverDir,
    nodeArgs: profiling ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  });
  try {
    let rawSeconds = 0;
    let serverSeconds = 0;
    let rawCpu = 0;
    let serverCpu = 0;
    let applied = 0;
    for (let b = 0; b < batches[0]!.length; b++) {
      const timed = b >= WARM_UP;
      const cpuBefore = process.cpuUsage();
      let start = performance.now();
      for (let i = 0; i < ANALYSTS; i++) ingest(rawAnalysts[i]!.id, rows[i]![b]!);
      if (timed) {
        rawSeconds += (performance.now() - start) / 1000;
        const used = process.cpuUsage(cpuBefore);
        rawCpu += (used.user + used.system) / 1e6;
      }
      const serverCpuBefore = server.cpuSeconds();
      start = performance.now();
      const answers = await Promise.all(
        analysts.map((analyst, i) => sendPush(server.url, analyst, batches[i]![b]!.body)),
      );
      if (timed) {
        serverSeconds += (performance.now() - start) / 1000;
        serverCpu += server.cpuSeconds() - serverCpuBefore;
        applied += answers.map(outcomeOf).reduce((sum, o) => sum + o.applied, 0);
      }
    }
    const expected = (batches[0]!.length - WARM_UP) * ANALYSTS * BATCH;
    if (applied !== expected)
      throw new Error(`the server applied ${applied} of ${expected} reports`);
    return {
      serverRate: expected / serverSeconds,
      rawRate: expected / rawSeconds,
      cpuRatio: rawCpu / serverCpu,
    };
  } finally {
    rawStorage.close();
    await server.stop();
    if (profiling) ctx.progress(`CPU profile written to ${profileDir}`);
  }
}

/** P1: push ingest through the real HTTP server against raw better-sqlite3, same rows, same run. */
export const measure: Measure = {
  id: 'P1',
  async run(ctx) {
    const perAnalyst = ctx.quick ? 5 : 13;
    const rounds = ctx.quick ? 1 : 3;
    ctx.progress(`generating ${ANALYSTS} × ${perAnalyst} batches of ${BATCH} reports`);
    const batches = pushBatches(seededRandom(1), ANALYSTS, perAnalyst, BATCH);
    const results: Round[] = [];
    for (let r = 0; r < rounds; r++) {
      const result = await round_(ctx, join(ctx.workDir, `round-${r}`), batches);
      results.push(result);
      ctx.progress(
        `round ${r + 1}/${rounds}: server ${round(result.serverRate)} reports/s, raw ${round(result.rawRate)} reports/s, ratio ${round(result.serverRate / result.rawRate, 2)} (CPU-time ratio ${round(result.cpuRatio, 2)})`,
      );
    }
    const ratios = results.map((r) => r.serverRate / r.rawRate);
    const measured = ANALYSTS * (perAnalyst - WARM_UP) * BATCH;
    return {
      value: median(results.map((r) => r.serverRate)),
      unit: 'reports/s',
      baseline: {
        value: median(results.map((r) => r.rawRate)),
        unit: 'reports/s',
        what: 'raw better-sqlite3',
      },
      ratio: median(ratios),
      figures: { cpuRatio: median(results.map((r) => r.cpuRatio)) },
      notes: [
        `${ANALYSTS} analysts push ${measured} realistic reports per round (a third on materials reported before; notes of ~100 characters from the detector's ordinary notes, some with dates and amounts)`,
        `in batches of ${BATCH}, all analysts at once, to the real server (compiled, run by node as \`npm run server\` runs it, spawned on 127.0.0.1, fresh data folder); bodies are serialized before the clock starts.`,
        'Baseline: the same rows (material, report, applied mutation per report, the change counter per batch) written by plain better-sqlite3 batched upserts, one transaction per batch,',
        'into the same schema (openStorage: WAL, synchronous=NORMAL, foreign keys) in a fresh data folder, keys and JSON prepared beforehand.',
        `The two alternate batch by batch after ${WARM_UP} warm-up batch each, so that other load on the machine falls on both; median of ${rounds} round(s), ratios ${ratios.map((r) => round(r, 2)).join(', ')}.`,
        `CPU time instead of wall time (server process from /proc, baseline from process.cpuUsage): ratio ${round(median(results.map((r) => r.cpuRatio)), 2)}.`,
      ],
    };
  },
};
