import { evidenceUploadResponseSchema } from '#shared/schemas/evidence';
import { EVIDENCE_FILE_MIME_TYPES } from '#shared/schemas/report';
import {
  knownUrlsQuerySchema,
  knownUrlsResponseSchema,
  pullQuerySchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
} from '#shared/schemas/sync';
import { describeRoute } from '../openapi/registry';

const SIGNED_IN = ['unauthorized', 'account_pending', 'account_blocked'] as const;

describeRoute({
  method: 'post',
  path: '/api/sync/push',
  summary:
    'Push a batch of report mutations (analysts); each is answered on its own. A whole-request 403 forbidden, account_pending or account_blocked is permanent for the account: retrying cannot help',
  tags: ['sync'],
  access: 'bearer',
  body: { json: pushRequestSchema },
  responses: {
    200: { description: 'One result per mutation, in order.', schema: pushResponseSchema },
  },
  errors: [
    'validation_failed',
    ...SIGNED_IN,
    'forbidden',
    'consent_required',
    'payload_too_large',
    'unsupported_media_type',
  ],
});

describeRoute({
  method: 'get',
  path: '/api/sync/pull',
  summary: "The caller's reports changed since the cursor, in change order (analysts)",
  tags: ['sync'],
  access: 'bearer',
  query: pullQuerySchema,
  responses: { 200: { description: 'A page of changes.', schema: pullResponseSchema } },
  errors: ['validation_failed', ...SIGNED_IN, 'forbidden'],
});

describeRoute({
  method: 'get',
  path: '/api/known-urls',
  summary: 'URL key hashes of every material, in creation order (analysts)',
  tags: ['sync'],
  access: 'bearer',
  query: knownUrlsQuerySchema,
  responses: { 200: { description: 'A page of hashes.', schema: knownUrlsResponseSchema } },
  errors: ['validation_failed', 'forbidden', ...SIGNED_IN],
});

describeRoute({
  method: 'put',
  path: '/api/evidence/:sha256',
  summary:
    'Upload an evidence file under its SHA-256 (analysts): a PNG or JPEG screenshot up to 10 MiB, or a copy of the page — MHTML (multipart/related) or HTML — up to 30 MiB. The type is judged by content and must match the declared one; the hash is checked. Once stored, the file is time-stamped (RFC 3161) when an authority is configured, and recorded in the custody log of every material whose reports list it.',
  tags: ['sync'],
  access: 'bearer',
  body: { binary: EVIDENCE_FILE_MIME_TYPES },
  responses: {
    200: { description: 'Already held.', schema: evidenceUploadResponseSchema },
    201: { description: 'Stored.', schema: evidenceUploadResponseSchema },
  },
  errors: [
    'validation_failed',
    ...SIGNED_IN,
    'forbidden',
    'consent_required',
    'payload_too_large',
    'unsupported_media_type',
  ],
});
