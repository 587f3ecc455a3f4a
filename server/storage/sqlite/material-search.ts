import { eq, or, type SQL, sql } from 'drizzle-orm';
import { integer, sqliteTable } from 'drizzle-orm/sqlite-core';
import { canonicalUrl, isTaggableUrl } from '#shared/url-key';
import { materials } from '../../db/schema';
import type { Db } from './handles';

/**
 * The trigram index of materials' titles and URLs (migration 0001_materials_search), keyed by
 * `materials.seq`. It is a virtual table that drizzle-kit cannot manage, so it stays out of
 * db/schema: only its rowid is read.
 */
export const materialsSearch = sqliteTable('materials_search', {
  rowid: integer('rowid').notNull(),
});

/** The trigram index finds phrases of at least this many characters; shorter ones are scanned for. */
const INDEXED_LENGTH = 3;

/**
 * How to find the materials a reviewer's free-text search means: a condition on `materials`, or
 * (`indexed`) a condition on `materialsSearch`, which the query must then read from.
 */
export type MaterialSearch = { where: SQL; indexed: boolean };

/**
 * A URL finds its material whatever form it was given in (by the unique index of URL keys); any
 * other text is a substring of the title or URL, in any letter case: through the trigram index
 * when it is long enough, by a scan otherwise.
 */
export function materialSearch(db: Db, q: string): MaterialSearch {
  const key = isTaggableUrl(q) ? canonicalUrl(q) : undefined;
  if (
    key &&
    db.select({ id: materials.id }).from(materials).where(eq(materials.urlKey, key)).get()
  ) {
    return { where: eq(materials.urlKey, key), indexed: false };
  }
  // NUL is no text anyone types, and the index's query parser would stop at it.
  const text = q.replaceAll('\0', '');
  if (text === '') return { where: sql`0`, indexed: false };
  if ([...text].length < INDEXED_LENGTH) return { where: containsInAnyCase(text), indexed: false };
  return { where: sql`${materialsSearch} MATCH ${asPhrase(text)}`, indexed: true };
}

/** The text as one FTS5 phrase: every character literal, quotes doubled. */
export function asPhrase(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * A scan for a short text (one or two characters) in any case. SQLite folds only ASCII letters,
 * so every mix of each character's lower and upper case is looked for: at most four strings.
 */
function containsInAnyCase(text: string): SQL {
  return or(
    ...caseVariants(text).flatMap((variant) => [
      sql`instr(${materials.title}, ${variant}) > 0`,
      sql`instr(${materials.url}, ${variant}) > 0`,
    ]),
  )!;
}

/** Every spelling of the text with each character as typed, in lower or in upper case. */
export function caseVariants(text: string): string[] {
  let spellings = [''];
  for (const char of text) {
    const forms = new Set([char, char.toLowerCase(), char.toUpperCase()]);
    spellings = spellings.flatMap((start) => [...forms].map((form) => start + form));
  }
  return [...new Set(spellings)];
}
