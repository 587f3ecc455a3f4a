import { join } from 'node:path';
import { openStorage } from '../../server/db/open';
import { SERVER_NODE_FLAGS } from '../../server/node-flags';
import { benchToken, seedAccounts } from '../../server/testing/seed';
import { spawnServer } from '../../server/testing/spawned-server';
import { type BigDatabase, bigDatabase, copyDatabase, QUICK_REPORTS } from '../lib/big-database';
import type { BenchContext, Measure } from '../lib/measure';
import { type PushBatch, pushBatches, sendPush } from '../lib/push-batches';
import { seededRandom } from '../lib/random';
import { compiledServer } from '../lib/server-bundle';
import { round } from '../lib/stats';

const MB = 1e6;
const toMB = (kb: number) => (kb * 1024) / MB;

type LoadRun = { idleKb: number; peakKb: number; pushed: number; pulled: number; hashes: number };

/**
 * One server on a fresh copy of the database under `seconds` of load: two analysts push batches
 * of 500 new reports, the two with the longest histories pull theirs page after page, and one
 * client pages through known-urls. Memory is read from /proc/<pid>/status.
 */
async function underLoad(
  ctx: BenchContext,
  source: BigDatabase,
  seconds: number,
  label: string,
  script?: string,
): Promise<LoadRun> {
  const dir = join(ctx.workDir, `memory-${label}`);
  copyDatabase(source.dir, dir);
  const storage = openStorage(dir);
  const pushers = await seedAccounts(storage, 2);
  const pullers: string[] = [];
  for (const id of source.analysts.slice(0, 2)) pullers.push((await benchToken(storage, id)).token);
  storage.close();
  const batches: PushBatch[][] = pushBatches(seededRandom(8), 2, Math.ceil(seconds * 6), 500);
  const server = await spawnServer({ dataDir: dir, ...(script ? { script } : {}) });
  let sampledKb = 0;
  const sampler = setInterval(() => {
    sampledKb = Math.max(sampledKb, server.memory().rssKb);
  }, 100);
  try {
    await new Promise((r) => setTimeout(r, 1000));
    const idleKb = server.memory().rssKb;
    const deadline = Date.now() + seconds * 1000;
    const run: LoadRun = { idleKb, peakKb: 0, pushed: 0, pulled: 0, hashes: 0 };
    const get = async <T>(path: string, token: string) =>
      (await (
        await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as T;
    const push = async (i: number) => {
      for (const batch of batches[i]!) {
        if (Date.now() > deadline) return;
        await sendPush(server.url, pushers[i]!, batch.body);
        run.pushed += 500;
      }
    };
    const pull = async (token: string) => {
      let cursor = '';
      while (Date.now() < deadline) {
        const page = await get<{ changes: unknown[]; cursor: string; hasMore: boolean }>(
          `/api/sync/pull?limit=500&cursor=${cursor}`,
          token,
        );
        run.pulled += page.changes.length;
        cursor = page.hasMore ? page.cursor : '';
      }
    };
    const knownUrls = async () => {
      let cursor = '';
      while (Date.now() < deadline) {
        const page = await get<{ hashes: string[]; cursor: string; hasMore: boolean }>(
          `/api/known-urls?cursor=${cursor}`,
          pullers[0]!,
        );
        run.hashes += page.hashes.length;
        cursor = page.hasMore ? page.cursor : '';
      }
    };
    await Promise.all([push(0), push(1), ...pullers.map(pull), knownUrls()]);
    run.peakKb = Math.max(server.memory().peakKb, sampledKb);
    ctx.progress(
      `${label}: idle ${round(toMB(idleKb))} MB, peak ${round(toMB(run.peakKb))} MB (pushed ${run.pushed}, pulled ${run.pulled}, hashes ${run.hashes})`,
    );
    return run;
  } finally {
    clearInterval(sampler);
    await server.stop();
  }
}

/** P8: the server's resident memory on a database of 1 M reports while it serves pushes and pulls. */
export const measure: Measure = {
  id: 'P8',
  async run(ctx) {
    const size = ctx.quick ? QUICK_REPORTS : 1_000_000;
    const seconds = ctx.quick ? 5 : 60;
    const source = await bigDatabase(ctx.cacheDir, size, ctx.progress);
    ctx.progress(
      `${seconds} s of load on ${size} reports, as \`npm run server\` runs it (compiled)`,
    );
    const asRun = await underLoad(ctx, source, seconds, 'compiled', await compiledServer());
    // The loader's cost beside it is a note, not the target: a quick run leaves it out.
    const sources = ctx.quick ? undefined : await underLoad(ctx, source, seconds, 'tsx', undefined);
    const label = size >= 1_000_000 ? '1 M' : `${size / 1000} k`;
    return {
      value: toMB(asRun.peakKb),
      unit: 'MB',
      display: `peak ${round(toMB(asRun.peakKb))} MB (${label} reports)`,
      baseline: { value: toMB(asRun.idleKb), unit: 'MB', what: 'idle after start' },
      ...(sources && {
        figures: { tsxPeakMB: toMB(sources.peakKb), tsxIdleMB: toMB(sources.idleKb) },
      }),
      notes: [
        `The real server as \`npm run server\` runs it (compiled by scripts/build-server.ts to one JavaScript file, run by node ${SERVER_NODE_FLAGS.join(' ')}) on a copy of the ${label}-report database; for ${seconds} s two analysts`,
        `push batches of 500 new reports, the two analysts with the longest histories pull theirs in pages of 500 over and over, and one client pages through known-urls`,
        `(${asRun.pushed} reports pushed, ${asRun.pulled} changes pulled, ${asRun.hashes} hashes read). Peak resident memory: the larger of VmHWM and the highest VmRSS`,
        'sampled every 100 ms from /proc/<pid>/status (MB = 10^6 bytes).',
        ...(sources
          ? [
              `The same load on the TypeScript sources run through tsx (\`node --import tsx server/main.ts\`, as the tests spawn it): idle ${round(toMB(sources.idleKb))} MB, peak ${round(toMB(sources.peakKb))} MB;`,
              `the TypeScript loader accounts for ${round(toMB(sources.idleKb - asRun.idleKb))} MB at idle (its module-hooks thread with its own heap, and its compiled sources), which is why \`npm run server\` runs the compiled build.`,
            ]
          : []),
        `The growth under load (+${round(toMB(asRun.peakKb - asRun.idleKb))} MB${sources ? ` compiled, +${round(toMB(sources.peakKb - sources.idleKb))} MB with tsx` : ''}) is garbage awaiting collection (push and pull bodies of 0.3–1 MB, the rows and custody events each push makes) and the heap V8 keeps ahead of it:`,
        'the server sets --heap-growing-percent=25 (server/heap-sizing.ts, docs/deploy.md), so the old generation grows by a quarter of what is alive between full collections rather than up to four times, and the young generation grows only to the cap its start commands give (--max-semi-space-size, above; without the cap it keeps 2 × 1 MB, with neither it grows to 2 × 16 MB);',
        "without these the same load peaked at about twice the figure. The source maps node loads (--enable-source-maps) hold no sources, only positions. SQLite's page cache is bounded at 16 MB (better-sqlite3's cache_size) and mmap is off.",
      ],
    };
  },
};
