import { browser } from 'wxt/browser';
import { LIMITS } from '#shared/schemas/report';
import { bytesOfDataUrl, CaptureStepError, notAllowed, runInPage, wait } from './in-page';
import { hideFixedElements, type PageState, restorePageLook, scrollPageTo } from './page-scripts';
import { outputScale, paceDelay, stitchPlan } from './stitch-plan';

export type Screenshot = { bytes: Uint8Array; mime: 'image/png' | 'image/jpeg'; fullPage: boolean };

/** PNG first (lossless); JPEG when a long page makes the PNG exceed the server's limit. */
const ENCODINGS = [
  { type: 'image/png' },
  { type: 'image/jpeg', quality: 0.85 },
  { type: 'image/jpeg', quality: 0.6 },
] as const;

type FirefoxTabs = {
  captureTab(
    tabId: number,
    options: {
      format: 'png' | 'jpeg';
      quality?: number;
      rect: { x: number; y: number; width: number; height: number };
      scale: number;
    },
  ): Promise<string>;
};

/**
 * A screenshot of the whole page: Firefox draws any part of a page at once (`tabs.captureTab`
 * with the page's rectangle); Chrome only the visible part, so there the page is scrolled screen by
 * screen and the screens are stitched. `now` paces Chrome's captures (two a second at most).
 */
export async function fullPageScreenshot(
  tab: { tabId: number; windowId?: number },
  page: PageState,
  now: () => number,
): Promise<Screenshot> {
  const tabs = browser.tabs as unknown as Partial<FirefoxTabs>;
  if (typeof tabs.captureTab === 'function') {
    return drawnWhole(tabs as FirefoxTabs, tab.tabId, page);
  }
  return stitched(tab, page, now);
}

async function drawnWhole(tabs: FirefoxTabs, tabId: number, page: PageState) {
  const plan = stitchPlan(page);
  const ratio = page.devicePixelRatio;
  const scale = ratio * outputScale(page.viewportWidth * ratio, plan.coveredHeight * ratio);
  const rect = { x: 0, y: 0, width: page.viewportWidth, height: plan.coveredHeight };
  for (const encoding of ENCODINGS) {
    let dataUrl: string;
    try {
      dataUrl = await tabs.captureTab(tabId, {
        format: encoding.type === 'image/png' ? 'png' : 'jpeg',
        ...('quality' in encoding ? { quality: Math.round(encoding.quality * 100) } : {}),
        rect,
        scale,
      });
    } catch (error) {
      throw notAllowed(error);
    }
    const bytes = bytesOfDataUrl(dataUrl);
    if (bytes.byteLength <= LIMITS.evidenceBytes) {
      return { bytes, mime: encoding.type, fullPage: plan.complete };
    }
  }
  throw new CaptureStepError('too_large', 'the screenshot is larger than the server accepts');
}

/**
 * When the background last called `captureVisibleTab`. Chrome's limit of two calls a second holds
 * across captures, so tabs captured one after another (several tabs saved at once) are paced as
 * the screens of one page are.
 */
let lastCaptureAt: number | undefined;

async function stitched(
  tab: { tabId: number; windowId?: number },
  page: PageState,
  now: () => number,
): Promise<Screenshot> {
  const plan = stitchPlan(page);
  let canvas: OffscreenCanvas | undefined;
  let context: OffscreenCanvasRenderingContext2D | null = null;
  let deviceScale = 1;
  let scale = 1;
  try {
    for (const [index, offset] of plan.offsets.entries()) {
      // Headers and banners that stay put would repeat on every screen: only the first has them.
      if (index === 1) await runInPage(tab.tabId, hideFixedElements);
      const y = await runInPage(tab.tabId, scrollPageTo, page.scrollX, offset);
      await wait(paceDelay(lastCaptureAt, now()));
      lastCaptureAt = now();
      const shot = await captureScreen(tab.windowId);
      if (!canvas) {
        deviceScale = shot.height / page.viewportHeight;
        scale = outputScale(shot.width, plan.coveredHeight * deviceScale);
        canvas = new OffscreenCanvas(
          Math.max(1, Math.round(shot.width * scale)),
          Math.max(1, Math.round(plan.coveredHeight * deviceScale * scale)),
        );
        context = canvas.getContext('2d');
      }
      context?.drawImage(
        shot,
        0,
        Math.round(y * deviceScale * scale),
        Math.round(shot.width * scale),
        Math.round(shot.height * scale),
      );
      shot.close();
    }
  } finally {
    await runInPage(tab.tabId, restorePageLook, page.scrollX, page.scrollY).catch(() => undefined);
  }
  if (!canvas) throw new CaptureStepError('failed', 'nothing was captured');
  for (const encoding of ENCODINGS) {
    const blob = await canvas.convertToBlob(encoding);
    if (blob.size <= LIMITS.evidenceBytes) {
      return {
        bytes: new Uint8Array(await blob.arrayBuffer()),
        mime: encoding.type,
        fullPage: plan.complete,
      };
    }
  }
  throw new CaptureStepError('too_large', 'the screenshot is larger than the server accepts');
}

async function captureScreen(windowId: number | undefined): Promise<ImageBitmap> {
  let dataUrl: string;
  try {
    dataUrl =
      windowId === undefined
        ? await browser.tabs.captureVisibleTab({ format: 'png' })
        : await browser.tabs.captureVisibleTab(windowId, { format: 'png' });
  } catch (error) {
    throw notAllowed(error);
  }
  const bytes = bytesOfDataUrl(dataUrl);
  return createImageBitmap(new Blob([bytes.slice().buffer], { type: 'image/png' }));
}
