import { encodeCursor } from '../../server/features/sync/cursor';
import type { SpawnedServer } from '../../server/testing/spawned-server';
import { QUICK_REPORTS } from './big-database';
import type { BenchContext, MeasureResult } from './measure';
import { seededRandom } from './random';
import { median, percentile, round } from './stats';

// P2 and P2-pg: the page size pulled, and the untimed first pulls of each server.
export const PAGE = 500;
const WARM_UP = 10;

/** A real server on a database of some size, and where to pull from in it. */
export type PullTarget = {
  server: SpawnedServer;
  token: string;
  cursors: string[];
  analystReports: number;
};

/** Cursors between the middle of the analyst's sequence and its last full page. */
export function cursorsIn(seqs: number[], seed: number, samples: number): string[] {
  const r = seededRandom(seed);
  const from = Math.floor(seqs.length / 2);
  const to = seqs.length - PAGE - 1;
  if (to <= from) throw new Error(`the heaviest analyst has only ${seqs.length} reports`);
  return Array.from({ length: samples + WARM_UP }, () =>
    encodeCursor(seqs[from + r.int(to - from)]!),
  );
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

/**
 * A 500-change pull page at 1 M reports against the same at 10 k, timed alternately, on servers
 * `open` starts (one per database size); `storedHow` says how the engine holds the databases.
 */
export async function pullScaling(
  ctx: BenchContext,
  open: (reports: number, samples: number) => Promise<PullTarget>,
  storedHow: string,
): Promise<MeasureResult> {
  const big = ctx.quick ? QUICK_REPORTS : 1_000_000;
  const samples = ctx.quick ? 30 : 100;
  const small = await open(10_000, samples);
  const large = await open(big, samples).catch(async (error: unknown) => {
    await small.server.stop();
    throw error;
  });
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
        `with an applied mutation per report; ${storedHow}`,
        `Two real servers (compiled, spawned as \`npm run server\` runs it), one per database, answer GET /api/sync/pull?limit=500 for their heaviest analyst (${small.analystReports} and ${large.analystReports} reports)`,
        `at ${samples} cursors drawn between the middle and the last full page of the sequence, the two servers asked in turn, after ${WARM_UP} warm-up pulls each;`,
        `median client-side time (request to parsed body) at ${label} ÷ at 10 k. p95: ${round(percentile(largeTimes, 95))} ms vs ${round(percentile(smallTimes, 95))} ms.`,
      ],
    };
  } finally {
    await small.server.stop();
    await large.server.stop();
  }
}
