import type { FormValues } from '../form/values';
import type { WebTaggerDb } from '../storage/db';
import type { DbOpener } from '../storage/local-db';
import { readMetaValues } from '../storage/meta';

/**
 * The pasted list and its values as typed, kept on every change so that a closed window loses
 * nothing. Under the drafts' prefix: `pruneDrafts` forgets it after the drafts' TTL like the
 * single form's draft.
 */
export type ListDraft = { text: string; values: FormValues; savedAt: number };

export const LIST_DRAFT_KEY = 'draft:volume:list';

export async function loadListDraft(db: Pick<DbOpener, 'name'>): Promise<ListDraft | undefined> {
  const [draft] = await readMetaValues(db.name, [LIST_DRAFT_KEY]);
  return draft as ListDraft | undefined;
}

/** Keeps the draft; an empty box with nothing left is no draft. */
export async function saveListDraft(db: WebTaggerDb, draft: ListDraft): Promise<void> {
  if (draft.text.trim() === '') await db.meta.delete(LIST_DRAFT_KEY);
  else await db.meta.put({ key: LIST_DRAFT_KEY, value: draft });
}
