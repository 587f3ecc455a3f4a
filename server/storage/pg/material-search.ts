import { eq, or, type SQL, sql } from 'drizzle-orm';
import { canonicalUrl, isTaggableUrl } from '#shared/url-key';
import { materials } from '../../db/pg-schema';
import type { PgDb } from './handles';

/**
 * A URL finds its material whatever form it was given in (by the unique index of URL keys); any
 * other text is a substring of the title or URL in any letter case, as on SQLite. Case is folded
 * with ICU's root collation, the expression the trigram indexes of migration
 * 0001_materials_search are built on, so a text of three or more characters is found through them.
 */
export async function materialSearch(db: PgDb, q: string): Promise<SQL> {
  const key = isTaggableUrl(q) ? canonicalUrl(q) : undefined;
  if (key) {
    const [found] = await db
      .select({ id: materials.id })
      .from(materials)
      .where(eq(materials.urlKey, key));
    if (found) return eq(materials.urlKey, key);
  }
  // NUL is no text anyone types, and PostgreSQL text cannot hold it.
  const text = q.replaceAll('\0', '');
  if (text === '') return sql`false`;
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return or(folded(sql`${materials.title}`, pattern), folded(sql`${materials.url}`, pattern))!;
}

function folded(column: SQL, pattern: string): SQL {
  return sql`lower(${column} COLLATE "und-x-icu") LIKE lower(${pattern} COLLATE "und-x-icu")`;
}
