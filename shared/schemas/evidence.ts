import { z } from 'zod';
import { EVIDENCE_FILE_MIME_TYPES, IMAGE_MIME_TYPES, sha256HexSchema } from './report';

/** The media types an evidence screenshot may have (checked by content too). */
export const EVIDENCE_MIME_TYPES = IMAGE_MIME_TYPES;

/** The answer to an evidence upload: what the server now holds under that hash. */
export const evidenceUploadResponseSchema = z.object({
  sha256: sha256HexSchema,
  mime: z.enum(EVIDENCE_FILE_MIME_TYPES),
  bytes: z.number().int().positive(),
});
export type EvidenceUploadResponse = z.infer<typeof evidenceUploadResponseSchema>;

/** The path parameter of an evidence upload. */
export const evidenceParamsSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex SHA-256'),
});

/**
 * Where a file's RFC 3161 time-stamp stands: `stamped` (token verified and kept), `pending` (the
 * time-stamp authority has not answered yet; retried), `not_configured` (no authority is set).
 */
export const TIMESTAMP_STATES = ['stamped', 'pending', 'not_configured'] as const;
export type TimestampState = (typeof TIMESTAMP_STATES)[number];

export const timestampStatusSchema = z.object({
  state: z.enum(TIMESTAMP_STATES),
  /** The time the authority vouches for (TSTInfo genTime). */
  genTime: z.iso.datetime().nullable(),
  attempts: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
});
export type TimestampStatus = z.infer<typeof timestampStatusSchema>;

/** One event of a material's custody log, as api.md defines it (plus what the event is about). */
export const custodyEventSchema = z
  .object({
    seq: z.number().int().positive(),
    at: z.iso.datetime(),
    type: z.string(),
    prevHash: sha256HexSchema,
    hash: sha256HexSchema,
  })
  .catchall(z.unknown());
export type CustodyEvent = z.infer<typeof custodyEventSchema>;
