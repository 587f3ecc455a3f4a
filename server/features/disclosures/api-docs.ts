import {
  disclosureRequestSchema,
  disclosureResponseSchema,
  disclosuresPageSchema,
  disclosuresQuerySchema,
} from '#shared/schemas/disclosures';
import type { ErrorCode } from '#shared/schemas/errors';
import { describeRoute } from '../openapi/registry';

const ADMIN: ErrorCode[] = ['unauthorized', 'forbidden', 'account_pending', 'account_blocked'];
const tags = ['administration'];

describeRoute({
  method: 'post',
  path: '/api/admin/disclosures',
  summary:
    'Record a disclosure on a request and export the data in its scope (reporters identified only where allowed)',
  tags,
  access: 'bearer',
  body: { json: disclosureRequestSchema },
  responses: {
    201: { description: 'The record and the disclosed data.', schema: disclosureResponseSchema },
  },
  errors: ['validation_failed', 'unsupported_media_type', 'consent_required', ...ADMIN],
});

describeRoute({
  method: 'get',
  path: '/api/admin/disclosures',
  summary: 'Disclosure records, newest first',
  tags,
  access: 'bearer',
  query: disclosuresQuerySchema,
  responses: { 200: { description: 'A page of records.', schema: disclosuresPageSchema } },
  errors: ['validation_failed', ...ADMIN],
});
