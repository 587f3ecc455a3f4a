import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { canonicalUrl, urlKeyHash } from '#shared/url-key';
import { openStorage } from '../../server/db/open';
import { materialRechecks, materials } from '../../server/db/schema';
import { createRecheckEngine } from '../../server/features/rechecks/recheck-engine';
import { startRecheckSchedule } from '../../server/features/rechecks/recheck-schedule';
import { DEFAULT_SIGNATURES } from '../../server/features/rechecks/signatures';
import { silentLogger } from '../../server/logger';
import type { Measure } from '../lib/measure';
import { round } from '../lib/stats';

const HOSTS = 20;
const CONCURRENCY = 16;
const HOST_INTERVAL_MS = 150;
// Timers fire a little early or late; a gap this much under the interval is still polite.
const JITTER_MS = 15;
const MIB = 1024 * 1024;

type HostStats = { active: number; peak: number; requests: number; minGapMs: number };

/** Starts the test hosts in a child process; answers their origins and a way to read their stats. */
async function startHosts() {
  const child = fork(join(import.meta.dirname, '../lib/recheck-hosts.ts'), [String(HOSTS)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { ports } = await new Promise<{ ports: number[] }>((done) =>
    child.once('message', (m) => done(m as { ports: number[] })),
  );
  return {
    origins: ports.map((port) => `http://127.0.0.1:${port}`),
    stats: () =>
      new Promise<HostStats>((done) => {
        child.once('message', (m) => done((m as { stats: HostStats }).stats));
        child.send('stats');
      }),
    stop: () => child.kill(),
  };
}

/** P10: scheduled re-checks of 1 000 materials sent for blocking, spread over 20 local hosts. */
export const measure: Measure = {
  id: 'P10',
  async run(ctx) {
    // Quick: a few hundred, still several claims of the schedule and every host visited often.
    const materialCount = ctx.quick ? 300 : 1_000;
    const hosts = await startHosts();
    const storage = openStorage(ctx.workDir);
    const at = new Date().toISOString();
    storage.db.transaction((tx) => {
      for (let i = 0; i < materialCount; i++) {
        const url = `${hosts.origins[i % HOSTS]}/material/${i}`;
        const urlKey = canonicalUrl(url);
        tx.insert(materials)
          .values({
            id: randomUUID(),
            urlKey,
            urlKeyHash: urlKeyHash(urlKey),
            seq: i + 1,
            status: 'sent_for_blocking',
            url,
            title: `Материал ${i}`,
            createdAt: at,
            updatedAt: at,
          })
          .run();
      }
    });
    const engine = createRecheckEngine({
      allowPrivate: true,
      signatures: DEFAULT_SIGNATURES,
      resolver: async () => [],
      timeoutMs: 10_000,
      maxBodyBytes: 2 * MIB,
      maxRedirects: 5,
      concurrency: CONCURRENCY,
      perHostIntervalMs: HOST_INTERVAL_MS,
    });
    const schedule = startRecheckSchedule(
      {
        storage,
        engine,
        intervals: { sent_for_blocking: 12 * 3_600_000 },
        now: () => new Date(),
        logger: silentLogger,
      },
      { tickMs: 0, batch: CONCURRENCY * 8, leaseMs: 10 * 60_000 },
    );

    const gc = (globalThis as { gc?: () => void }).gc;
    const rss: number[] = [];
    const heap: number[] = [];
    // GC before each sample, so that what is measured is what is held, not what awaits collection.
    const sample = () => {
      gc?.();
      rss.push(process.memoryUsage().rss / MIB);
      heap.push(process.memoryUsage().heapUsed / MIB);
    };
    const started = performance.now();
    let done = 0;
    let batches = 0;
    for (;;) {
      const ran = await schedule.runOnce();
      if (ran === 0) break;
      done += ran;
      batches++;
      sample();
      if (batches % 4 === 0) ctx.progress(`${done} checked`);
    }
    const seconds = (performance.now() - started) / 1000;
    schedule.stop();
    await engine.close();
    const load = await hosts.stats();
    hosts.stop();
    const stored = storage.db.select({ n: count() }).from(materialRechecks).get()!.n;
    const outcomes = storage.db
      .select({ outcome: materialRechecks.outcome, n: count() })
      .from(materialRechecks)
      .groupBy(materialRechecks.outcome)
      .all();
    storage.close();

    // Flat: what memory holds after the first tenth of the run is what it holds at the end.
    const settle = Math.max(1, Math.floor(rss.length / 10));
    const rssGrowthMB = rss.at(-1)! - rss[settle - 1]!;
    const heapGrowthMB = heap.at(-1)! - heap[settle - 1]!;
    const minGapMs = load.minGapMs;
    const floorSeconds = ((materialCount / HOSTS - 1) * HOST_INTERVAL_MS) / 1000;
    ctx.progress(
      `${stored} checks in ${round(seconds)} s (politeness floor ${floorSeconds} s); peak ${load.peak} requests at once; closest two requests to one host ${round(minGapMs)} ms; RSS growth ${round(rssGrowthMB)} MiB, heap growth ${round(heapGrowthMB)} MiB`,
    );
    return {
      value: seconds,
      unit: 's',
      display: `${round(seconds)} s (${materialCount} materials); peak ${load.peak} in flight; RSS +${round(rssGrowthMB)} MiB`,
      figures: {
        checks: stored,
        requests: load.requests,
        peakConcurrent: load.peak,
        concurrency: CONCURRENCY,
        minHostGapMs: minGapMs,
        hostIntervalMs: HOST_INTERVAL_MS,
        rssGrowthMB,
        heapGrowthMB,
        politenessViolations: minGapMs < HOST_INTERVAL_MS - JITTER_MS ? 1 : 0,
      },
      notes: [
        `${materialCount} materials sent for blocking on ${HOSTS} local HTTP hosts (127.0.0.1), checked by the real scheduler (claims under a lease), the SSRF-guarded undici client and the classifier, into a real SQLite file.`,
        `Bounded concurrency ${CONCURRENCY}; per host one request in flight and a pause of ${HOST_INTERVAL_MS} ms after each, so the run cannot be faster than ${floorSeconds} s; the hosts (another process) record the closest two arrivals.`,
        `Outcomes: ${outcomes.map((o) => `${o.outcome} ${o.n}`).join(', ')}.`,
        `Memory flat: RSS at the end minus RSS after the first tenth of the run (GC forced before each sample; peak ${round(Math.max(...rss))} MiB); heap growth likewise.`,
      ],
    };
  },
};
