import type { Page } from '@playwright/test';
import type { ReportInput } from '#shared/schemas/report';
import { adminLogin, createApprovedAnalyst, pullAll } from '../../e2e/support/accounts';
import { type ExtensionBrowser, launchWithExtension } from '../../e2e/support/browser';
import { downloadEvidence, longPageBody } from '../../e2e/support/evidence';
import { liveWorker, localCounts, signInExtension } from '../../e2e/support/extension';
import { extensionModules, extensionPageWith } from '../../e2e/support/extension-modules';
import { startPageServer } from '../../e2e/support/pages';
import { openPopup, openTab } from '../../e2e/support/popup';
import { builtExtension } from '../lib/extension-build';
import type { Measure } from '../lib/measure';
import {
  type FilePair,
  filesUploaded,
  outboxEmptied,
  QUEUE_MODULES,
  type QueueRun,
  queueWhileAway,
  storeFilePool,
} from '../lib/offline-queue';
import { seededRandom } from '../lib/random';
import { realisticReports } from '../lib/realistic-reports';
import { spawnServerWithAdmin } from '../lib/server-bundle';
import { median, percentile, round } from '../lib/stats';
import { breakdownLine } from '../lib/sync-phases';

const SCREENS = 10;
/** Distinct capture results shared by the queued reports (files are stored by SHA-256). */
const POOL = 20;
const COPY_KB = 150;
/**
 * The offline queues, without and with evidence, in an order that falls alike on both kinds:
 * each queue leaves more reports on both sides (the extension's database, the server's) for the
 * ones after it, and the server starts cold each time.
 */
const QUEUE_ORDER = [false, true, true, false] as const;

/** The mean of each figure over queues of one kind. */
function meanRun(runs: QueueRun[]) {
  const mean = (of: (run: QueueRun) => number) =>
    runs.reduce((sum, run) => sum + of(run), 0) / runs.length;
  return {
    seconds: mean((r) => r.seconds),
    firstBatch: mean((r) => r.firstBatch),
    serverCpu: mean((r) => r.serverCpu),
    drops: mean((r) => r.drops),
    filesHeld: mean((r) => r.filesHeld),
    serverCpuWithFiles: mean((r) => r.serverCpuWithFiles),
    uploadSeconds: mean((r) => r.drain.uploadSeconds),
    uploads: mean((r) => r.drain.phases.upload?.count ?? 0),
    indexedDbSeconds: mean((r) => r.drain.indexedDbSeconds),
    networkSeconds: mean((r) => r.drain.networkSeconds),
  };
}

type Found = {
  at: number;
  state?: string;
  evidenceState?: string;
  problem?: string;
  kinds?: string[];
};
type ProbeDb = {
  reports: {
    filter(f: (r: { url: string }) => boolean): {
      first(): Promise<
        | {
            id: string;
            state: string;
            evidenceState?: string;
            captureProblem?: string;
            files?: { kind: string }[];
          }
        | undefined
      >;
    };
  };
  outbox: { where(k: string): { equals(v: string): { count(): Promise<number> } } };
};
declare const webtaggerBench: { WebTaggerDb: new () => ProbeDb; db?: ProbeDb };

/**
 * Watches the extension's database until the report of `url` satisfies `until` (checked every
 * 10 ms); the report and its outbox entry are written in one transaction.
 */
function watchReport(probe: Page, url: string, until: 'queued' | 'captured'): Promise<Found> {
  return probe.evaluate(
    async ({ url, until }) => {
      webtaggerBench.db ??= new webtaggerBench.WebTaggerDb();
      const db = webtaggerBench.db;
      const deadline = Date.now() + 60_000;
      let last: unknown;
      while (Date.now() < deadline) {
        const report = await db.reports.filter((r) => r.url === url).first();
        const found = {
          at: Date.now(),
          state: report?.state,
          evidenceState: report?.evidenceState,
          problem: report?.captureProblem,
          kinds: report?.files?.map((f) => f.kind).sort(),
        };
        if (report && until === 'queued') {
          const queued = await db.outbox.where('reportId').equals(report.id).count();
          if (queued > 0 || report.state === 'synced') return found;
        }
        if (report && until === 'captured' && report.evidenceState !== 'capturing') return found;
        last = found;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`the report of ${url} was never ${until}; last seen ${JSON.stringify(last)}`);
    },
    { url, until },
  );
}

type SaveTiming = { queuedMs: number; capturedMs: number };

