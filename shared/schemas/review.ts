import { z } from 'zod';
import { legalGroundChoiceSchema, STATUSES_WITH_LEGAL_GROUND } from '../legal-grounds';
import { PERSONAL_DATA_KINDS } from '../personal-data/types';
import { REVIEW_STATUS_CODES } from '../review-status';
import { KZ_REGION_CODES, LANGUAGE_CODES, RESOURCE_TYPE_CODES, TOPIC_CODES } from '../taxonomy';
import { timestampStatusSchema } from './evidence';
import {
  captureSchema,
  evidenceFileSchema,
  evidenceSchema,
  personalDataBasisSchema,
  reportFieldsSchema,
} from './report';

export const MATERIALS_PAGE = { default: 50, max: 200 } as const;
export const DECISION_COMMENT_LENGTH = 2000;
export const SEARCH_LENGTH = 200;
/** The columns the queue sorts by. */
export const QUEUE_SORTS = ['reported', 'updated', 'reports', 'status', 'title'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

/** The filters of the reviewers' queue; `q` finds a URL (any form of it) or text in URLs and titles. */
export const materialsQuerySchema = z.object({
  status: z.enum(REVIEW_STATUS_CODES).optional(),
  topic: z.enum(TOPIC_CODES).optional(),
  language: z.enum(LANGUAGE_CODES).optional(),
  region: z.enum(KZ_REGION_CODES).optional(),
  q: z.string().trim().min(1).max(SEARCH_LENGTH).optional(),
  /** Only the materials of one registrable domain (`example.co.uk`): one site together. */
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .min(1)
    .max(253)
    .regex(/^[^\s/?#@]+$/)
    .optional(),
  /** `true`: only the materials flagged as possible mirrors of a material sent for blocking or blocked. */
  mirror: z.enum(['true', 'false']).optional(),
  /** `true`: only the materials whose every report was withdrawn by its reporter (otherwise left out). */
  withdrawn: z.enum(['true', 'false']).optional(),
  /** `newest` (default) lists the most recently first reported materials first. */
  order: z.enum(['newest', 'oldest']).default('newest'),
  /**
   * Sorts by another column instead (`order` then no longer applies), ties by when first
   * reported: `updated` (last status change), `reports` (live ones), `status`, `title`, `reported`.
   */
  sort: z.enum(QUEUE_SORTS).optional(),
  /** The direction of `sort`: `desc` (default) or `asc`. */
  dir: z.enum(['asc', 'desc']).optional(),
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(MATERIALS_PAGE.max).default(MATERIALS_PAGE.default),
});
export type MaterialsQuery = z.infer<typeof materialsQuerySchema>;

/** A reviewer working on a material; `version` goes back as `expectedVersion` to assign or release. */
export const materialClaimSchema = z.object({
  userId: z.uuid(),
  /** The holder's full name; null once their account was closed. */
  name: z.string().nullable(),
  since: z.iso.datetime(),
  /** Who assigned it, when not the holder themselves. */
  assignedBy: z.uuid().nullable(),
  version: z.number().int().positive(),
});
export type MaterialClaim = z.infer<typeof materialClaimSchema>;

/** A material as the queue shows it: what its live reports say, aggregated. */
export const materialSummarySchema = z.object({
  id: z.uuid(),
  urlKey: z.string(),
  url: z.string(),
  title: z.string(),
  status: z.enum(REVIEW_STATUS_CODES),
  /** Send it back as `expectedVersion` with a decision. */
  version: z.number().int().positive(),
  reportCount: z.number().int().nonnegative(),
  /** Reports their reporters withdrew; a material with only these is `withdrawn`. */
  withdrawnReportCount: z.number().int().nonnegative(),
  /** True when every report of the material was withdrawn: it stays findable, marked so. */
  withdrawn: z.boolean(),
  reporterCount: z.number().int().nonnegative(),
  topics: z.array(z.enum(TOPIC_CODES)),
  languages: z.array(z.enum(LANGUAGE_CODES)),
  regions: z.array(z.enum(KZ_REGION_CODES)),
  resourceTypes: z.array(z.enum(RESOURCE_TYPE_CODES)),
  evidence: z.array(evidenceSchema),
  firstReportedAt: z.iso.datetime(),
  lastReportedAt: z.iso.datetime(),
  /** When the status last changed (or the material was created). */
  updatedAt: z.iso.datetime(),
  /** Who works on it (claimed, or assigned by someone else), since when; null when nobody. */
  claim: materialClaimSchema.nullable(),
  /** The registrable domain of its URL (Public Suffix List), or its host when it has none. */
  registrableDomain: z.string().nullable(),
  /** Set when its content repeated a material sent for blocking or blocked as it arrived. */
  possibleMirrorOf: z.uuid().nullable(),
  /** The original a `duplicate` decision named. */
  duplicateOf: z.uuid().nullable(),
});
export type MaterialSummary = z.infer<typeof materialSummarySchema>;

export const materialsPageSchema = z.object({
  materials: z.array(materialSummarySchema),
  /** Pass it back as `cursor` for the next page; null when the page is empty. */
  cursor: z.string().nullable(),
  hasMore: z.boolean(),
});
export type MaterialsPage = z.infer<typeof materialsPageSchema>;

/** A report as reviewers see it: the reporter only by id and organization. */
export const reviewReportSchema = reportFieldsSchema.extend({
  evidence: evidenceSchema.nullable(),
  files: z.array(evidenceFileSchema),
  capture: captureSchema.nullable(),
  personalDataBasis: personalDataBasisSchema.nullable(),
  personalDataKinds: z.array(z.enum(PERSONAL_DATA_KINDS)),
  version: z.number().int().positive(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  reporter: z.object({
    id: z.uuid(),
    /** Null once the reporter closed their account. */
    organization: z.string().nullable(),
  }),
});
export type ReviewReport = z.infer<typeof reviewReportSchema>;

export const statusChangeSchema = z.object({
  fromStatus: z.enum(REVIEW_STATUS_CODES),
  toStatus: z.enum(REVIEW_STATUS_CODES),
  at: z.iso.datetime(),
  byUserId: z.uuid().nullable(),
  /** The reviewer's full name; null for the system or once their account was closed. */
  byName: z.string().nullable(),
  /** The internal comment, for reviewers. */
  comment: z.string(),
  /** Present when the decision cited one. */
  legalGround: legalGroundChoiceSchema.optional(),
  /** The comment for the reporters (pulled with their reports); '' when none was given. */
  reporterComment: z.string(),
});
export type StatusChangeView = z.infer<typeof statusChangeSchema>;

/**
 * An evidence file referenced by a material's reports; `uploaded` once its bytes are on the
 * server (their hash checked), `timestamp` says whether a time-stamp authority vouches for it.
 */
export const evidenceItemSchema = z.object({
  sha256: evidenceFileSchema.shape.sha256,
  mime: evidenceFileSchema.shape.mime,
  bytes: z.number().int().positive(),
  kind: evidenceFileSchema.shape.kind,
  uploaded: z.boolean(),
  reportIds: z.array(z.uuid()),
  timestamp: timestampStatusSchema,
});
export type EvidenceItem = z.infer<typeof evidenceItemSchema>;

/** A report its reporter withdrew (deleted while the material was still open to them). */
export const withdrawnReportSchema = z.object({
  id: z.uuid(),
  reporter: reviewReportSchema.shape.reporter,
  createdAt: z.iso.datetime(),
  withdrawnAt: z.iso.datetime(),
});
export type WithdrawnReport = z.infer<typeof withdrawnReportSchema>;

export const materialDetailSchema = z.object({
  material: materialSummarySchema,
  reports: z.array(reviewReportSchema),
  withdrawnReports: z.array(withdrawnReportSchema),
  evidence: z.array(evidenceItemSchema),
  history: z.array(statusChangeSchema),
});
export type MaterialDetail = z.infer<typeof materialDetailSchema>;

/**
 * A reviewer's decision. Every step but taking a material into review needs a reason: it is
 * what the history shows when a blocking is questioned.
 */
export const decisionRequestSchema = z
  .object({
    status: z.enum(REVIEW_STATUS_CODES),
    /** The internal comment, for reviewers. */
    comment: z.string().trim().max(DECISION_COMMENT_LENGTH),
    /** A comment for the material's reporters, shown on their reports (optional). */
    reporterComment: z.string().trim().max(DECISION_COMMENT_LENGTH).optional(),
    expectedVersion: z.number().int().positive(),
    /** The law the decision rests on: only on confirming or sending for blocking. */
    legalGround: legalGroundChoiceSchema.optional(),
    /** The original material: required with `duplicate`, refused with any other status. */
    duplicateOf: z.uuid().optional(),
  })
  .strict()
  .refine((d) => (d.status === 'duplicate') === (d.duplicateOf !== undefined), {
    message: 'a duplicate names its original (duplicateOf), and only a duplicate does',
    path: ['duplicateOf'],
  })
  .refine((d) => d.status === 'under_review' || d.comment.length > 0, {
    message: 'give the reason for the decision',
    path: ['comment'],
  })
  .refine(
    (d) =>
      d.legalGround === undefined ||
      (STATUSES_WITH_LEGAL_GROUND as readonly string[]).includes(d.status),
    {
      message: 'only a decision to confirm or send for blocking cites a legal ground',
      path: ['legalGround'],
    },
  );
export type DecisionRequest = z.infer<typeof decisionRequestSchema>;

export const decisionResponseSchema = z.object({ material: materialSummarySchema });

export const materialParamsSchema = z.object({ id: z.uuid() });
