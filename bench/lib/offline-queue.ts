import type { Page } from '@playwright/test';
import type { EvidenceFile, ReportInput } from '#shared/schemas/report';
import type { ExtensionBrowser } from '../../e2e/support/browser';
import { liveWorker, localCounts } from '../../e2e/support/extension';
import type { SpawnedServer } from '../../server/testing/spawned-server';
import { clearSyncPhases, type SyncBreakdown, syncBreakdown } from './sync-phases';

/** How many reports go to one save transaction while a queue is prepared. */
export const SAVE_CHUNK = 500;
const POLL_MS = 50;

type BenchDb = {
  outbox: { count(): Promise<number> };
  evidence: { orderBy(index: string): { count(): Promise<number> } };
};
declare const webtaggerBench: {
  saveReports(db: BenchDb, reports: ReportInput[], options: { at: number }): Promise<unknown>;
  storeEvidenceFile(
    db: BenchDb,
    bytes: Uint8Array,
    file: Pick<EvidenceFile, 'mime' | 'kind' | 'fullPage'>,
    options: { at: number; estimate: () => Promise<{ usage?: number; quota?: number }> },
  ): Promise<EvidenceFile>;
  WebTaggerDb: new () => BenchDb;
  /** The extension's database in the bench page, opened once (as the background opens it). */
  db?: BenchDb;
};

/** The extension modules the page needs (for `extensionModules`). */
export const QUEUE_MODULES = {
  saveReports: './extension/lib/storage/batch-save',
  storeEvidenceFile: './extension/lib/storage/evidence-files',
  WebTaggerDb: './extension/lib/storage/db',
};

type PageGlobals = {
  navigator: { storage: { estimate(): Promise<{ usage?: number; quota?: number }> } };
  OffscreenCanvas: new (
    width: number,
    height: number,
  ) => {
    getContext(kind: '2d'): {
      fillStyle: string;
      fillRect(x: number, y: number, w: number, h: number): void;
      createImageData(w: number, h: number): { data: Uint8ClampedArray };
      putImageData(data: { data: Uint8ClampedArray }, x: number, y: number): void;
    } | null;
    convertToBlob(): Promise<Blob>;
  };
};

/** One capture's files as the report lists them: a full-page screenshot and an MHTML copy. */
export type FilePair = [EvidenceFile, EvidenceFile];

/**
 * Makes `count` distinct pairs of evidence files in the extension page and stores them through the
 * extension's own `storeEvidenceFile` (SHA-256, quota check, the `evidence` table): a PNG of a
 * 1280-px-wide page with a noisy region (so that it weighs what a screenshot of a busy page
 * weighs) and an MHTML archive of about `copyKB` KB, as Chrome's `pageCapture` writes them. The
 * copies are of pages named after `pool`: pools of other names share no file.
 */
