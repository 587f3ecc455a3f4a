import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { materials } from './reports';

/**
 * What a material's content was seen to be: the SHA-256 of an evidence file or of a re-check's
 * body and, when the server had the page's text, its MinHash signature (features/relations), whose
 * bands content_text_bands keeps. Materials sharing a hash are the same content; sharing a band
 * makes them candidates for "nearly the same", decided on the whole signature.
 */
export const materialFingerprints = sqliteTable(
  'material_fingerprints',
  {
    materialId: text('material_id')
      .notNull()
      .references(() => materials.id),
    contentSha256: text('content_sha256').notNull(),
    /** `page_copy` (an evidence file) or `recheck` (a re-check's body). */
    source: text('source').$type<'page_copy' | 'screenshot' | 'recheck'>().notNull(),
    /** The MinHash signature of the text (hex), or null when there was no usable text. */
    signature: text('signature'),
    at: text('at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.materialId, t.contentSha256] }),
    index('material_fingerprints_content_idx').on(t.contentSha256),
  ],
);

/**
 * The locality-sensitive bands of each text signature, by content hash: equal bands find near-same
 * candidates. A content's text, and so its bands, are the same whichever material shows it, so a
 * page copy shared by many reports is banded once rather than once per material.
 */
export const contentTextBands = sqliteTable(
  'content_text_bands',
  {
    contentSha256: text('content_sha256').notNull(),
    band: integer('band').notNull(),
    bandHash: text('band_hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.contentSha256, t.band] }),
    index('content_text_bands_hash_idx').on(t.band, t.bandHash),
  ],
);
