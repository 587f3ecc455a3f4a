import { z } from 'zod';
import { consentRequestSchema } from './policy';
import { sha256HexSchema } from './report';

/** How a consent was given: on the registration form, in the extension or on the site. */
export const CONSENT_METHODS = ['registration', 'extension', 'site'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** `POST /api/consent`: the request of api.md plus where it was given (the extension by default). */
export const consentSubmissionSchema = consentRequestSchema.extend({
  method: z.enum(['extension', 'site']).optional(),
});
export type ConsentSubmission = z.infer<typeof consentSubmissionSchema>;

/** A consent record as its owner sees it. */
export const consentRecordSchema = z.object({
  action: z.enum(['given', 'withdrawn']),
  policyVersion: z.string(),
  scopes: z.object({ processing: z.boolean(), thirdPartyTransfer: z.boolean() }),
  at: z.iso.datetime(),
  method: z.string(),
});
export type ConsentRecord = z.infer<typeof consentRecordSchema>;

export const policyVersionSummarySchema = z.object({
  version: z.string(),
  publishedAt: z.iso.datetime(),
  sha256: sha256HexSchema,
});

export const policyVersionsResponseSchema = z.object({
  versions: z.array(policyVersionSummarySchema),
});

/** `DELETE /api/consent?method=`: where the withdrawal was made (the extension by default). */
export const consentWithdrawalQuerySchema = z.object({
  method: z.enum(['extension', 'site']).default('extension'),
});
