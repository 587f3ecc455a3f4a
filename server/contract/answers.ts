import { z } from 'zod';

// The answers of the HTTP API as api.md writes them, declared here from the contract itself (not
// imported from shared/), so that a drift of the server's own schemas away from api.md shows.

const iso = z.iso.datetime();
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const ROLES = ['analyst', 'reviewer', 'admin'] as const;
export const REVIEW_STATUSES = [
  'submitted',
  'under_review',
  'confirmed',
  'rejected',
  'duplicate',
  'sent_for_blocking',
  'blocked',
  'restored',
] as const;

export const errorAnswer = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().min(1),
    details: z.unknown().optional(),
  }),
});

export const healthAnswer = z.object({ ok: z.literal(true) });

export const registeredAnswer = z.object({ userId: z.uuid(), status: z.literal('pending') });

export const loginAnswer = z.object({
  token: z.string().min(20),
  expiresAt: iso,
  user: z.object({ id: z.uuid(), role: z.enum(ROLES), status: z.string() }),
});

export const meAnswer = z.object({
  user: z.object({
    id: z.uuid(),
    email: z.string(),
    fullName: z.string(),
    role: z.enum(ROLES),
    status: z.string(),
  }),
  consent: z.object({ current: z.boolean(), policyVersion: z.string() }),
});

export const policyAnswer = z.object({
  version: z.string().min(1),
  publishedAt: iso,
  sha256: sha256Hex,
  text: z.object({ ru: z.string().min(1), kk: z.string().min(1), en: z.string().min(1) }),
});

const finding = z.object({
  kind: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
});

/** A report as the server sends it back: what was pushed plus the fields the server adds. */
export const storedReport = z.object({
  id: z.uuid(),
  url: z.string(),
  title: z.string(),
  source: z.enum(['page', 'link', 'selection']),
  resourceType: z.string(),
  languages: z.array(z.string()).min(1),
  geography: z.object({ indicated: z.boolean() }),
  openness: z.string(),
  availability: z.string(),
  topics: z.array(z.string()).min(1),
  note: z.string(),
  capturedAt: z.string(),
  urlKey: z.string().min(1),
  status: z.enum(REVIEW_STATUSES),
  version: z.number().int().positive(),
  createdAt: iso,
  updatedAt: iso,
  userId: z.uuid(),
});
export type StoredReport = z.infer<typeof storedReport>;

export const pushAnswer = z.object({
  results: z.array(
    z.object({
      id: z.uuid(),
      status: z.enum(['applied', 'duplicate', 'rejected']),
      code: z.string().optional(),
      findings: z.array(finding).optional(),
      report: storedReport.optional(),
    }),
  ),
});

const deletedReport = z.object({ id: z.uuid(), deleted: z.literal(true) });

export const pullAnswer = z.object({
  changes: z.array(z.union([deletedReport, storedReport])),
  cursor: z.string(),
  hasMore: z.boolean(),
});

export const knownUrlsAnswer = z.object({
  hashes: z.array(z.string()),
  cursor: z.string(),
  hasMore: z.boolean(),
});

const material = z.object({
  id: z.uuid(),
  urlKey: z.string(),
  status: z.enum(REVIEW_STATUSES),
  version: z.number().int().positive(),
  reportCount: z.number().int().nonnegative(),
});

export const materialsAnswer = z.object({
  materials: z.array(material),
  cursor: z.string().nullable(),
  hasMore: z.boolean(),
});

export const materialDetailAnswer = z.object({
  material,
  reports: z.array(
    z.object({ id: z.uuid(), url: z.string(), topics: z.array(z.string()), note: z.string() }),
  ),
  history: z.array(
    z.object({
      fromStatus: z.enum(REVIEW_STATUSES),
      toStatus: z.enum(REVIEW_STATUSES),
      at: iso,
      comment: z.string(),
    }),
  ),
});

export const statsAnswer = z.object({
  buckets: z.array(z.object({ key: z.string(), count: z.number().int().nonnegative() })),
});

const documentMetadata = z.object({
  id: z.uuid(),
  mime: z.enum(['application/pdf', 'image/png', 'image/jpeg']),
  bytes: z.number().int().positive(),
});

export const adminUsersAnswer = z.object({
  users: z.array(
    z.object({
      id: z.uuid(),
      email: z.string(),
      fullName: z.string(),
      role: z.enum(ROLES),
      status: z.string(),
      documents: z.array(documentMetadata),
    }),
  ),
});

export const disclosureAnswer = z.object({
  disclosure: z.object({ id: z.uuid() }),
  data: z.object({
    materials: z.array(z.object({ id: z.uuid() })),
    reports: z.array(z.object({ id: z.uuid(), materialId: z.uuid(), url: z.string() })),
  }),
});

export const auditAnswer = z.object({
  events: z.array(z.object({ id: z.number().int(), at: iso, action: z.string().min(1) })),
  cursor: z.string().nullable(),
  hasMore: z.boolean(),
});

export const subjectDataAnswer = z.object({
  profile: z.object({ id: z.uuid(), email: z.string(), fullName: z.string() }),
  consents: z.array(z.object({ policyVersion: z.string(), at: iso })),
  documents: z.array(documentMetadata),
  reports: z.array(z.object({ id: z.uuid(), url: z.string() })),
  disclosures: z.array(z.object({ id: z.uuid(), recipient: z.string() })),
});

/** The opening of an OpenAPI 3 document: enough to list its operations. */
export const openApiAnswer = z.object({
  openapi: z.string().regex(/^3\.\d+\.\d+$/),
  info: z.object({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});
