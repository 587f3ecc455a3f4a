import type { EvidenceFile } from '#shared/schemas/report';
import type { WebTaggerDb } from '../storage/db';
import { type StorageEstimator, storeEvidenceFile } from '../storage/evidence-files';
import { capturePageCopy } from './page-copy';

/**
 * Chrome makes MHTML copies only for extension pages to read: in the background's service worker
 * the copy's bytes cannot be read at all. So the popup makes the copy while the background takes
 * the screenshot, and hands it over through the database under this key; a popup closed too soon
 * leaves the background to copy the page's DOM instead.
 */
const handoverKey = (reportId: string) => `pageCopy:${reportId}`;

/** How long the background waits, after its screenshot, for the popup's copy. */
export const PAGE_COPY_WAIT_MS = 10_000;

type Handover = { file?: EvidenceFile; problem?: string };

/** The popup's half: copies the page (MHTML where the browser makes it) and hands it over. */
export async function handOverPageCopy(
  db: WebTaggerDb,
  reportId: string,
  tabId: number,
  options: { at: number; estimate: StorageEstimator },
): Promise<void> {
  let handover: Handover;
  try {
    const copy = await capturePageCopy(tabId, { mhtml: true });
    const file = await storeEvidenceFile(
      db,
      copy.bytes,
      { mime: copy.mime, kind: 'page_copy' },
      options,
    );
    handover = { file };
  } catch (error) {
    handover = { problem: String((error as Error)?.name ?? error) };
  }
  await db.meta.put({ key: handoverKey(reportId), value: handover });
}

/**
 * The background's half: the popup's copy once it is there (within `waitMs`), taken out of the
 * handover; undefined when the popup made none.
 */
export async function takePageCopy(
  db: WebTaggerDb,
  reportId: string,
  waitMs = PAGE_COPY_WAIT_MS,
  pollMs = 100,
): Promise<EvidenceFile | undefined> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const entry = await db.meta.get(handoverKey(reportId));
    if (entry) {
      await db.meta.delete(handoverKey(reportId));
      return (entry.value as Handover).file;
    }
    if (Date.now() >= deadline) return undefined;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
