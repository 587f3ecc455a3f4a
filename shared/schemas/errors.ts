import { z } from 'zod';

/** The stable error codes of the HTTP API (api.md) with their HTTP status. */
export const ERROR_STATUS = {
  validation_failed: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  forbidden: 403,
  account_pending: 403,
  account_blocked: 403,
  consent_required: 403,
  not_found: 404,
  conflict: 409,
  email_taken: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  third_party_personal_data: 422,
  too_many_requests: 429,
  // Refused by the HTTP layer before any route: a request head over the size Node allows.
  headers_too_large: 431,
  internal_error: 500,
  // The server's disk is full: nothing was stored; the client retries after Retry-After.
  storage_full: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

export const errorCodeSchema = z.enum(ERROR_CODES);

/** The body of every error answer. */
export const errorBodySchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
