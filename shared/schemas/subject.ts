import { z } from 'zod';
import { REVIEW_STATUS_CODES } from '../review-status';
import { accountProfileSchema } from './account';
import { auditEventSchema } from './audit';
import { consentRecordSchema } from './consent';
import { RECIPIENT_TYPES } from './disclosures';
import { documentMetadataSchema } from './documents';
import { reviewReportSchema } from './review';

/** A report as its author gets it back in a data export: deleted ones too, since they are kept. */
export const subjectReportSchema = reviewReportSchema.omit({ reporter: true }).extend({
  materialId: z.uuid(),
  status: z.enum(REVIEW_STATUS_CODES),
  deletedAt: z.iso.datetime().nullable(),
});

/** Everything the server holds about the caller (`GET /api/me/data`). */
export const subjectDataSchema = z.object({
  exportedAt: z.iso.datetime(),
  profile: accountProfileSchema.extend({ closedAt: z.iso.datetime().nullable() }),
  consents: z.array(
    consentRecordSchema.extend({ ip: z.string().nullable(), userAgent: z.string().nullable() }),
  ),
  documents: z.array(documentMetadataSchema),
  sessions: z.array(
    z.object({
      deviceName: z.string().nullable(),
      createdAt: z.iso.datetime(),
      expiresAt: z.iso.datetime(),
      revokedAt: z.iso.datetime().nullable(),
      lastUsedAt: z.iso.datetime().nullable(),
    }),
  ),
  reports: z.array(subjectReportSchema),
  /** Events the caller did, or that were about their account or documents. */
  auditEvents: z.array(auditEventSchema),
  /** Disclosures that included the caller's reports; `identified` if their identity went too. */
  disclosures: z.array(
    z.object({
      id: z.uuid(),
      recipient: z.string(),
      recipientType: z.enum(RECIPIENT_TYPES),
      basis: z.string(),
      requestNumber: z.string(),
      requestDate: z.iso.date(),
      createdAt: z.iso.datetime(),
      identified: z.boolean(),
      reports: z.number().int().nonnegative(),
    }),
  ),
});
export type SubjectData = z.infer<typeof subjectDataSchema>;

/** `DELETE /api/me`: the account is closed now; its personal data is destroyed after the date. */
export const accountClosureSchema = z.object({
  userId: z.uuid(),
  status: z.literal('closed'),
  closedAt: z.iso.datetime(),
  personalDataDestroyedAfter: z.iso.datetime(),
});
export type AccountClosure = z.infer<typeof accountClosureSchema>;
