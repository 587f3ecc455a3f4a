import { createApprovedAnalyst, pullAll } from '../../e2e/support/accounts';
import { launchWithExtension } from '../../e2e/support/browser';
import { liveWorker, localCounts, signInExtension } from '../../e2e/support/extension';
import { extensionModules, extensionPageWith } from '../../e2e/support/extension-modules';
import { builtExtension } from '../lib/extension-build';
import type { Measure } from '../lib/measure';
import { QUEUE_MODULES, queueWhileAway, SAVE_CHUNK } from '../lib/offline-queue';
import { seededRandom } from '../lib/random';
import { realisticReports } from '../lib/realistic-reports';
import { spawnServerWithAdmin } from '../lib/server-bundle';
import { round } from '../lib/stats';
import { breakdownLine } from '../lib/sync-phases';

/** P3: reports queued while the server is away, then sent by the extension once it is back. */
export const measure: Measure = {
  id: 'P3',
  async run(ctx) {
    const count = ctx.quick ? 2_000 : 10_000;
    const extension = await builtExtension(ctx.cacheDir, ctx.progress);
    const server = await spawnServerWithAdmin(ctx.workDir);
    const browser = await launchWithExtension({ extensionDir: extension });
    try {
      const analyst = await createApprovedAnalyst(server.url);
      const token = await signInExtension(browser, server.url, analyst);
      const page = await extensionPageWith(browser, await extensionModules(QUEUE_MODULES));

      const generator = realisticReports(seededRandom(3), count);
      const reports = Array.from({ length: count }, () => generator.next());
      const run = await queueWhileAway(browser, page, server, reports, {
        progress: ctx.progress,
        timeoutMs: 300_000,
      });
      const { seconds, firstBatch, serverCpu } = run;
      const { indexedDbSeconds, networkSeconds } = run.drain;
      ctx.progress(`outbox empty after ${round(seconds)} s`);
      const breakdown = breakdownLine(run.drain);
      ctx.progress(`${breakdown}; server CPU ${round(serverCpu, 2)} s`);

      const stored = await pullAll(server.url, token);
      const ids = new Set(stored.map((change) => change.id));
      const expected = new Set(reports.map((r) => r.id));
      const missing = [...expected].filter((id) => !ids.has(id)).length;
      if (stored.length !== count || ids.size !== count || missing > 0) {
        throw new Error(
          `the server holds ${stored.length} changes, ${ids.size} distinct, ${missing} missing`,
        );
      }
      const local = await localCounts(await liveWorker(browser));
      return {
        value: seconds,
        unit: 's',
        display: `${round(seconds)} s (${count / 1000} k reports)`,
        figures: {
          reportsPerSecond: count / seconds,
          firstBatchSeconds: firstBatch,
          serverCpu,
          indexedDbSeconds,
          networkSeconds,
        },
        notes: [
          `The built extension (WXT, Chrome) in headless Chromium, signed in to the real server (spawned) with the policy accepted. With the server stopped, ${count}`,
          `realistic reports were saved through the extension's saveReports (each report and its outbox entry stored as the form's Save stores them, ${SAVE_CHUNK} to a transaction as its batch save of many links does; bundled from the extension's sources into an extension page);`,
          'a sync then failed (sync-now message: retry_later, a retry scheduled). The server was started again on the same port and data, and the clock started when the',
          "service worker's `online` event fired (the background's own trigger). Done when the outbox was empty (watched from the page every 50 ms; entries leave it only",
          `once the server has answered for them): ${round(seconds)} s, ${Math.round(count / seconds)} reports/s, the first batch answered after about ${round(firstBatch, 2)} s.`,
          `The server process used ${round(serverCpu, 2)} s of CPU meanwhile (it is spawned as npm run server runs it). The extension marks each batch on its way with one`,
          'write of its meta table and stores each answer in one transaction, with two batches of 500 on their way at once.',
          "Breakdown from the service worker's own timeline (performance measures of the sync engine; phases overlap while a batch is on its way):",
          `${breakdown} — a push: the request, the server's work, the answer read.`,
          `Then the server held exactly ${count} reports of the analyst (all pulled: no duplicates, none missing); locally ${local.byState.synced ?? 0} synced.`,
        ],
      };
    } finally {
      await browser.dispose();
      await server.stop();
    }
  },
};
