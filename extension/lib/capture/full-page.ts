import { browser } from 'wxt/browser';
import { LIMITS } from '#shared/schemas/report';
import { bytesOfDataUrl, CaptureStepError, notAllowed, runInPage, wait } from './in-page';
import { hideFixedElements, type PageState, restorePageLook, scrollPageTo } from './page-scripts';
import { outputScale, paceDelay, type Rect, stitchLayout, stitchPlan } from './stitch-plan';

export type Screenshot = {
  bytes: Uint8Array<ArrayBuffer>;
  mime: 'image/png' | 'image/jpeg';
  fullPage: boolean;
};

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
 * screen and the screens are stitched. A page whose content scrolls in a box rather than in the
 * window is stitched in both, the box scrolled: no browser draws what a box hides. `now` paces
 * the captures (Chrome takes two a second at most).
 */
export async function fullPageScreenshot(
  tab: { tabId: number; windowId?: number },
  page: PageState,
  now: () => number,
): Promise<Screenshot> {
  const tabs = browser.tabs as unknown as Partial<FirefoxTabs>;
  if (typeof tabs.captureTab === 'function' && !page.scroller) {
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
  const layout = stitchLayout(page);
  let canvas: OffscreenCanvas | undefined;
  let context: OffscreenCanvasRenderingContext2D | null = null;
  // Device pixels of the screens per CSS pixel, times the output's own scale.
  let toOutput = 1;
  const draw = (shot: ImageBitmap, from: Rect, toY: number) => {
    if (from.width <= 0 || from.height <= 0) return;
    const px = (css: number) => Math.round(css * toOutput);
    const source = (css: number) => Math.round(css * (shot.height / page.viewportHeight));
    context?.drawImage(
      shot,
      ...[source(from.x), source(from.y), source(from.width), source(from.height)],
      ...[px(from.x), px(toY), px(from.width), px(from.height)],
    );
  };
  try {
    for (const [index, offset] of layout.offsets.entries()) {
      // Headers and banners that stay put would repeat on every screen: only the first has them.
      if (index === 1) await runInPage(tab.tabId, hideFixedElements);
      const y = await runInPage(tab.tabId, scrollPageTo, page.scrollX, offset);
      await wait(paceDelay(lastCaptureAt, now()));
      lastCaptureAt = now();
      const shot = await captureScreen(tab.windowId);
      if (!canvas) {
        const deviceScale = shot.height / page.viewportHeight;
        toOutput = deviceScale * outputScale(shot.width, layout.height * deviceScale);
        canvas = new OffscreenCanvas(
          Math.max(1, Math.round(layout.width * toOutput)),
          Math.max(1, Math.round(layout.height * toOutput)),
        );
        context = canvas.getContext('2d');
        if (context) {
          // Beside a scrolling box, below the first screen, nothing was seen: it stays white.
          context.fillStyle = '#fff';
          context.fillRect(0, 0, canvas.width, canvas.height);
        }
        draw(shot, layout.first, 0);
        draw(shot, layout.below, layout.scrolling.y + layout.coveredHeight);
      } else {
        draw(shot, layout.scrolling, layout.scrolling.y + y);
      }
      shot.close();
    }
  } finally {
    await runInPage(
      tab.tabId,
      restorePageLook,
      page.scrollX,
      page.scrollY,
      // Arguments cross into the page as JSON, where `undefined` is refused.
      page.scroller?.scrollTop ?? null,
    ).catch(() => undefined);
  }
  if (!canvas) throw new CaptureStepError('failed', 'nothing was captured');
  for (const encoding of ENCODINGS) {
    const blob = await canvas.convertToBlob(encoding);
    if (blob.size <= LIMITS.evidenceBytes) {
      return {
        bytes: new Uint8Array(await blob.arrayBuffer()),
        mime: encoding.type,
        fullPage: layout.complete,
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
