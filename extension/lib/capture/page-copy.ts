import { LIMITS } from '#shared/schemas/report';
import { snapshotDocument } from './dom-snapshot';
import { CaptureStepError, notAllowed, runInPage } from './in-page';

export type PageCopy = { bytes: Uint8Array<ArrayBuffer>; mime: 'multipart/related' | 'text/html' };

type PageCaptureApi = { saveAsMHTML(details: { tabId: number }): Promise<Blob | undefined> };

/**
 * A copy of the page as rendered: MHTML (`multipart/related`) where the browser makes it (Chrome's
 * `pageCapture`, in an extension page: see page-copy-handover.ts) and `mhtml` asks for it, else a
 * self-contained HTML snapshot of the DOM (Firefox, or Chrome's service worker).
 */
export async function capturePageCopy(
  tabId: number,
  options: { mhtml: boolean },
): Promise<PageCopy> {
  // Read from `chrome`: the namespace's promise form, which Firefox does not have at all.
  const pageCapture = (globalThis as { chrome?: { pageCapture?: PageCaptureApi } }).chrome
    ?.pageCapture;
  let copy: PageCopy;
  if (options.mhtml && pageCapture && typeof pageCapture.saveAsMHTML === 'function') {
    const blob = await pageCapture.saveAsMHTML({ tabId }).catch((error: unknown) => {
      throw notAllowed(error);
    });
    if (!blob) throw new CaptureStepError('failed', 'the browser made no copy of the page');
    copy = { bytes: new Uint8Array(await blob.arrayBuffer()), mime: 'multipart/related' };
  } else {
    const html = await runInPage(tabId, snapshotDocument).catch((error: unknown) => {
      throw notAllowed(error);
    });
    copy = { bytes: new TextEncoder().encode(html), mime: 'text/html' };
  }
  if (copy.bytes.byteLength > LIMITS.pageCopyBytes) {
    throw new CaptureStepError(
      'too_large',
      'the copy of the page is larger than the server accepts',
    );
  }
  return copy;
}
