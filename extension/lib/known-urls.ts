import { canonicalUrl, InvalidUrlError, urlKeyHash } from '#shared/url-key';
import type { ApiClient } from './api-client';
import { db as defaultDb, type LocalReport, type WebTaggerDb } from './db';
import { getMeta, setMeta } from './meta';

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
  url: string | undefined,
  db: WebTaggerDb = defaultDb,
): Promise<AlreadyReported> {
  const key = url ? keyOf(url) : undefined;
  if (!key) return { status: 'not_taggable' };
  const hash = urlKeyHash(key);
  // Two indexed point lookups in one read transaction: fast however many hashes are known
  // (targets.md P5).
  const [report, known] = await db.transaction('r', db.reports, db.knownUrls, () =>
    Promise.all([db.reports.where('urlKeyHash').equals(hash).first(), db.knownUrls.get(hash)]),
  );
  if (report) return { status: 'own', urlKeyHash: hash, report };
  if (known) return { status: 'known', urlKeyHash: hash };
  return { status: 'unknown', urlKeyHash: hash };
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