export function storeFilePool(
  page: Page,
  pool: string,
  count: number,
  copyKB: number,
): Promise<FilePair[]> {
  return page.evaluate(
    async ({ pool, count, copyKB }) => {
      webtaggerBench.db ??= new webtaggerBench.WebTaggerDb();
      // Page code: the page's globals are not in Node's types.
      const page = globalThis as unknown as PageGlobals;
      const estimate = page.navigator.storage.estimate.bind(page.navigator.storage);
      const pairs: FilePair[] = [];
      for (let n = 0; n < count; n++) {
        const canvas = new page.OffscreenCanvas(1280, 2400);
        const g = canvas.getContext('2d')!;
        for (let y = 0; y < 2400; y += 120) {
          g.fillStyle = `hsl(${(n * 31 + y) % 360} 60% 80%)`;
          g.fillRect(0, y, 1280, 120);
        }
        const noise = g.createImageData(400, 260);
        for (let i = 0; i < noise.data.length; i++) {
          noise.data[i] = i % 4 === 3 ? 255 : Math.floor(Math.random() * 256);
        }
        g.putImageData(noise, 100 + n, 300);
        const png = new Uint8Array(await (await canvas.convertToBlob()).arrayBuffer());
        const name = `${pool}-${n}`;
        const boundary = `----MultipartBoundary--${name}----`;
        const paragraph = `<p>Раздел ${name}: казино, бонусы, ставки — текст страницы как он был показан.</p>=\r\n`;
        const html = paragraph.repeat(Math.ceil((copyKB * 1024) / paragraph.length));
        const mhtml =
          `From: <Saved by Blink>\r\nSnapshot-Content-Location: http://127.0.0.1/${name}\r\n` +
          `Subject: Bench page ${name}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n` +
          `\ttype="text/html";\r\n\tboundary="${boundary}"\r\n\r\n\r\n--${boundary}\r\n` +
          `Content-Type: text/html\r\nContent-ID: <frame-${name}>\r\n` +
          `Content-Transfer-Encoding: quoted-printable\r\nContent-Location: http://127.0.0.1/${name}\r\n\r\n` +
          `<!DOCTYPE html><html><head><meta charset=3D"utf-8"></head><body>=\r\n${html}</body></html>\r\n` +
          `\r\n--${boundary}--\r\n`;
        const at = Date.now();
        pairs.push([
          await webtaggerBench.storeEvidenceFile(
            webtaggerBench.db,
            png,
            { mime: 'image/png', kind: 'screenshot', fullPage: true },
            { at, estimate },
          ),
          await webtaggerBench.storeEvidenceFile(
            webtaggerBench.db,
            new TextEncoder().encode(mhtml),
            { mime: 'multipart/related', kind: 'page_copy' },
            { at, estimate },
          ),
        ]);
      }
      return pairs;
    },
    { pool, count, copyKB },
  );
}

/**
 * Saves the reports through the extension's own save path, `SAVE_CHUNK` at a time as its batch
 * save of many links does (each report stored as the form's Save stores it, one transaction for
 * the chunk): the queue is the same as after one save per report, and ready in a fraction of the
 * time.
 */
export async function saveAll(
  page: Page,
  reports: ReportInput[],
  progress: (m: string) => void,
): Promise<void> {
  for (let start = 0; start < reports.length; start += SAVE_CHUNK) {
    await page.evaluate(
      async (chunk) => {
        webtaggerBench.db ??= new webtaggerBench.WebTaggerDb();
        await webtaggerBench.saveReports(webtaggerBench.db, chunk, { at: Date.now() });
      },
      reports.slice(start, start + SAVE_CHUNK),
    );
    if ((start / SAVE_CHUNK) % 4 === 3) progress(`${start + SAVE_CHUNK} saved`);
  }
}

/**
 * Watches the outbox from the extension page until it is empty; returns when that was (ms since
 * the epoch), or undefined after `timeoutMs`, when it first held fewer entries than at the start
 * (the first batch answered), the entries left at the last look, and how many looks found it
 * smaller than the one before (about the answered pushes, when they are over 50 ms apart).
 */
export function outboxEmptied(page: Page, timeoutMs: number) {
  return page.evaluate(
    async ({ every, timeout }) => {
      const deadline = Date.now() + timeout;
      let initial: number | undefined;
      let firstDrop: number | undefined;
      let last: number | undefined;
      let drops = 0;
      for (;;) {
        webtaggerBench.db ??= new webtaggerBench.WebTaggerDb();
        const left = await webtaggerBench.db.outbox.count();
        initial ??= left;
        if (left < initial) firstDrop ??= Date.now();
        if (last !== undefined && left < last) drops++;
        last = left;
        if (left === 0) return { at: Date.now(), firstDrop, left, drops };
        if (Date.now() > deadline) return { at: undefined, firstDrop, left, drops };
        await new Promise((resolve) => setTimeout(resolve, every));
      }
    },
    { every: POLL_MS, timeout: timeoutMs },
  );
}