/** One Save in the popup on a fresh 10-screen page: to queued, and to its files stored. */
async function saveOnce(browser: ExtensionBrowser, probe: Page, url: string): Promise<SaveTiming> {
  const tabId = await openTab(browser, url);
  const tab = browser.context.pages().find((p) => p.url() === url);
  const popup = await openPopup(browser, tabId);
  await popup.getByTestId('save').waitFor();
  await popup.locator('input[name=topic][value=gambling]').check();
  if (!(await popup.locator('input[name=captureEvidence]').isChecked())) {
    throw new Error('evidence capture is off in the form');
  }
  const queued = watchReport(probe, url, 'queued');
  // Clicked in the page itself, so the clock starts with the click and not before the driver's checks.
  const clickedAt = await popup.evaluate(() => {
    const at = Date.now();
    const page = globalThis as unknown as {
      document: { querySelector(s: string): { click(): void } };
    };
    page.document.querySelector('[data-testid=save]').click();
    return at;
  });
  const inQueue = await queued;
  const captured = await watchReport(probe, url, 'captured');
  if (captured.evidenceState !== 'captured' || captured.kinds?.join() !== 'page_copy,screenshot') {
    throw new Error(`the capture of ${url} ended with ${JSON.stringify(captured)}`);
  }
  await popup.close();
  await tab?.close();
  return { queuedMs: inQueue.at - clickedAt, capturedMs: captured.at - clickedAt };
}

