import { browser } from 'wxt/browser';
import { type Capture, type EvidenceFile, LIMITS } from '#shared/schemas/report';
import {
  type CaptureOutcome,
  type CaptureProblem,
  completeCapture,
} from '../storage/capture-state';
import type { LocalReport, WebTaggerDb } from '../storage/db';
import {
  type StorageEstimator,
  StorageFullError,
  storeEvidenceFile,
} from '../storage/evidence-files';
import { fullPageScreenshot } from './full-page';
import { CaptureStepError, runInPage } from './in-page';
import { capturePageCopy } from './page-copy';
import { takePageCopy } from './page-copy-handover';
import { type PageState, readPageState } from './page-scripts';

/** Which report's evidence to capture, from which tab (the popup hands this to the background). */
export type CaptureRequest = { reportId: string; tabId: number; windowId?: number };

export type CaptureDeps = {
  db: WebTaggerDb;
  now(): number;
  estimate: StorageEstimator;
  /** How long to wait for the popup's copy of the page (page-copy-handover.ts). */
  pageCopyWaitMs?: number;
};

/**
 * Captures a report's evidence from its tab — a full-page screenshot, a copy of the page and the
 * capture's facts — stores the files locally and ends the capture (completeCapture), which frees
 * the report's upsert. Every failure is recorded on the report as its `captureProblem`; the report
 * goes with whatever was captured, or without evidence.
 */
export async function captureReportEvidence(
  deps: CaptureDeps,
  request: CaptureRequest,
): Promise<CaptureOutcome> {
  let outcome: CaptureOutcome;
  try {
    outcome = await capture(deps, request);
  } catch (error) {
    outcome = { files: [], problem: problemOf(error) };
  }
  await completeCapture(deps.db, request.reportId, outcome, deps.now());
  return outcome;
}

async function capture(deps: CaptureDeps, request: CaptureRequest): Promise<CaptureOutcome> {
  const report = await deps.db.reports.get(request.reportId);
  if (!report) return { files: [], problem: 'failed' };
  const tab = await browser.tabs.get(request.tabId).catch(() => undefined);
  if (!tab) return { files: [], problem: 'tab_gone' };
  let page: PageState;
  try {
    page = await runInPage(request.tabId, readPageState);
  } catch {
    // Not allowed on this page: nothing is brought to the front for nothing.
    return { files: [], problem: 'not_allowed' };
  }
  // Only the tab in front can be photographed (the popup may have been opened as a tab of its
  // own): the page comes to the front for the capture, and the tab that was there goes back.
  const front = tab.active
    ? undefined
    : (await browser.tabs.query({ active: true, windowId: tab.windowId }))[0];
  if (!tab.active) await browser.tabs.update(request.tabId, { active: true });
  try {
    return await captureFiles(deps, request, report, page);
  } finally {
    if (front?.id !== undefined) {
      await browser.tabs.update(front.id, { active: true }).catch(() => undefined);
    }
  }
}

async function captureFiles(
  deps: CaptureDeps,
  request: CaptureRequest,
  report: LocalReport,
  page: PageState,
): Promise<CaptureOutcome> {
  const capturedAt = new Date(deps.now()).toISOString();
  const files: EvidenceFile[] = [];
  let problem: CaptureProblem | undefined;
  const keep = async (
    take: () => Promise<{
      bytes: Uint8Array<ArrayBuffer>;
      file: Pick<EvidenceFile, 'mime' | 'kind' | 'fullPage'>;
    }>,
  ) => {
    try {
      const { bytes, file } = await take();
      files.push(
        await storeEvidenceFile(deps.db, bytes, file, { at: deps.now(), estimate: deps.estimate }),
      );
    } catch (error) {
      problem ??= problemOf(error);
    }
  };
  await keep(async () => {
    const shot = await fullPageScreenshot(request, page, deps.now);
    return {
      bytes: shot.bytes,
      file: { mime: shot.mime, kind: 'screenshot', fullPage: shot.fullPage },
    };
  });
  const handedOver = await takePageCopy(deps.db, request.reportId, deps.pageCopyWaitMs);
  if (handedOver) files.push(handedOver);
  else {
    await keep(async () => {
      const copy = await capturePageCopy(request.tabId, { mhtml: false });
      return { bytes: copy.bytes, file: { mime: copy.mime, kind: 'page_copy' } };
    });
  }
  if (files.length === 0) return { files, problem: problem ?? 'failed' };
  const facts: Capture = {
    url: report.url,
    finalUrl: page.url.slice(0, LIMITS.urlLength),
    title: page.title.slice(0, LIMITS.titleLength),
    capturedAt,
    browser: await browserOf(),
    viewport: {
      width: Math.max(1, Math.round(page.viewportWidth)),
      height: Math.max(1, Math.round(page.viewportHeight)),
    },
    extensionVersion: browser.runtime.getManifest().version.slice(0, LIMITS.captureTextLength),
  };
  return { files, capture: facts, ...(problem ? { problem } : {}) };
}

function problemOf(error: unknown): CaptureProblem {
  if (error instanceof StorageFullError) return 'storage_full';
  if (error instanceof CaptureStepError) return error.problem;
  return 'failed';
}

type BrowserInfo = { name: string; version: string };
type Brand = { brand: string; version: string };
type UaData = { brands?: Brand[] };
type HighEntropy = UaData & {
  getHighEntropyValues?(hints: string[]): Promise<{ fullVersionList?: Brand[] }>;
};

/** The browser's name and version: Firefox says so itself; Chromium browsers by their brands. */
async function browserOf(): Promise<BrowserInfo> {
  const runtime = browser.runtime as unknown as { getBrowserInfo?: () => Promise<BrowserInfo> };
  if (typeof runtime.getBrowserInfo === 'function') {
    const info = await runtime.getBrowserInfo();
    return clip({ name: info.name, version: info.version });
  }
  const brands = (navigator as Navigator & { userAgentData?: UaData }).userAgentData?.brands ?? [];
  const real = brands.filter((b) => !/not.?a.?brand/i.test(b.brand));
  // A browser built on Chromium names itself beside it ("Google Chrome", "Microsoft Edge").
  const named = real.find((b) => !/^chromium$/i.test(b.brand)) ?? real[0];
  if (named)
    return clip({ name: named.brand, version: (await fullVersion(named.brand)) ?? named.version });
  return clip({ name: 'unknown', version: navigator.userAgent });
}

/** The full version (the user agent string gives only the major one). */
async function fullVersion(brand: string): Promise<string | undefined> {
  const data = (navigator as Navigator & { userAgentData?: HighEntropy }).userAgentData;
  const values = await data?.getHighEntropyValues?.(['fullVersionList']).catch(() => undefined);
  return values?.fullVersionList?.find((b) => b.brand === brand)?.version;
}

const clip = (info: BrowserInfo): BrowserInfo => ({
  name: info.name.slice(0, LIMITS.captureTextLength),
  version: info.version.slice(0, LIMITS.captureTextLength),
});