/** What a queue sent after an outage took, as `queueWhileAway` measures it. */
export type QueueRun = {
  /** From the worker's `online` event to an empty outbox. */
  seconds: number;
  /** From the `online` event to the first batch answered. */
  firstBatch: number;
  /** The server process's CPU meanwhile. */
  serverCpu: number;
  /** How many looks found the outbox smaller than the one before (about the pushes). */
  drops: number;
  /**
   * From the `online` event to no evidence file waiting for its upload (they go after their
   * reports, which marked them due as they were answered); `seconds` when the queue listed none.
   */
  filesHeld: number;
  /** The server process's CPU until then. */
  serverCpuWithFiles: number;
  /** The drain's phases on the service worker's own timeline, its uploads included. */
  drain: SyncBreakdown;
};

/** Watches the extension's evidence files until none waits for its upload; when, or undefined. */
export function filesUploaded(page: Page, timeoutMs: number) {
  return page.evaluate(
    async ({ every, timeout }) => {
      const deadline = Date.now() + timeout;
      webtaggerBench.db ??= new webtaggerBench.WebTaggerDb();
      while (Date.now() < deadline) {
        if ((await webtaggerBench.db.evidence.orderBy('dueAt').count()) === 0) return Date.now();
        await new Promise((resolve) => setTimeout(resolve, every));
      }
      return undefined;
    },
    { every: POLL_MS, timeout: timeoutMs },
  );
}

/**
 * P3's run (P9 runs it with and without evidence): the server stopped, `reports` saved through
 * saveReports, a sync that fails (a retry scheduled, as while offline), the server back and the
 * worker's `online` event (the background's own trigger); done when the outbox is empty, which
 * its entries leave only once the server has answered for them.
 */
export async function queueWhileAway(
  browser: ExtensionBrowser,
  page: Page,
  server: SpawnedServer,
  reports: ReportInput[],
  options: { progress(m: string): void; timeoutMs: number },
): Promise<QueueRun> {
  await server.stop();
  options.progress(`server stopped; saving ${reports.length} reports through saveReports`);
  await saveAll(page, reports, options.progress);
  const queued = await localCounts(await liveWorker(browser));
  if (queued.outbox !== reports.length) {
    throw new Error(`${queued.outbox} of ${reports.length} reports queued`);
  }
  const failed = await page.evaluate(() =>
    (
      globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): unknown } } }
    ).chrome.runtime.sendMessage({ type: 'sync-now' }),
  );
  if ((failed as { outcome?: string } | undefined)?.outcome !== 'retry_later') {
    throw new Error(`a sync while the server was away ended with ${JSON.stringify(failed)}`);
  }
  await server.restart();
  options.progress('server back; the extension hears that the network is online');
  const worker = await liveWorker(browser);
  await clearSyncPhases(worker);
  const watching = outboxEmptied(page, options.timeoutMs);
  // The server was just started: the CPU time it uses from here is the queue's.
  const cpuBefore = server.cpuSeconds();
  const began = Date.now();
  await worker.evaluate(() =>
    (globalThis as unknown as EventTarget).dispatchEvent(new Event('online')),
  );
  const { at, firstDrop, left, drops } = await watching;
  const serverCpu = server.cpuSeconds() - cpuBefore;
  if (at === undefined) throw new Error(`the outbox still held ${left} entries`);
  // The files upload after their reports: the reports are accepted first, the files follow.
  const filesAt = await filesUploaded(page, options.timeoutMs);
  if (filesAt === undefined) throw new Error('evidence files were still waiting for their upload');
  return {
    seconds: (at - began) / 1000,
    firstBatch: ((firstDrop ?? at) - began) / 1000,
    serverCpu,
    drops,
    filesHeld: (Math.max(filesAt, at) - began) / 1000,
    serverCpuWithFiles: server.cpuSeconds() - cpuBefore,
    drain: await syncBreakdown(worker),
  };
}
