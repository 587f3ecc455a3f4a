import { z } from 'zod';
import { PERSONAL_DATA_KINDS } from '../personal-data/types';
import { REVIEW_STATUS_CODES } from '../review-status';
import {
  AVAILABILITY_CODES,
  KZ_REGION_CODES,
  LANGUAGE_CODES,
  OPENNESS_CODES,
  REPORT_SOURCE_CODES,
  RESOURCE_TYPE_CODES,
  TOPIC_CODES,
} from '../taxonomy';
import { isTaggableUrl } from '../url-key';

export const LIMITS = {
  urlLength: 2048,
  titleLength: 500,
  noteLength: 2000,
  localityLength: 100,
  maxLanguages: 5,
  maxTopics: 5,
  /** An evidence image (screenshot). */
  evidenceBytes: 10 * 1024 * 1024,
  /** A copy of the page (MHTML or a self-contained HTML snapshot). */
  pageCopyBytes: 30 * 1024 * 1024,
  /** Evidence files one report may list. */
  maxEvidenceFiles: 10,
  captureTextLength: 200,
} as const;

const uniqueItems = <T>(items: T[]) => new Set(items).size === items.length;

export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex SHA-256');

export const geographySchema = z
  .discriminatedUnion('indicated', [
    z.object({ indicated: z.literal(false) }).strict(),
    z
      .object({
        indicated: z.literal(true),
        country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code'),
        region: z.enum(KZ_REGION_CODES).optional(),
        locality: z.string().trim().min(1).max(LIMITS.localityLength).optional(),
      })
      .strict(),
  ])
  .refine((g) => !g.indicated || g.region === undefined || g.country === 'KZ', {
    message: 'a region is only given with country KZ',
    path: ['region'],
  });
export type Geography = z.infer<typeof geographySchema>;

export const evidenceSchema = z
  .object({
    sha256: sha256HexSchema,
    mime: z.enum(['image/png', 'image/jpeg']),
    bytes: z.number().int().positive().max(LIMITS.evidenceBytes),
  })
  .strict();
export type Evidence = z.infer<typeof evidenceSchema>;

/** The media types of evidence images, and of copies of a page (checked by content too). */
export const IMAGE_MIME_TYPES = ['image/png', 'image/jpeg'] as const;
export const PAGE_COPY_MIME_TYPES = ['multipart/related', 'text/html'] as const;
export const EVIDENCE_FILE_MIME_TYPES = [...IMAGE_MIME_TYPES, ...PAGE_COPY_MIME_TYPES] as const;
export type EvidenceFileMime = (typeof EVIDENCE_FILE_MIME_TYPES)[number];

/** The largest file of a media type the server keeps as evidence. */
export const evidenceByteLimit = (mime: EvidenceFileMime): number =>
  (PAGE_COPY_MIME_TYPES as readonly string[]).includes(mime)
    ? LIMITS.pageCopyBytes
    : LIMITS.evidenceBytes;

/**
 * One file of a report's evidence: a screenshot (PNG, JPEG) or a copy of the page as rendered
 * (MHTML as `multipart/related`, or a self-contained `text/html` snapshot).
 */
export const evidenceFileSchema = z
  .object({
    sha256: sha256HexSchema,
    mime: z.enum(EVIDENCE_FILE_MIME_TYPES),
    bytes: z.number().int().positive().max(LIMITS.pageCopyBytes),
    kind: z.enum(['screenshot', 'page_copy']),
    /** A screenshot of the whole page rather than of the visible part only. */
    fullPage: z.boolean().optional(),
  })
  .strict()
  .refine((f) => f.bytes <= evidenceByteLimit(f.mime), {
    message: 'the file is larger than its type allows',
    path: ['bytes'],
  })
  .refine((f) => (f.kind === 'screenshot') === f.mime.startsWith('image/'), {
    message: 'a screenshot is an image, a page copy is MHTML or HTML',
    path: ['kind'],
  });
export type EvidenceFile = z.infer<typeof evidenceFileSchema>;

const captureText = z.string().max(LIMITS.captureTextLength);

