import {
  consentRecordSchema,
  consentSubmissionSchema,
  consentWithdrawalQuerySchema,
  policyVersionsResponseSchema,
} from '#shared/schemas/consent';
import type { ErrorCode } from '#shared/schemas/errors';
import { currentPolicySchema, publishPolicyRequestSchema } from '#shared/schemas/policy';
import { describeRoute } from '../openapi/registry';

const SIGNED_IN: ErrorCode[] = ['unauthorized', 'account_pending', 'account_blocked'];
const tags = ['policy and consent'];

describeRoute({
  method: 'get',
  path: '/api/policy/current',
  summary: 'The current privacy policy in Russian, Kazakh and English',
  tags,
  access: 'public',
  responses: { 200: { description: 'The current version.', schema: currentPolicySchema } },
  errors: ['not_found'],
});

describeRoute({
  method: 'get',
  path: '/api/policy/versions',
  summary: 'Every published policy version, newest first',
  tags,
  access: 'public',
  responses: { 200: { description: 'The versions.', schema: policyVersionsResponseSchema } },
  errors: [],
});

describeRoute({
  method: 'get',
  path: '/api/policy/:version',
  summary: 'One published policy version',
  tags,
  access: 'public',
  responses: { 200: { description: 'The version.', schema: currentPolicySchema } },
  errors: ['not_found'],
});

describeRoute({
  method: 'post',
  path: '/api/consent',
  summary: 'Accept the current policy version',
  tags,
  access: 'bearer',
  body: { json: consentSubmissionSchema },
  responses: { 201: { description: 'Consent recorded.', schema: consentRecordSchema } },
  errors: ['validation_failed', 'conflict', 'unsupported_media_type', ...SIGNED_IN],
});

describeRoute({
  method: 'delete',
  path: '/api/consent',
  summary: 'Withdraw consent: every token of the user stops working',
  tags,
  access: 'bearer',
  query: consentWithdrawalQuerySchema,
  responses: { 200: { description: 'Withdrawal recorded.', schema: consentRecordSchema } },
  errors: ['validation_failed', ...SIGNED_IN],
});

describeRoute({
  method: 'post',
  path: '/api/admin/policy',
  summary: 'Publish a new current policy version (admins)',
  tags: ['administration', ...tags],
  access: 'bearer',
  body: { json: publishPolicyRequestSchema },
  responses: { 201: { description: 'Published.', schema: currentPolicySchema } },
  errors: [
    'validation_failed',
    'conflict',
    'forbidden',
    'unsupported_media_type',
    'consent_required',
    ...SIGNED_IN,
  ],
});
