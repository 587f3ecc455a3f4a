import type { WebTaggerDb } from '../storage/db';
import type { DbOpener } from '../storage/local-db';
import { readMetaValues } from '../storage/meta';
import type { FormTarget, FormValues } from './values';

/** What the analyst typed and has not saved, kept so that closing the popup loses nothing. */
export type Draft = { target: FormTarget; values: FormValues; savedAt: number };

const PREFIX = 'draft:';
/** Drafts untouched this long are forgotten when the popup opens. */
export const DRAFT_TTL_MS = 30 * 24 * 60 * 60_000;

/**
 * The meta key of a draft: an edit belongs to its report, a new report to its URL (the popup
 * opened on the same page again finds it).
 */
export function draftKey(target: Pick<FormTarget, 'reportId' | 'url'>, editing: boolean): string {
  return editing ? `${PREFIX}report:${target.reportId}` : `${PREFIX}page:${target.url}`;
}

/** Stores the draft under its key, replacing the previous one. */
export async function saveDraft(db: WebTaggerDb, key: string, draft: Draft): Promise<void> {
  await db.meta.put({ key, value: draft });
}

/** The draft under a key, if one was left; read without Dexie (the popup's first paint). */
export async function loadDraft(
  db: Pick<DbOpener, 'name'>,
  key: string,
): Promise<Draft | undefined> {
  const [draft] = await readMetaValues(db.name, [key]);
  return draft as Draft | undefined;
}

/** Forgets a draft (it was saved as a report, or discarded). */
export async function clearDraft(db: WebTaggerDb, key: string): Promise<void> {
  await db.meta.delete(key);
}

/** Forgets drafts older than the TTL; returns how many. */
export async function pruneDrafts(db: WebTaggerDb, now: number): Promise<number> {
  const stale = await db.meta
    .where('key')
    .startsWith(PREFIX)
    .filter((entry) => ((entry.value as Draft | undefined)?.savedAt ?? 0) < now - DRAFT_TTL_MS)
    .primaryKeys();
  await db.meta.bulkDelete(stale);
  return stale.length;
}
