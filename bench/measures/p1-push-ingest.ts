import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStorage } from '../../server/db/open';
import { type SeededAccount, seedAccounts } from '../../server/testing/seed';
import { spawnServer } from '../../server/testing/spawned-server';
import type { BenchContext, Measure } from '../lib/measure';
import { outcomeOf, type PushBatch, pushBatches, sendPush } from '../lib/push-batches';
import { seededRandom } from '../lib/random';
import { rawIngester, rawRows } from '../lib/raw-ingest';
import { median, round } from '../lib/stats';

const ANALYSTS = 4;
const BATCH = 500;

/** Reports per second through the real server, every analyst pushing its batches in turn. */
async function serverRate(
  ctx: BenchContext,
  folder: string,
  batches: PushBatch[][],
  warmUp: number,
) {
  const storage = openStorage(folder);
  const analysts = seedAccounts(storage, ANALYSTS);
  storage.close();
  const profileDir = join(tmpdir(), 'webtagger-bench-profiles');
  const profiling = ctx.options.has('--profile');
  if (profiling) mkdirSync(profileDir, { recursive: true });
  const server = await spawnServer({
    dataDir: folder,
    nodeArgs: profiling ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  });
  try {
    const pushAll = (analyst: SeededAccount, mine: PushBatch[]) =>
      mine.reduce<Promise<string[]>>(
        async (done, batch) => [...(await done), await sendPush(server.url, analyst, batch.body)],
        Promise.resolve([]),
      );
    await Promise.all(analysts.map((a, i) => pushAll(a, batches[i]!.slice(0, warmUp))));
    const start = performance.now();
    const answers = await Promise.all(
      analysts.map((a, i) => pushAll(a, batches[i]!.slice(warmUp))),
    );
    const seconds = (performance.now() - start) / 1000;
    const outcomes = answers.flat().map(outcomeOf);
    const applied = outcomes.reduce((sum, o) => sum + o.applied, 0);
    const expected = batches.reduce((sum, mine) => sum + (mine.length - warmUp) * BATCH, 0);
    if (applied !== expected)
      throw new Error(`the server applied ${applied} of ${expected} reports`);
    return applied / seconds;
  } finally {
    await server.stop();
    if (profiling) ctx.progress(`CPU profile written to ${profileDir}`);
  }
}

/** Reports per second written as plain batched upserts of the same rows into the same schema. */
function rawRate(folder: string, batches: PushBatch[][], warmUp: number) {
  const storage = openStorage(folder);
  const analysts = seedAccounts(storage, ANALYSTS);
  const ingest = rawIngester(storage.sqlite);
  const materialIds = new Map<string, string>();
  // Rows are prepared (keys, JSON) before the clock starts: the baseline is the writing alone.
  const rows = batches.map((mine) => mine.map((batch) => rawRows(batch, materialIds)));
  for (let i = 0; i < ANALYSTS; i++) {
    for (const batch of rows[i]!.slice(0, warmUp)) ingest(analysts[i]!.id, batch);
  }
  const start = performance.now();
  let written = 0;
  // Interleaved by analyst, as concurrent pushes reach the single writer.
  for (let b = warmUp; b < rows[0]!.length; b++) {
    for (let i = 0; i < ANALYSTS; i++) {
      ingest(analysts[i]!.id, rows[i]![b]!);
      written += BATCH;
    }
  }
  const seconds = (performance.now() - start) / 1000;
  storage.close();
  return written / seconds;
}

/** P1: push ingest through the real HTTP server against raw better-sqlite3, same rows, same run. */
export const measure: Measure = {
  id: 'P1',
  async run(ctx) {
    const perAnalyst = ctx.quick ? 4 : 12;
    const warmUp = 1;
    const rounds = ctx.quick ? 1 : 3;
    ctx.progress(`generating ${ANALYSTS} × ${perAnalyst} batches of ${BATCH} reports`);
    const batches = pushBatches(seededRandom(1), ANALYSTS, perAnalyst, BATCH);
    const servers: number[] = [];
    const raws: number[] = [];
    for (let round_ = 0; round_ < rounds; round_++) {
      raws.push(rawRate(join(ctx.workDir, `raw-${round_}`), batches, warmUp));
      servers.push(await serverRate(ctx, join(ctx.workDir, `server-${round_}`), batches, warmUp));
      ctx.progress(
        `round ${round_ + 1}/${rounds}: server ${round(servers.at(-1)!)} reports/s, raw ${round(raws.at(-1)!)} reports/s`,
      );
    }
    const ratios = servers.map((s, i) => s / raws[i]!);
    const measured = ANALYSTS * (perAnalyst - warmUp) * BATCH;
    return {
      value: median(servers),
      unit: 'reports/s',
      baseline: { value: median(raws), unit: 'reports/s', what: 'raw better-sqlite3' },
      ratio: median(ratios),
      figures: { minRatio: Math.min(...ratios), maxRatio: Math.max(...ratios) },
      notes: [
        `${ANALYSTS} analysts push ${measured} realistic reports (a third of them of materials reported before; notes of ~100 characters) in batches of ${BATCH},`,
        `concurrently, to the real server (\`node --import tsx server/main.ts\`, spawned on 127.0.0.1, fresh data folder), after one warm-up batch each; bodies are serialized before the clock starts.`,
        `Baseline: the same rows (material, report, applied mutation per report, the change counter per batch) written with plain better-sqlite3 batched upserts in one transaction per batch, into the same schema (openStorage: WAL, synchronous=NORMAL, foreign keys), in a fresh data folder.`,
        `Median of ${rounds} alternating round(s); ratios per round ${ratios.map((r) => round(r, 2)).join(', ')}.`,
      ],
    };
  },
};
