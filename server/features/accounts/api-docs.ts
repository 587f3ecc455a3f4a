import { meResponseSchema, registrationResponseSchema } from '#shared/schemas/account';
import {
  documentMetadataSchema,
  documentUploadMultipartSchema,
  myDocumentsResponseSchema,
  registrationMultipartSchema,
} from '#shared/schemas/documents';
import type { ErrorCode } from '#shared/schemas/errors';
import { describeRoute } from '../openapi/registry';

const SIGNED_IN: ErrorCode[] = ['unauthorized', 'account_pending', 'account_blocked'];
const UPLOAD: ErrorCode[] = ['validation_failed', 'payload_too_large', 'unsupported_media_type'];
const tags = ['accounts'];

describeRoute({
  method: 'post',
  path: '/api/auth/register',
  summary: 'Register with authorization documents; the account awaits approval',
  tags,
  access: 'public',
  body: { multipart: registrationMultipartSchema },
  responses: { 201: { description: 'Registered, pending.', schema: registrationResponseSchema } },
  errors: [...UPLOAD, 'conflict', 'email_taken'],
});

describeRoute({
  method: 'get',
  path: '/api/me',
  summary: 'The signed-in user and whether they consent to the current policy',
  tags,
  access: 'bearer',
  responses: { 200: { description: 'The user.', schema: meResponseSchema } },
  errors: SIGNED_IN,
});

describeRoute({
  method: 'get',
  path: '/api/me/documents',
  summary: "The signed-in user's documents (metadata)",
  tags,
  access: 'bearer',
  responses: { 200: { description: 'The documents.', schema: myDocumentsResponseSchema } },
  errors: SIGNED_IN,
});

describeRoute({
  method: 'post',
  path: '/api/me/documents',
  summary: 'Upload a representation document (power of attorney); it awaits an admin',
  tags,
  access: 'bearer',
  body: { multipart: documentUploadMultipartSchema },
  responses: { 201: { description: 'Stored, pending.', schema: documentMetadataSchema } },
  errors: [...UPLOAD, 'consent_required', ...SIGNED_IN],
});
