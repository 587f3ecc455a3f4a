import type { ErrorCode } from '#shared/schemas/errors';
import {
  noticeCreateSchema,
  noticeDetailResponseSchema,
  noticeResponseInputSchema,
  noticesQuerySchema,
  noticesResponseSchema,
  recipientInputSchema,
  recipientResponseSchema,
  recipientsResponseSchema,
  statementOfReasonsSchema,
} from '#shared/schemas/notices';
import { describeRoute } from '../openapi/registry';

const REVIEWERS: ErrorCode[] = ['unauthorized', 'forbidden', 'account_pending', 'account_blocked'];
const WRITERS: ErrorCode[] = [...REVIEWERS, 'consent_required', 'validation_failed'];
const tags = ['notices'];
const access = 'bearer';

describeRoute({
  method: 'get',
  path: '/api/notices/recipients',
  summary: 'Organisations notices go to, with their type, contact and deadline rule',
  tags,
  access,
  responses: { 200: { description: 'The recipients, by name.', schema: recipientsResponseSchema } },
  errors: REVIEWERS,
});

describeRoute({
  method: 'post',
  path: '/api/notices/recipients',
  summary: 'Add a recipient (an organisation, never a person)',
  tags,
  access,
  body: { json: recipientInputSchema },
  responses: { 201: { description: 'The recipient.', schema: recipientResponseSchema } },
  errors: [...WRITERS, 'unsupported_media_type'],
});

describeRoute({
  method: 'get',
  path: '/api/notices/recipients/:id',
  summary: 'One recipient',
  tags,
  access,
  responses: { 200: { description: 'The recipient.', schema: recipientResponseSchema } },
  errors: ['not_found', ...REVIEWERS],
});

describeRoute({
  method: 'put',
  path: '/api/notices/recipients/:id',
  summary: 'Change a recipient; a new deadline rule applies to notices sent from then on',
  tags,
  access,
  body: { json: recipientInputSchema },
  responses: { 200: { description: 'The recipient.', schema: recipientResponseSchema } },
  errors: ['not_found', ...WRITERS, 'unsupported_media_type'],
});

describeRoute({
  method: 'get',
  path: '/api/notices',
  summary:
    'Notices with their status now: overdue ones (sent, past the deadline, not answered with a final status) first',
  tags,
  access,
  query: noticesQuerySchema,
  responses: { 200: { description: 'The notices.', schema: noticesResponseSchema } },
  errors: ['validation_failed', ...REVIEWERS],
});

describeRoute({
  method: 'post',
  path: '/api/notices',
  summary: 'Draft a notice of materials to one recipient under a legal ground',
  tags,
  access,
  body: { json: noticeCreateSchema },
  responses: { 201: { description: 'The draft notice.', schema: noticeDetailResponseSchema } },
  errors: [...WRITERS, 'unsupported_media_type'],
});

describeRoute({
  method: 'get',
  path: '/api/notices/:id',
  summary: 'A notice with its materials (evidence hashes included) and responses',
  tags,
  access,
  responses: { 200: { description: 'The notice.', schema: noticeDetailResponseSchema } },
  errors: ['not_found', ...REVIEWERS],
});

describeRoute({
  method: 'get',
  path: '/api/notices/:id/statement',
  summary:
    'The notice as a statement of reasons: legal ground, explanation, territorial scope, URLs, dates, recipient',
  tags,
  access,
  responses: { 200: { description: 'The statement.', schema: statementOfReasonsSchema } },
  errors: ['not_found', ...REVIEWERS],
});

describeRoute({
  method: 'post',
  path: '/api/notices/:id/send',
  summary: 'Record a draft as sent: the deadline runs from now by the recipient’s rule',
  tags,
  access,
  responses: { 200: { description: 'The notice.', schema: noticeDetailResponseSchema } },
  errors: ['not_found', 'conflict', ...REVIEWERS, 'consent_required'],
});

describeRoute({
  method: 'post',
  path: '/api/notices/:id/responses',
  summary: 'Record the recipient’s response and the status it results in',
  tags,
  access,
  body: { json: noticeResponseInputSchema },
  responses: { 201: { description: 'The notice.', schema: noticeDetailResponseSchema } },
  errors: ['not_found', 'conflict', ...WRITERS, 'unsupported_media_type'],
});