/** What the browser recorded when it captured the evidence of a report. */
export const captureSchema = z
  .object({
    url: z.string().max(LIMITS.urlLength),
    /** Where the tab was when captured, after any redirects. */
    finalUrl: z.string().max(LIMITS.urlLength),
    title: z.string().max(LIMITS.titleLength),
    capturedAt: z.iso.datetime({ offset: true }),
    browser: z.object({ name: captureText, version: captureText }).strict(),
    viewport: z
      .object({
        width: z.number().int().positive().max(100_000),
        height: z.number().int().positive().max(100_000),
      })
      .strict(),
    extensionVersion: captureText,
  })
  .strict();
export type Capture = z.infer<typeof captureSchema>;

export const personalDataBasisSchema = z
  .object({ kind: z.literal('representation'), documentId: z.uuid() })
  .strict();

/**
 * A report's own fields, the one list of them: as the server shows them back (review, disclosure,
 * a subject's export) they are what the analyst sent, so only their types are restated here;
 * `reportInputSchema` narrows them to what the extension may send.
 */
export const reportFieldsSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  title: z.string(),
  source: z.enum(REPORT_SOURCE_CODES),
  resourceType: z.enum(RESOURCE_TYPE_CODES),
  languages: z.array(z.enum(LANGUAGE_CODES)),
  geography: geographySchema,
  openness: z.enum(OPENNESS_CODES),
  availability: z.enum(AVAILABILITY_CODES),
  topics: z.array(z.enum(TOPIC_CODES)),
  note: z.string(),
  capturedAt: z.string(),
});
export type ReportFields = z.infer<typeof reportFieldsSchema>;

/** A report as the analyst's extension sends it. */
export const reportInputSchema = reportFieldsSchema
  .extend({
    url: z.string().trim().max(LIMITS.urlLength).refine(isTaggableUrl, 'an http(s) URL'),
    title: z.string().max(LIMITS.titleLength),
    languages: z
      .array(z.enum(LANGUAGE_CODES))
      .min(1)
      .max(LIMITS.maxLanguages)
      .refine(uniqueItems, 'no repeated languages')
      .refine((l) => !l.includes('und') || l.length === 1, '`und` alone only'),
    topics: z
      .array(z.enum(TOPIC_CODES))
      .min(1)
      .max(LIMITS.maxTopics)
      .refine(uniqueItems, 'no repeated topics'),
    note: z.string().max(LIMITS.noteLength),
    capturedAt: z.iso.datetime({ offset: true }),
    /** The single screenshot of earlier extensions; still accepted. */
    evidence: evidenceSchema.optional(),
    /** Every evidence file of the report (screenshots and page copies), uploaded separately. */
    files: z
      .array(evidenceFileSchema)
      .max(LIMITS.maxEvidenceFiles)
      .refine((files) => uniqueItems(files.map((f) => f.sha256)), 'no repeated files')
      .optional(),
    capture: captureSchema.optional(),
    personalDataBasis: personalDataBasisSchema.optional(),
  })
  .strict();
export type ReportInput = z.infer<typeof reportInputSchema>;

/** A report as the server holds it and sends it back through pull. */
export const storedReportSchema = reportInputSchema.extend({
  userId: z.uuid(),
  urlKey: z.string(),
  status: z.enum(REVIEW_STATUS_CODES),
  version: z.number().int().positive(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  personalDataKinds: z.array(z.enum(PERSONAL_DATA_KINDS)).optional(),
  /** What the reviewers said to the reporters with the decision that set `status`, if anything. */
  reporterComment: z.string().optional(),
  deleted: z.literal(false),
});
export type StoredReport = z.infer<typeof storedReportSchema>;

/** What pull says of a report its owner deleted. */
export const deletedReportSchema = z.object({
  id: z.uuid(),
  deleted: z.literal(true),
  version: z.number().int().positive(),
  updatedAt: z.iso.datetime(),
});
export type DeletedReport = z.infer<typeof deletedReportSchema>;

export const reportChangeSchema = z.discriminatedUnion('deleted', [
  storedReportSchema,
  deletedReportSchema,
]);
export type ReportChange = z.infer<typeof reportChangeSchema>;
