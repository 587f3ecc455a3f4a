import { join } from 'node:path';
import { openStorage } from '../../server/db/open';
import { encodeCursor } from '../../server/features/sync/cursor';
import { benchToken } from '../../server/testing/seed';
import type { SpawnedServer } from '../../server/testing/spawned-server';
import { bigDatabase, copyDatabase } from '../lib/big-database';
import type { BenchContext, Measure } from '../lib/measure';
import { seededRandom } from '../lib/random';
import { spawnCompiledServer } from '../lib/server-bundle';
import { median, percentile, round } from '../lib/stats';

const PAGE = 500;
const WARM_UP = 10;

type PullTarget = {
  server: SpawnedServer;
  token: string;
  cursors: string[];
  analystReports: number;
};

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
  // Between the middle of the analyst's sequence and its last full page.
  const r = seededRandom(reports);
  const from = Math.floor(seqs.length / 2);
  const to = seqs.length - PAGE - 1;
  if (to <= from) throw new Error(`the heaviest analyst has only ${seqs.length} reports`);
  const cursors = Array.from({ length: samples + WARM_UP }, () =>
    encodeCursor(seqs[from + r.int(to - from)]!),
  );
  return {
    server: await spawnCompiledServer({ dataDir: dir }),
    token,
    cursors,
    analystReports: seqs.length,
  };
}

async function timePull(target: PullTarget, cursor: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(
    `${target.server.url}/api/sync/pull?cursor=${cursor}&limit=${PAGE}`,
    {
      headers: { authorization: `Bearer ${target.token}` },
    },
  );
  const body = (await response.json()) as { changes: unknown[] };
  const ms = performance.now() - start;
  if (response.status !== 200 || body.changes.length !== PAGE) {
    throw new Error(`pull answered ${response.status} with ${body.changes?.length} changes`);
  }
  return ms;
}

/** P2: a 500-change pull page at 1 M reports against the same at 10 k, timed alternately. */
export const measure: Measure = {
  id: 'P2',
  async run(ctx) {
    const big = ctx.quick ? 100_000 : 1_000_000;
    const samples = ctx.quick ? 30 : 100;
    const small = await pullTarget(ctx, 10_000, samples);
    const large = await pullTarget(ctx, big, samples);
    try {
      // Alternating between the two servers spreads the machine's other load over both alike.
      const smallTimes: number[] = [];
      const largeTimes: number[] = [];
      for (let i = 0; i < samples + WARM_UP; i++) {
        const a = await timePull(small, small.cursors[i]!);
        const b = await timePull(large, large.cursors[i]!);
        if (i >= WARM_UP) {
          smallTimes.push(a);
          largeTimes.push(b);
        }
      }
      const ratio = median(largeTimes) / median(smallTimes);
      const label = big >= 1_000_000 ? '1 M' : `${big / 1000} k`;
      ctx.progress(
        `median ${round(median(smallTimes))} ms at 10 k, ${round(median(largeTimes))} ms at ${label}`,
      );
      return {
        value: median(largeTimes),
        unit: `ms at ${label}`,
        baseline: { value: median(smallTimes), unit: 'ms', what: 'at 10 k' },
        ratio,
        notes: [
          `Databases of 10 k and ${label} reports by 200 analysts (Zipf shares), ~1/3 of reports on materials reported before, every topic/language/region, 2 % deleted,`,
          'with an applied mutation per report; written through the schema with bulk inserts and cached between runs (the server opens a copy).',
          `Two real servers (compiled, spawned as \`npm run server\` runs it), one per database, answer GET /api/sync/pull?limit=500 for their heaviest analyst (${small.analystReports} and ${large.analystReports} reports)`,
          `at ${samples} cursors drawn between the middle and the last full page of the sequence, the two servers asked in turn, after ${WARM_UP} warm-up pulls each;`,
          `median client-side time (request to parsed body) at ${label} ÷ at 10 k. p95: ${round(percentile(largeTimes, 95))} ms vs ${round(percentile(smallTimes, 95))} ms.`,
        ],
      };
    } finally {
      await small.server.stop();
      await large.server.stop();
    }
  },
};
