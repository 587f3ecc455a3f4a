import { z } from 'zod';
import { registrationFieldsSchema } from './account';
import { sha256HexSchema } from './report';

/** What a document confirms: the user's authority (registration) or that they represent a person. */
export const DOCUMENT_KINDS = ['authorization', 'representation'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** The only file types accepted, decided by the file's content, never by its name or label. */
export const DOCUMENT_MIME_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type DocumentMime = (typeof DOCUMENT_MIME_TYPES)[number];

export const DOCUMENT_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  minRegistrationFiles: 1,
  maxRegistrationFiles: 5,
  originalNameLength: 200,
} as const;

/** What the API tells of a stored document: metadata only, never its content. */
export const documentMetadataSchema = z.object({
  id: z.uuid(),
  kind: z.enum(DOCUMENT_KINDS),
  status: z.enum(DOCUMENT_STATUSES),
  mime: z.enum(DOCUMENT_MIME_TYPES),
  bytes: z.number().int().positive(),
  sha256: sha256HexSchema,
  originalName: z.string(),
  createdAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
});
export type DocumentMetadata = z.infer<typeof documentMetadataSchema>;

export const myDocumentsResponseSchema = z.object({ documents: z.array(documentMetadataSchema) });

const documentFileSchema = z
  .file()
  .max(DOCUMENT_LIMITS.maxBytes)
  .mime([...DOCUMENT_MIME_TYPES]);

/** The text fields of the registration form: the account fields plus the optional transfer scope. */
export const registrationFormSchema = registrationFieldsSchema.extend({
  thirdPartyTransfer: z.enum(['true', 'false']).optional(),
});

/** The whole registration form as documentation shows it (the server checks files by content). */
export const registrationMultipartSchema = registrationFormSchema.extend({
  documents: z
    .array(documentFileSchema)
    .min(DOCUMENT_LIMITS.minRegistrationFiles)
    .max(DOCUMENT_LIMITS.maxRegistrationFiles),
});

/** The form of `POST /api/me/documents`: one representation document (power of attorney). */
export const documentUploadMultipartSchema = z.object({
  kind: z.literal('representation').optional(),
  document: documentFileSchema,
});
