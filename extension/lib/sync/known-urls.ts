import { canonicalUrl, InvalidUrlError, urlKeyHash } from '#shared/url-key';
import type { LocalReport, WebTaggerDb } from '../storage/db';
import { getMeta, setMeta } from '../storage/meta';
import type { ApiClient } from './api-client';

/**
 * Whether a URL is already reported, decided locally (the visited URL never leaves the browser):
 * `own` — the analyst has a report of it here; `known` — the system has a material with its key;
 * `unknown`; `not_taggable` — not an http(s) URL.
 */
export type AlreadyReported =
  | { status: 'own'; urlKeyHash: string; report: LocalReport }
  | { status: 'known'; urlKeyHash: string }
  | { status: 'unknown'; urlKeyHash: string }
  | { status: 'not_taggable' };

/** Whether a URL's canonical key is among the synced known hashes or the analyst's own reports. */
export async function isAlreadyReported(
  db: WebTaggerDb,
  url: string | undefined,
): Promise<AlreadyReported> {
  const key = url ? keyOf(url) : undefined;
  if (!key) return { status: 'not_taggable' };
  const hash = urlKeyHash(key);
  const { report, known } = await lookUp(db, hash);
  if (report) return { status: 'own', urlKeyHash: hash, report };
  if (known) return { status: 'known', urlKeyHash: hash };
  return { status: 'unknown', urlKeyHash: hash };
}

/**
 * The own report and the known hash of a URL key: two indexed point lookups in one native read
 * transaction, answered as soon as both requests are — fast however many hashes are known
 * (targets.md P5). Through Dexie the same lookups also wait for its transaction bookkeeping and the
 * commit, which doubled the time.
 */
async function lookUp(
  db: WebTaggerDb,
  hash: string,
): Promise<{ report: LocalReport | undefined; known: boolean }> {
  if (!db.isOpen()) await db.open();
  const tx = db.backendDB().transaction([db.reports.name, db.knownUrls.name], 'readonly');
  const [report, knownKey] = await Promise.all([
    answer<LocalReport | undefined>(tx.objectStore(db.reports.name).index('urlKeyHash').get(hash)),
    answer(tx.objectStore(db.knownUrls.name).getKey(hash)),
  ]);
  return { report, known: knownKey !== undefined };
}

function answer<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function keyOf(url: string): string | undefined {
  try {
    return canonicalUrl(url);
  } catch (error) {
    if (error instanceof InvalidUrlError) return undefined;
    throw error;
  }
}

type KnownUrlsDeps = { db: WebTaggerDb; client: ApiClient; token: string };

/**
 * Fetches the known URL hashes added since the stored cursor, page by page; each page and the
 * cursor after it are stored together. Returns how many hashes arrived.
 */
export async function syncKnownUrls(deps: KnownUrlsDeps): Promise<number> {
  let received = 0;
  for (;;) {
    const cursor = await getMeta(deps.db, 'knownUrlsCursor');
    const page = await deps.client.knownUrls(deps.token, cursor);
    await deps.db.transaction('rw', deps.db.knownUrls, deps.db.meta, async () => {
      await deps.db.knownUrls.bulkPut(page.hashes.map((hash) => ({ hash })));
      await setMeta(deps.db, 'knownUrlsCursor', page.cursor);
    });
    received += page.hashes.length;
    if (!page.hasMore || page.cursor === cursor) return received;
  }
}
