import { z } from 'zod';
import { REVIEW_STATUS_CODES } from '../review-status';

/** Another material as a relation names it. */
export const materialRefSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  title: z.string(),
  status: z.enum(REVIEW_STATUS_CODES),
  /** The registrable domain of its URL (Public Suffix List), or its host when it has none. */
  registrableDomain: z.string().nullable(),
});
export type MaterialRef = z.infer<typeof materialRefSchema>;

/**
 * A material whose content is the same (`same_content`: an evidence file's or a re-check body's
 * SHA-256 is equal) or nearly the same (`near_same_text`: the visible texts' estimated similarity
 * reaches the threshold) as this one's.
 */
export const contentRelationSchema = materialRefSchema.extend({
  signal: z.enum(['same_content', 'near_same_text']),
  similarity: z.number().min(0).max(1),
});
export type ContentRelationView = z.infer<typeof contentRelationSchema>;

/** How a material relates to others: by site, by content, as a mirror, as a duplicate. */
export const materialRelationsSchema = z.object({
  registrableDomain: z.string().nullable(),
  /** The material sent for blocking or blocked whose content this one repeated when it arrived. */
  possibleMirrorOf: materialRefSchema.nullable(),
  /** The original a `duplicate` decision named. */
  duplicateOf: materialRefSchema.nullable(),
  /** The materials decided to be duplicates of this one. */
  duplicates: z.array(materialRefSchema),
  /** Same or nearly the same content, the closest first. */
  sameContent: z.array(contentRelationSchema),
  /** Other materials of the same registrable domain, the newest first (at most 50). */
  sameSite: z.array(materialRefSchema),
});
export type MaterialRelations = z.infer<typeof materialRelationsSchema>;
