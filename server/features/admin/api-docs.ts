import {
  adminUserResponseSchema,
  adminUsersQuerySchema,
  adminUsersResponseSchema,
  roleChangeRequestSchema,
} from '#shared/schemas/admin';
import { DOCUMENT_MIME_TYPES, documentMetadataSchema } from '#shared/schemas/documents';
import type { ErrorCode } from '#shared/schemas/errors';
import { describeRoute } from '../openapi/registry';

const ADMIN: ErrorCode[] = ['unauthorized', 'forbidden', 'account_pending', 'account_blocked'];
/** An admin's changes also need consent to the current policy, as every write does. */
const ADMIN_WRITE: ErrorCode[] = [...ADMIN, 'consent_required'];
const tags = ['administration'];
const userAnswer = { 200: { description: 'The account now.', schema: adminUserResponseSchema } };

describeRoute({
  method: 'get',
  path: '/api/admin/users',
  summary: "Accounts, oldest first, with their documents' metadata",
  tags,
  access: 'bearer',
  query: adminUsersQuerySchema,
  responses: { 200: { description: 'A page of accounts.', schema: adminUsersResponseSchema } },
  errors: ['validation_failed', ...ADMIN],
});

describeRoute({
  method: 'post',
  path: '/api/admin/users/:id/approve',
  summary: 'Activate an account; its pending authorization documents are approved with it',
  tags,
  access: 'bearer',
  responses: userAnswer,
  errors: ['not_found', 'conflict', ...ADMIN_WRITE],
});

describeRoute({
  method: 'post',
  path: '/api/admin/users/:id/block',
  summary: 'Block an account and revoke its tokens (not your own)',
  tags,
  access: 'bearer',
  responses: userAnswer,
  errors: ['not_found', 'conflict', ...ADMIN_WRITE],
});

describeRoute({
  method: 'post',
  path: '/api/admin/users/:id/role',
  summary: 'Give an account another role (you cannot demote yourself)',
  tags,
  access: 'bearer',
  body: { json: roleChangeRequestSchema },
  responses: userAnswer,
  errors: ['validation_failed', 'not_found', 'conflict', 'unsupported_media_type', ...ADMIN_WRITE],
});

for (const decision of ['approve', 'reject'] as const) {
  describeRoute({
    method: 'post',
    path: `/api/admin/documents/:id/${decision}`,
    summary: `${decision === 'approve' ? 'Approve' : 'Reject'} a document`,
    tags,
    access: 'bearer',
    responses: { 200: { description: 'The document now.', schema: documentMetadataSchema } },
    errors: ['not_found', ...ADMIN_WRITE],
  });
}

describeRoute({
  method: 'get',
  path: '/api/admin/documents/:id/file',
  summary: "A document's file, as an attachment",
  tags,
  access: 'bearer',
  responses: { 200: { description: 'The file.', contentTypes: DOCUMENT_MIME_TYPES } },
  errors: ['not_found', ...ADMIN],
});