/** P9: Save with evidence capture on a 10-screen page; a 10 k offline queue with evidence. */
export const measure: Measure = {
  id: 'P9',
  async run(ctx) {
    const saves = ctx.quick ? 1 : 20;
    // A quick run times its one Save without a warm-up before it.
    const warmUps = ctx.quick ? 0 : 1;
    const count = ctx.quick ? 500 : 10_000;
    const poolSize = ctx.quick ? 5 : POOL;
    // The timed step (Save to queued) does not wait for the capture; a quick run's page is shorter.
    const screens = ctx.quick ? 3 : SCREENS;
    const extension = await builtExtension(ctx.cacheDir, ctx.progress, {
      testHosts: '<all_urls>',
    });
    const server = await spawnServerWithAdmin(ctx.workDir);
    const names = Array.from({ length: warmUps + saves }, (_, i) => `long-${i}`);
    const pages = await startPageServer(
      Object.fromEntries(
        names.map((name) => [name, { title: 'Казино без лицензии', body: longPageBody(screens) }]),
      ),
    );
    const browser = await launchWithExtension({ extensionDir: extension });
    try {
      const analyst = await createApprovedAnalyst(server.url);
      const token = await signInExtension(browser, server.url, analyst);
      const page = await extensionPageWith(browser, await extensionModules(QUEUE_MODULES));

      ctx.progress(
        `Save with capture on ${saves} fresh ${screens}-screen pages (${warmUps || 'no'} warm-up)`,
      );
      const timings: SaveTiming[] = [];
      for (const [i, name] of names.entries()) {
        const timing = await saveOnce(browser, page, pages.url(name));
        if (i >= warmUps) timings.push(timing);
      }
      const queued = timings.map((t) => t.queuedMs);
      const captured = timings.map((t) => t.capturedMs);
      const p95 = percentile(queued, 95) / 1000;
      ctx.progress(
        `to queued p50 ${round(median(queued))} ms, p95 ${round(p95 * 1000)} ms; files stored p50 ${round(median(captured))} ms`,
      );
      const settled = await outboxEmptied(page, 120_000);
      if (settled.at === undefined) throw new Error(`${settled.left} saved reports never synced`);
      // Their files go after them: none may still be on its way when the queues are timed.
      if ((await filesUploaded(page, 120_000)) === undefined) {
        throw new Error('the saved pages’ files never uploaded');
      }

      // Two pools, one per queue with evidence, so that neither finds its files already held.
      ctx.progress(`storing 2 × ${poolSize} distinct screenshot + page copy pairs`);
      const pools: FilePair[][] = [
        await storeFilePool(page, 'first', poolSize, COPY_KB),
        await storeFilePool(page, 'second', poolSize, COPY_KB),
      ];
      const pool = pools.flat();
      const distinct = new Set(pool.flat().map((file) => file.sha256)).size;
      if (distinct !== 2 * pool.length) {
        throw new Error(`the pools' ${2 * pool.length} files are only ${distinct} distinct ones`);
      }
      ctx.progress(`file sizes (KB): ${pool.map(([a, b]) => `${a.bytes >> 10}+${b.bytes >> 10}`)}`);
      const generator = realisticReports(seededRandom(9), QUEUE_ORDER.length * count);
      const queue = { progress: ctx.progress, timeoutMs: 600_000 };
      const runs: { evidence: boolean; reports: ReportInput[]; run: QueueRun }[] = [];
      for (const evidence of QUEUE_ORDER) {
        const filesOf = evidence ? pools[runs.filter((r) => r.evidence).length]! : undefined;
        const reports = Array.from({ length: count }, (_, i) => ({
          ...generator.next(),
          ...(filesOf ? { files: filesOf[i % poolSize] } : {}),
        }));
        ctx.progress(`offline queue of ${count} reports ${evidence ? 'with' : 'without'} evidence`);
        const run = await queueWhileAway(browser, page, server, reports, queue);
        ctx.progress(
          `${round(run.seconds)} s (first batch answered after ${round(run.firstBatch)} s); ${breakdownLine(run.drain)}; server CPU ${round(run.serverCpu, 2)} s`,
        );
        runs.push({ evidence, reports, run });
      }
      const bare = meanRun(runs.filter((r) => !r.evidence).map((r) => r.run));
      const full = meanRun(runs.filter((r) => r.evidence).map((r) => r.run));
      const without = bare.seconds;
      const withEvidence = full.seconds;
      const ratio = withEvidence / without;
      const inOrder = runs
        .map((r) => `${round(r.run.seconds)} s ${r.evidence ? 'with' : 'without'}`)
        .join(', ');
      ctx.progress(
        `in order: ${inOrder}; means ${round(withEvidence)} s with evidence, ${round(without)} s without: ratio ${round(ratio)}`,
      );
      ctx.progress(
        `breakdown (means of two): first batch answered after ${round(full.firstBatch)} s with evidence, ${round(bare.firstBatch)} s without; server CPU ${round(full.serverCpu)} s with evidence, ${round(bare.serverCpu)} s without; every file held after ${round(full.filesHeld)} s (server CPU ${round(full.serverCpuWithFiles)} s)`,
      );

      // Every report arrived exactly once; every file is held, as a reviewer downloads it.
      const stored = await pullAll(server.url, token);
      const ids = new Set(stored.map((change) => change.id));
      const expected = runs.flatMap((r) => r.reports.map((report) => report.id));
      const missing = expected.filter((id) => !ids.has(id)).length;
      if (stored.length !== expected.length + names.length || ids.size !== stored.length) {
        const local = await localCounts(await liveWorker(browser));
        const why = await page.evaluate(async () => {
          const db = webtaggerBench.db as unknown as {
            reports: { toArray(): Promise<{ rejection?: { code: string; message: string } }[]> };
          };
          const reasons = (await db.reports.toArray()).flatMap((r) =>
            r.rejection ? [`${r.rejection.code}: ${r.rejection.message}`] : [],
          );
          return [...new Set(reasons)].slice(0, 5);
        });
        throw new Error(
          `the server holds ${stored.length} changes, ${ids.size} distinct; locally ${JSON.stringify(local.byState)}; ${why.join('; ')}`,
        );
      }
      if (missing > 0) throw new Error(`${missing} queued reports never reached the server`);
      const admin = await adminLogin(server.url);
      const hashes = pool.flat().map((file) => file.sha256);
      for (const sha256 of hashes) await downloadEvidence(server.url, admin, sha256);
      const pngKB = pool.map(([png]) => png.bytes / 1024);
      const copyKB = pool.map(([, copy]) => copy.bytes / 1024);
      const pairKB = median(pool.map(([png, copy]) => (png.bytes + copy.bytes) / 1024));

      return {
        value: p95,
        unit: 's',
        display: `p95 ${round(p95, 2)} s to queued; queue with evidence ${round(ratio, 3)} × without`,
        baseline: { value: without, unit: 's', what: `${count} queued reports without evidence` },
        ratio,
        figures: {
          queuedP50Ms: median(queued),
          queuedP95Ms: p95 * 1000,
          capturedP50Ms: median(captured),
          capturedP95Ms: percentile(captured, 95),
          secondsWithEvidence: withEvidence,
          secondsWithout: without,
          firstBatchWithEvidence: full.firstBatch,
          firstBatchWithout: bare.firstBatch,
          serverCpuWithEvidence: full.serverCpu,
          serverCpuWithout: bare.serverCpu,
          filesHeldSecondsWithEvidence: full.filesHeld,
          serverCpuWithFiles: full.serverCpuWithFiles,
          outboxDropsWithEvidence: full.drops,
          outboxDropsWithout: bare.drops,
          uploadSecondsWithEvidence: full.uploadSeconds,
          indexedDbSecondsWithEvidence: full.indexedDbSeconds,
          indexedDbSecondsWithout: bare.indexedDbSeconds,
        },
        notes: [
          `The test build of the extension (WXT, Chrome, host permission for every page (<all_urls>) standing in for the activeTab grant of a click on the toolbar button) in headless`,
          `Chromium, signed in to the real server (spawned) with the policy accepted. Save: ${saves} times (after ${warmUps || 'no'} warm-up), a fresh ${screens}-screen test page`,
          'in a tab of its own, the popup opened for it (as a page, popup.html?tabId=N), a topic ticked, evidence capture on (the default), Save clicked in the page.',
          'Timed from the click to the report and its outbox entry stored (one transaction; watched from an extension page every 10 ms):',
          `p50 ${round(median(queued))} ms, p95 ${round(p95 * 1000)} ms. Not part of the target, the capture to its end (full-page screenshot stitched, MHTML copy,`,
          `both stored, the upsert freed): p50 ${round(median(captured) / 1000, 2)} s, p95 ${round(percentile(captured, 95) / 1000, 2)} s (captureVisibleTab paced 550 ms apart).`,
          `Offline queues, as P3: the server stopped, ${count} realistic reports saved through saveReports, a sync that fails (retry_later), the server started again and`,
          "the worker's `online` event fired; done when the outbox is empty. Four queues in the same browser and server, each of other reports, without evidence,",
          `with, with, without (so that what each queue leaves behind, more reports on both sides, falls on both kinds alike): ${inOrder}.`,
          `Means: ${round(withEvidence)} s with evidence, ${round(without)} s without, ratio ${round(ratio, 3)}. The reports with evidence each list a full-page PNG screenshot and an MHTML`,
          `copy, made in the extension page (PNG ${Math.round(Math.min(...pngKB))}–${Math.round(Math.max(...pngKB))} KB, MHTML ${Math.round(Math.min(...copyKB))}–${Math.round(Math.max(...copyKB))} KB) and stored through the extension's`,
          `storeEvidenceFile; files are kept by SHA-256, so ${poolSize} distinct pairs (a pool of its own for each queue) are shared by its ${count} reports: ${2 * poolSize} uploads a queue, not ${2 * count}.`,
          `At ~${round(pairKB / 1024, 1)} MB a report, ${count / 1000} k distinct captures would be ${round((count * pairKB) / 1024 ** 2, 1)} GB of uploads. The files go after their reports (each answer marks the files`,
          `its reports list due, and the drain uploads them, four at a time, once its pushes have ended). Means of each kind's two queues from here: the first batch was`,
          `answered after ${round(full.firstBatch, 2)} s with evidence, ${round(bare.firstBatch, 2)} s without; the rest took ${round(withEvidence - full.firstBatch, 2)} s with evidence, ${round(without - bare.firstBatch, 2)} s without.`,
          `Every file was held by the server ${round(full.filesHeld, 2)} s after its queue began (no file left waiting for its upload).`,
          `Breakdown: the server used ${round(full.serverCpu, 2)} s of CPU until the reports with evidence were accepted (${round(full.serverCpuWithFiles, 2)} s with the uploads), ${round(bare.serverCpu, 2)} s without;`,
          `the outbox, watched every 50 ms, shrank ${round(full.drops)} times with evidence and ${round(bare.drops)} without (about the number of pushes). From the service worker's own timeline (P3's phases): files`,
          `were uploading for ${round(full.uploadSeconds, 2)} s (${round(full.uploads)} files taken up, each read from IndexedDB, sent and marked); IndexedDB was busy with the drain for`,
          `${round(full.indexedDbSeconds, 2)} s with evidence and ${round(bare.indexedDbSeconds, 2)} s without; pushes were on their way for ${round(full.networkSeconds, 2)} s and ${round(bare.networkSeconds, 2)} s.`,
          `Then the server held exactly ${expected.length + names.length} reports of the analyst (pulled: none twice, none missing), and every file of both pools`,
          'downloaded as a reviewer (admin) with its SHA-256 checked.',
        ],
      };
    } finally {
      await browser.dispose();
      await pages.close();
      await server.stop();
    }
  },
};
