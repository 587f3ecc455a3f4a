import { blockingListQuerySchema, blockingListResponseSchema } from '#shared/schemas/blocking-list';
import type { ErrorCode } from '#shared/schemas/errors';
import { EVIDENCE_MIME_TYPES } from '#shared/schemas/evidence';
import { materialRelationsSchema } from '#shared/schemas/relations';
import {
  decisionRequestSchema,
  decisionResponseSchema,
  materialDetailSchema,
  materialsPageSchema,
  materialsQuerySchema,
} from '#shared/schemas/review';
import { describeRoute } from '../openapi/registry';

const REVIEWERS: ErrorCode[] = ['unauthorized', 'forbidden', 'account_pending', 'account_blocked'];
const tags = ['review'];

describeRoute({
  method: 'get',
  path: '/api/materials',
  summary:
    'The review queue: materials with live reports (withdrawn=true: those whose every report was withdrawn), filtered (reviewers, admins)',
  tags,
  access: 'bearer',
  query: materialsQuerySchema,
  responses: { 200: { description: 'A page of materials.', schema: materialsPageSchema } },
  errors: ['validation_failed', ...REVIEWERS],
});

describeRoute({
  method: 'get',
  path: '/api/materials/export/blocking.csv',
  summary:
    'The blocking list as CSV: materials sent for blocking, blocked or both (`status`) that reached it in the period (`from`, `to`: UTC days), with title, status, topics and legal grounds in words (`lang`), evidence SHA-256 hashes; audited',
  tags,
  access: 'bearer',
  query: blockingListQuerySchema,
  responses: { 200: { description: 'The blocking list.', contentTypes: ['text/csv'] } },
  errors: ['validation_failed', ...REVIEWERS],
});

describeRoute({
  method: 'get',
  path: '/api/materials/export/blocking.json',
  summary:
    'The blocking list as JSON: the same materials and fields as the CSV, codes beside words',
  tags,
  access: 'bearer',
  query: blockingListQuerySchema,
  responses: { 200: { description: 'The blocking list.', schema: blockingListResponseSchema } },
  errors: ['validation_failed', ...REVIEWERS],
});

describeRoute({
  method: 'get',
  path: '/api/materials/:id',
  summary:
    'A material with its live reports, the reports withdrawn from it, their evidence and its review history',
  tags,
  access: 'bearer',
  responses: { 200: { description: 'The material.', schema: materialDetailSchema } },
  errors: ['not_found', ...REVIEWERS],
});

describeRoute({
  method: 'post',
  path: '/api/materials/:id/decision',
  summary:
    'Move a material along the review workflow, with an internal comment and an optional one for the reporters; a duplicate names its original (`duplicateOf`: another material, not itself a duplicate); conflict if it moved since',
  tags,
  access: 'bearer',
  body: { json: decisionRequestSchema },
  responses: { 200: { description: 'The material now.', schema: decisionResponseSchema } },
  errors: [
    'validation_failed',
    'not_found',
    'conflict',
    'unsupported_media_type',
    'consent_required',
    ...REVIEWERS,
  ],
});

describeRoute({
  method: 'get',
  path: '/api/evidence/:sha256',
  summary:
    'An evidence file (reviewers, admins): an image inline with the type it was stored as; a page copy (MHTML or HTML) only as an attachment (application/octet-stream, nosniff, sandboxed)',
  tags,
  access: 'bearer',
  responses: {
    200: {
      description: 'The file, byte for byte.',
      contentTypes: [...EVIDENCE_MIME_TYPES, 'application/octet-stream'],
    },
  },
  errors: ['validation_failed', 'not_found', ...REVIEWERS],
});

describeRoute({
  method: 'get',
  path: '/api/materials/:id/evidence-package',
  summary:
    'The evidence package of a material (reviewers, admins): a ZIP of manifest.json, evidence/<sha256>.<ext>, timestamps/<sha256>.tsr (DER TimeStampResp) with timestamps/tsa-chain.pem, custody.jsonl (the hash-chained custody log), SHA256SUMS and README.html (how to verify it with sha256sum and openssl ts -verify, in ru, kk and en). Downloading it is recorded in the custody log.',
  tags,
  access: 'bearer',
  responses: { 200: { description: 'The package.', contentTypes: ['application/zip'] } },
  errors: ['not_found', ...REVIEWERS],
});

describeRoute({
  method: 'get',
  path: '/api/materials/:id/related',
  summary:
    'How a material relates to others: its registrable domain and the other materials of that site, materials with the same content (an equal evidence file or re-check body SHA-256) or nearly the same text (MinHash similarity ≥ 0.6), the material sent for blocking or blocked it was flagged as a possible mirror of on arrival, its original if it is a duplicate, and its duplicates (reviewers, admins)',
  tags,
  access: 'bearer',
  responses: { 200: { description: 'The relations.', schema: materialRelationsSchema } },
  errors: ['not_found', ...REVIEWERS],
});
