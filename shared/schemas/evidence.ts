import { z } from 'zod';
import { evidenceSchema } from './report';

/** The media types an evidence screenshot may have (checked by content too). */
export const EVIDENCE_MIME_TYPES = ['image/png', 'image/jpeg'] as const;

/** The answer to an evidence upload: what the server now holds under that hash. */
export const evidenceUploadResponseSchema = evidenceSchema;
export type EvidenceUploadResponse = z.infer<typeof evidenceUploadResponseSchema>;

/** The path parameter of an evidence upload. */
export const evidenceParamsSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex SHA-256'),
});
