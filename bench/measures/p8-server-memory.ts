import { join } from 'node:path';
import { openStorage } from '../../server/db/open';
import { issueToken } from '../../server/features/auth/tokens';
import { seedAccounts } from '../../server/testing/seed';
import { spawnServer } from '../../server/testing/spawned-server';
import { bigDatabase, copyDatabase } from '../lib/big-database';
import type { Measure } from '../lib/measure';
import { pushBatches, sendPush } from '../lib/push-batches';
import { seededRandom } from '../lib/random';
import { round } from '../lib/stats';

const MB = 1e6;

/** P8: the server's resident memory on a database of 1 M reports while it serves pushes and pulls. */
export const measure: Measure = {
  id: 'P8',
  async run(ctx) {
    const size = ctx.quick ? 100_000 : 1_000_000;
    const seconds = ctx.quick ? 20 : 60;
    const source = bigDatabase(ctx.cacheDir, size, ctx.progress);
    const dir = join(ctx.workDir, 'memory');
    copyDatabase(source.dir, dir);
    const storage = openStorage(dir);
    const pushers = seedAccounts(storage, 2);
    // The pullers are the two analysts with the longest histories.
    const pullers = source.analysts.slice(0, 2).map((id) => issueToken(storage.db, id, 1).token);
    storage.close();
    const batches = pushBatches(seededRandom(8), pushers.length, Math.ceil(seconds * 6), 500);

    const server = await spawnServer({ dataDir: dir });
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(server.memory().rssKb), 100);
    try {
      await new Promise((r) => setTimeout(r, 1000));
      const idleKb = server.memory().rssKb;
      const deadline = Date.now() + seconds * 1000;
      let pushed = 0;
      let pulled = 0;
      let hashes = 0;
      const push = async (i: number) => {
        for (const batch of batches[i]!) {
          if (Date.now() > deadline) return;
          await sendPush(server.url, pushers[i]!, batch.body);
          pushed += 500;
        }
      };
      const pull = async (token: string) => {
        let cursor = '';
        while (Date.now() < deadline) {
          const response = await fetch(`${server.url}/api/sync/pull?limit=500&cursor=${cursor}`, {
            headers: { authorization: `Bearer ${token}` },
          });
          const page = (await response.json()) as {
            changes: unknown[];
            cursor: string;
            hasMore: boolean;
          };
          pulled += page.changes.length;
          cursor = page.hasMore ? page.cursor : '';
        }
      };
      const knownUrls = async () => {
        let cursor = '';
        while (Date.now() < deadline) {
          const response = await fetch(`${server.url}/api/known-urls?cursor=${cursor}`, {
            headers: { authorization: `Bearer ${pullers[0]}` },
          });
          const page = (await response.json()) as {
            hashes: string[];
            cursor: string;
            hasMore: boolean;
          };
          hashes += page.hashes.length;
          cursor = page.hasMore ? page.cursor : '';
        }
      };
      ctx.progress(
        `${seconds} s of load on ${size} reports: 2 pushers, 2 pullers, 1 known-urls reader`,
      );
      await Promise.all([push(0), push(1), ...pullers.map(pull), knownUrls()]);
      const { peakKb } = server.memory();
      const peak = Math.max(peakKb, ...samples);
      ctx.progress(
        `idle ${round((idleKb * 1024) / MB)} MB, peak ${round((peak * 1024) / MB)} MB; pushed ${pushed}, pulled ${pulled}, hashes ${hashes}`,
      );
      const label = size >= 1_000_000 ? '1 M' : `${size / 1000} k`;
      return {
        value: (peak * 1024) / MB,
        unit: 'MB',
        display: `peak ${round((peak * 1024) / MB)} MB (${label} reports)`,
        baseline: { value: (idleKb * 1024) / MB, unit: 'MB', what: 'idle after start' },
        figures: { idleMB: (idleKb * 1024) / MB, pushed, pulled, hashes },
        notes: [
          `The real server (spawned as \`npm run server\` runs it) on a copy of the ${label}-report database; for ${seconds} s two analysts push batches of 500 new reports,`,
          `the two analysts with the longest histories pull theirs in pages of 500 over and over, and one client pages through known-urls (${pushed} reports pushed, ${pulled} changes pulled, ${hashes} hashes read).`,
          'Peak resident memory: the larger of VmHWM and the highest VmRSS sampled every 100 ms from /proc/<pid>/status (MB = 10^6 bytes).',
        ],
      };
    } finally {
      clearInterval(sampler);
      await server.stop();
    }
  },
};
