import { browser } from 'wxt/browser';
import { type Evidence, LIMITS } from '#shared/schemas/report';
import type { WebTaggerDb } from '../storage/db';

type EvidenceMime = Evidence['mime'];

/** Why a screenshot could not be taken: the popup tells the analyst and saves without it. */
export class EvidenceCaptureError extends Error {
  constructor(
    readonly reason: 'not_allowed' | 'too_large',
    message: string,
  ) {
    super(message);
    this.name = 'EvidenceCaptureError';
  }
}

/** PNG first (lossless); JPEG when a large screen makes the PNG exceed the server's limit. */
const ATTEMPTS = [
  { format: 'png', mime: 'image/png' },
  { format: 'jpeg', quality: 85, mime: 'image/jpeg' },
  { format: 'jpeg', quality: 60, mime: 'image/jpeg' },
] as const;

/**
 * Takes a screenshot of the visible tab of a window (the current one by default), stores its bytes
 * locally and returns what the report carries: `{ sha256, mime, bytes }`. The popup calls it at
 * save time and puts the result in `report.evidence`; the sync engine uploads the bytes before the
 * report and drops them once it is synced. Needs the `activeTab` grant the toolbar button, the
 * keyboard shortcut or the link menu gives.
 */
export async function captureEvidence(
  db: WebTaggerDb,
  now: number,
  options: { windowId?: number } = {},
): Promise<Evidence> {
  for (const { mime, ...imageDetails } of ATTEMPTS) {
    let dataUrl: string;
    try {
      dataUrl =
        options.windowId === undefined
          ? await browser.tabs.captureVisibleTab(imageDetails)
          : await browser.tabs.captureVisibleTab(options.windowId, imageDetails);
    } catch (error) {
      throw new EvidenceCaptureError('not_allowed', String((error as Error)?.message ?? error));
    }
    const bytes = bytesOfDataUrl(dataUrl);
    if (bytes.byteLength <= LIMITS.evidenceBytes) return storeEvidence(db, bytes, mime, now);
  }
  throw new EvidenceCaptureError('too_large', 'The screenshot is larger than the server accepts.');
}

/** Stores image bytes as evidence under their SHA-256 and returns the report's evidence field. */
export async function storeEvidence(
  db: WebTaggerDb,
  bytes: Uint8Array,
  mime: EvidenceMime,
  now: number,
): Promise<Evidence> {
  const sha256 = await sha256Hex(bytes);
  const data = bytes.slice().buffer;
  await db.transaction('rw', db.evidence, async () => {
    const existing = await db.evidence.get(sha256);
    await db.evidence.put({
      ...existing,
      sha256,
      mime,
      bytes: bytes.byteLength,
      data,
      storedAt: now,
    });
  });
  return { sha256, mime, bytes: bytes.byteLength };
}

/** The lowercase hex SHA-256 of some bytes (WebCrypto). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes.slice()));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The bytes of a base64 `data:` URL. */
export function bytesOfDataUrl(dataUrl: string): Uint8Array {
  const comma = dataUrl.indexOf(',');
  const binary = atob(dataUrl.slice(comma + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
