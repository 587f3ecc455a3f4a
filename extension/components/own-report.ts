import type { LocalReport, WebTaggerDb } from '@/lib/storage/db';
import { isAlreadyReported } from '@/lib/sync/known-urls';

/** The analyst's own report of a URL (same canonical key), if any: decided locally. */
export async function ownReportOf(db: WebTaggerDb, url: string): Promise<LocalReport | undefined> {
  const found = await isAlreadyReported(db, url);
  return found.status === 'own' ? found.report : undefined;
}
