import { z } from 'zod';
import { REVIEW_STATUS_CODES } from '../review-status';
import { evidenceSchema, reportFieldsSchema, sha256HexSchema } from './report';

export const DISCLOSURE_LIMITS = { ids: 1000, reports: 10_000 } as const;
export const DISCLOSURES_PAGE = { default: 50, max: 200 } as const;

/**
 * Who receives the data. A state or law-enforcement body on a motivated request may receive
 * reporters' identity; any other third party only that of reporters who consented to transfer.
 */
export const RECIPIENT_TYPES = ['state_body', 'third_party'] as const;
export type RecipientType = (typeof RECIPIENT_TYPES)[number];

/**
 * Which reports are disclosed: those (not deleted) matching every criterion given — of these
 * materials, by these reporters, first received in these days (UTC, both ends included).
 */
export const disclosureScopeSchema = z
  .object({
    materialIds: z.array(z.uuid()).min(1).max(DISCLOSURE_LIMITS.ids).optional(),
    userIds: z.array(z.uuid()).min(1).max(DISCLOSURE_LIMITS.ids).optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
  })
  .strict()
  .refine((s) => s.materialIds || s.userIds || s.from || s.to, {
    message: 'name materials, reporters or a period',
  })
  .refine((s) => !s.from || !s.to || s.from <= s.to, {
    message: 'from must not be after to',
    path: ['from'],
  });
export type DisclosureScope = z.infer<typeof disclosureScopeSchema>;

export const disclosureRequestSchema = z
  .object({
    recipient: z.string().trim().min(2).max(300),
    /** Absent means `third_party`: identity then goes only with the reporter's consent. */
    recipientType: z.enum(RECIPIENT_TYPES).default('third_party'),
    /** The legal basis and motivation of the request. */
    basis: z.string().trim().min(5).max(2000),
    requestNumber: z.string().trim().min(1).max(100),
    requestDate: z.iso.date(),
    scope: disclosureScopeSchema,
    /** Without it every reporter is pseudonymized, whoever the recipient. */
    includeReporterIdentity: z.boolean().default(false),
  })
  .strict();
export type DisclosureRequest = z.infer<typeof disclosureRequestSchema>;

/** The record kept of a disclosure: who asked, on what basis, for what, when, and who gave it. */
export const disclosureRecordSchema = z.object({
  id: z.uuid(),
  recipient: z.string(),
  recipientType: z.enum(RECIPIENT_TYPES),
  basis: z.string(),
  requestNumber: z.string(),
  requestDate: z.iso.date(),
  scope: disclosureScopeSchema,
  includeReporterIdentity: z.boolean(),
  createdAt: z.iso.datetime(),
  createdBy: z.uuid(),
  counts: z.object({
    materials: z.number().int().nonnegative(),
    reports: z.number().int().nonnegative(),
    reporters: z.number().int().nonnegative(),
    identifiedReporters: z.number().int().nonnegative(),
  }),
  /** SHA-256 of the JSON text of the disclosed `data`, so the copy sent can be verified later. */
  dataSha256: sha256HexSchema,
});
export type DisclosureRecord = z.infer<typeof disclosureRecordSchema>;

/** A reporter as disclosed: a reference valid within this disclosure only, and maybe who they are. */
export const disclosedReporterSchema = z.object({
  ref: z.string(),
  identity: z
    .object({
      fullName: z.string(),
      email: z.string(),
      organization: z.string(),
      position: z.string(),
      phone: z.string().nullable(),
    })
    .nullable(),
});

export const disclosedReportSchema = reportFieldsSchema.extend({
  materialId: z.uuid(),
  reporterRef: z.string(),
  /** Empty when withheld: a third party does not receive personal data of represented persons. */
  note: z.string(),
  noteWithheld: z.boolean(),
  createdAt: z.iso.datetime(),
  evidence: evidenceSchema.nullable(),
});

export const disclosedMaterialSchema = z.object({
  id: z.uuid(),
  urlKey: z.string(),
  url: z.string(),
  title: z.string(),
  status: z.enum(REVIEW_STATUS_CODES),
  firstReportedAt: z.iso.datetime(),
  history: z.array(
    z.object({
      fromStatus: z.enum(REVIEW_STATUS_CODES),
      toStatus: z.enum(REVIEW_STATUS_CODES),
      at: z.iso.datetime(),
    }),
  ),
});

export const disclosedDataSchema = z.object({
  materials: z.array(disclosedMaterialSchema),
  reports: z.array(disclosedReportSchema),
  reporters: z.array(disclosedReporterSchema),
});
export type DisclosedData = z.infer<typeof disclosedDataSchema>;

export const disclosureResponseSchema = z.object({
  disclosure: disclosureRecordSchema,
  data: disclosedDataSchema,
});

export const disclosuresQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(DISCLOSURES_PAGE.max).default(DISCLOSURES_PAGE.default),
});

/** Disclosure records, newest first. */
export const disclosuresPageSchema = z.object({
  disclosures: z.array(disclosureRecordSchema),
  cursor: z.string().nullable(),
  hasMore: z.boolean(),
});
